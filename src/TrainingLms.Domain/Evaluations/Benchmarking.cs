namespace TrainingLms.Domain.Evaluations;

/// <summary>Who gave an "I Smile, I Act" rating.</summary>
public enum BenchmarkSource
{
    Self = 1,
    Peer = 2,
    Customer = 3,
}

/// <summary>
/// One "I Smile, I Act" rating, 1–5 on each point. Staff rate meet, smile, greet and rise; a customer rates only the
/// smile and the greeting, about an employee or a post, and is never identified.
/// </summary>
public class BenchmarkRating
{
    public int Id { get; set; }
    public BenchmarkSource Source { get; set; }

    /// <summary>The employee rated; null when a customer rated a post rather than a person.</summary>
    public string? PersonId { get; set; }
    public int? PositionId { get; set; }
    public int SiteId { get; set; }

    /// <summary>The colleague (or the person themself) who rated; always null for customers.</summary>
    public string? RaterId { get; set; }

    /// <summary>The feedback code a customer's rating came through.</summary>
    public int? FeedbackCodeId { get; set; }
    public int Smile { get; set; }
    public int Greeting { get; set; }
    public int? Meet { get; set; }
    public int? Rise { get; set; }
    public string? Comment { get; set; }
    public DateTime AtUtc { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
}

/// <summary>The code behind a printed QR code: one per post at a site, or one per employee.</summary>
public class FeedbackCode
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int SiteId { get; set; }
    public string? PersonId { get; set; }
    public int? PositionId { get; set; }
    public required string Label { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>A benchmark employee's smile story as a trainer published it, optionally with a clip and its moments.</summary>
public class SmileStory
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public required string PersonId { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public int? ClipId { get; set; }
    public required string AuthorId { get; set; }

    /// <summary>Chosen by the form when it is first shown; publishing the same form twice finds this story.</summary>
    public Guid? SubmissionKey { get; set; }
    public DateTime PublishedAtUtc { get; set; }
    public bool IsWithdrawn { get; set; }
}

/// <summary>A nomination for a site's quarterly service star, with the reason.</summary>
public class ServiceStarNomination
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public required string PersonId { get; set; }
    public required string NominatedById { get; set; }
    public required string Reason { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>
/// The quarter's choice for a site: one of the nominees, or nobody (<see cref="PersonId"/> null) — better no star
/// than a poor one. Made once per site and quarter.
/// </summary>
public class ServiceStarDecision
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public string? PersonId { get; set; }
    public required string Reason { get; set; }
    public required string DecidedById { get; set; }
    public DateTime DecidedAtUtc { get; set; }
}
