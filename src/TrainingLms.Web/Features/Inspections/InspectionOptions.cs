using System.ComponentModel.DataAnnotations;

namespace TrainingLms.Web.Features.Inspections;

public sealed class InspectionOptions
{
    public const string SectionName = "Inspections";

    /// <summary>Days a class leader has to put a "not OK" item right.</summary>
    [Range(1, 90)]
    public int RectificationDays { get; set; } = 3;

    /// <summary>A photo longer than this is refused before it is decoded.</summary>
    [Range(100_000, 100_000_000)]
    public long MaxPhotoBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Stored photos are resized so that their long side is at most this.</summary>
    [Range(320, 4096)]
    public int MaxPhotoSide { get; set; } = 1600;

    /// <summary>A picture with more pixels than this is refused before decoding (a small file can announce a huge image).</summary>
    [Range(1_000_000, 200_000_000)]
    public long MaxPhotoPixels { get; set; } = 60_000_000;

    [Range(1, 30)]
    public int MaxPhotosPerInspection { get; set; } = 10;

    /// <summary>The inspection page's request limit: a few phone photos.</summary>
    public const long FormBodyBytes = 100L * 1024 * 1024;
}
