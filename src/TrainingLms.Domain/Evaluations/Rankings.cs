namespace TrainingLms.Domain.Evaluations;

/// <summary>
/// A month's ranking of one subject kind as an administrator published it. Publications are only ever added:
/// an amendment after an appeal is a new <see cref="Revision"/> beside the one it corrects.
/// </summary>
public class RankingPublication
{
    public int Id { get; set; }
    public int PeriodId { get; set; }
    public EvaluationSubject Subject { get; set; }

    /// <summary>1 for the first publication, then one more for each amendment.</summary>
    public int Revision { get; set; }
    public List<RankingEntry> Entries { get; set; } = [];
    public DateTime PublishedAtUtc { get; set; }
    public required string PublishedById { get; set; }
    public required string PublishedByName { get; set; }

    /// <summary>The appeal this revision answers, with the administrator's reason; null for the first publication.</summary>
    public int? AmendsAppealId { get; set; }
    public string? AmendmentNote { get; set; }
}

/// <summary>
/// One ranked line: <see cref="Score"/> is the normalised score the rank is decided on, <see cref="RawScore"/> the
/// plain mean of the evaluators' percentages. Equal scores share a rank (1, 2, 2, 4).
/// </summary>
public sealed record RankingEntry(
    int TargetId, string SubjectName, string SiteName, int Rank, double Score, double RawScore, int Evaluations, IReadOnlyList<string> Evaluators);

public enum AppealStatus
{
    Open = 0,
    Upheld = 1,
    Amended = 2,
}

/// <summary>
/// An evaluated person's appeal against a published ranking line, and the administrator's decision. Upholding keeps
/// the ranking; amending publishes a new revision with the corrected score.
/// </summary>
public class RankingAppeal
{
    public int Id { get; set; }
    public int PublicationId { get; set; }
    public int TargetId { get; set; }
    public required string AppellantId { get; set; }
    public required string AppellantName { get; set; }
    public required string Reason { get; set; }
    public DateTime FiledAtUtc { get; set; }
    public AppealStatus Status { get; set; }
    public string? DecidedById { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? Decision { get; set; }
    public double? AmendedScore { get; set; }
    public int? AmendedPublicationId { get; set; }
}
