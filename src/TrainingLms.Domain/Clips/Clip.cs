using TrainingLms.Domain.ShiftReviews;

namespace TrainingLms.Domain.Clips;

/// <summary>What a clip is, which decides who may see it before it is published.</summary>
public enum ClipKind
{
    /// <summary>The company's smile-service training DV.</summary>
    TrainingDv = 1,

    /// <summary>An unannounced "Smile Discovery" (发现微笑) recording of staff at work.</summary>
    SmileDiscovery = 2,

    /// <summary>A benchmark employee's smile story.</summary>
    BenchmarkStory = 3,

    /// <summary>Footage filmed at a benchmark company, for comparing with one's own site.</summary>
    BenchmarkCompanyFootage = 4,
}

public enum ClipStatus
{
    /// <summary>Uploaded and waiting for, or in, transcoding.</summary>
    Processing = 1,
    Ready = 2,
    Failed = 3,
    Cancelled = 4,
}

public static class ClipKinds
{
    public static readonly IReadOnlyList<ClipKind> All = [ClipKind.TrainingDv, ClipKind.SmileDiscovery, ClipKind.BenchmarkStory, ClipKind.BenchmarkCompanyFootage];

    /// <summary>Recordings of real people at work, or of another company: hidden from staff until a trainer publishes them.</summary>
    public static bool NeedsPublishing(this ClipKind kind) => kind is ClipKind.SmileDiscovery or ClipKind.BenchmarkCompanyFootage;
}

/// <summary>A training clip: the original as uploaded, and the web renditions made from it.</summary>
public class Clip
{
    public const int MaxTitleLength = 120;
    public const int MaxDescriptionLength = 2000;
    public const int MaxSlugLength = 80;

    public int Id { get; set; }

    /// <summary>The name lessons use in their <c>clip</c> blocks.</summary>
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public ClipKind Kind { get; set; }
    public int? SiteId { get; set; }
    public DateOnly? RecordedOn { get; set; }

    public bool IsPublished { get; set; }
    public DateTime? PublishedAtUtc { get; set; }

    public ClipStatus Status { get; set; } = ClipStatus.Processing;

    /// <summary>The file name as uploaded (shown to trainers); the original itself is stored under a name of the system's.</summary>
    public required string OriginalFileName { get; set; }
    public required string OriginalExtension { get; set; }
    public long OriginalBytes { get; set; }

    /// <summary>What the probe at upload found; transcoding plans the renditions from it.</summary>
    public required VideoFacts Source { get; set; }

    /// <summary>From the probe at upload; replaced by the rendition's own duration once transcoded.</summary>
    public double DurationSeconds { get; set; }
    public int DisplayWidth { get; set; }
    public int DisplayHeight { get; set; }

    public List<ClipRendition> Renditions { get; set; } = [];
    public bool HasPoster { get; set; }

    public required string UploadedById { get; set; }
    public DateTime UploadedAtUtc { get; set; }

    public List<ClipMoment> Moments { get; set; } = [];
    public List<ClipFeaturedPerson> FeaturedPeople { get; set; } = [];
}

/// <summary>One web rendition (H.264 + AAC MP4), named by the height of its shorter side: "480p", "720p".</summary>
public sealed record ClipRendition(int Width, int Height, long Bytes)
{
    public int ShortSide => Math.Min(Width, Height);
    public string Name => $"{ShortSide}p";
}

public enum MomentKind
{
    GoodExample = 1,
    ToCorrect = 2,
}

/// <summary>A timestamped moment a trainer marked: a good example or something to correct, on one etiquette point.</summary>
public class ClipMoment
{
    public const int MaxNoteLength = 300;

    public int Id { get; set; }
    public int ClipId { get; set; }
    public double AtSeconds { get; set; }
    public MomentKind Kind { get; set; }
    public EtiquettePoint Point { get; set; }
    public string Note { get; set; } = "";
}

/// <summary>
/// A person seen in a clip, and their answer to the notice of it. They always see the clips they are in; anyone else
/// but the library's curators sees the clip only once everyone in it has agreed (<see cref="FilmingConsents"/>).
/// </summary>
public class ClipFeaturedPerson
{
    public int ClipId { get; set; }
    public required string PersonId { get; set; }

    public FilmingConsent Consent { get; set; } = FilmingConsent.Pending;

    /// <summary>When they were named as filmed: the notice is theirs to answer from then on.</summary>
    public DateTime NotifiedAtUtc { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
}
