using System.ComponentModel.DataAnnotations;

namespace TrainingLms.Web.Infrastructure;

/// <summary>Where the LMS keeps its database and files: outside the source tree.</summary>
public class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Empty means the per-user data folder (~/.local/share/TrainingLms on Linux).</summary>
    public string DataPath { get; set; } = "";

    [Required(AllowEmptyStrings = false)]
    public string DatabaseFileName { get; set; } = "lms.db";

    /// <summary>
    /// Where the clips live: uploads, originals, renditions and each attempt's work files. Empty means <c>clips</c> in the
    /// data folder. Transcode workers on other machines need it on a folder they all share (NFS).
    /// </summary>
    public string ClipsPath { get; set; } = "";

    public string ResolvedClipsPath => string.IsNullOrWhiteSpace(ClipsPath) ? Path.Combine(ResolvedDataPath, "clips") : Path.GetFullPath(ClipsPath);

    public string ResolvedDataPath => string.IsNullOrWhiteSpace(DataPath)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "TrainingLms")
        : Path.GetFullPath(DataPath);
}
