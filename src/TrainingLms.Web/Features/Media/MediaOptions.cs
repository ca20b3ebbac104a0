using System.ComponentModel.DataAnnotations;

namespace TrainingLms.Web.Features.Media;

public class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>Folder holding Debian's ffmpeg and ffprobe.</summary>
    [Required(AllowEmptyStrings = false)]
    public string FfmpegDirectory { get; set; } = "/usr/bin";
}
