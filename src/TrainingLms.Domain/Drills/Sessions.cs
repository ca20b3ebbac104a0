namespace TrainingLms.Domain.Drills;

public enum SessionKind
{
    /// <summary>Planned ahead for a date, with its candidates.</summary>
    Scheduled = 1,

    /// <summary>Recorded on the spot, on the day it is held.</summary>
    AdHoc = 2,
}

/// <summary>A drill held (or to be held) at one site on one site-local day, by a trainer, for some candidates.</summary>
public class DrillSession
{
    public const int MaxNoteLength = 500;

    public int Id { get; set; }
    public int DrillId { get; set; }
    public int SiteId { get; set; }
    public DateOnly HeldOn { get; set; }
    public SessionKind Kind { get; set; }
    public string Note { get; set; } = "";
    public required string CreatedById { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Chosen by the form when it is first shown: a double tap or a retry finds the session it created.</summary>
    public Guid SubmissionKey { get; set; }

    public List<DrillAttempt> Attempts { get; set; } = [];
}

/// <summary>
/// One candidate's attempt at a session's drill, scored against one rubric revision. A draft until a trainer signs it;
/// from then on its scores never change (the guard in the data layer refuses it, the hash shows it). A mistake is
/// annulled with a countersignature and corrected by a new attempt that points back at it.
/// </summary>
public class DrillAttempt
{
    public const int MaxCommentLength = 1000;

    public int Id { get; set; }
    public int SessionId { get; set; }
    public DrillSession? Session { get; set; }
    public required string CandidateId { get; set; }
    public int DrillRevisionId { get; set; }
    public DrillRevision? DrillRevision { get; set; }

    /// <summary>The annulled attempt this one corrects; null for a first attempt.</summary>
    public int? CorrectsAttemptId { get; set; }

    public string Comment { get; set; } = "";
    public List<DrillScore> Scores { get; set; } = [];
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    // Set once, when signed; all of them are in the content hash.
    public int? PercentTenths { get; set; }
    public bool? Passed { get; set; }
    public DateOnly? ValidThrough { get; set; }
    public DateOnly? RetakeFrom { get; set; }
    public string? SignedById { get; set; }
    public DateTime? SignedAtUtc { get; set; }
    public string? ContentHash { get; set; }

    /// <summary>When the countersignature made the annulment final.</summary>
    public DateTime? AnnulledAtUtc { get; set; }

    public DateTime? AcknowledgedAtUtc { get; set; }

    public bool IsSigned => SignedAtUtc is not null;
}

/// <summary>One criterion's score on an attempt, with the trainer's comment and optional evidence from a clip.</summary>
public class DrillScore
{
    public const int MaxCommentLength = 500;

    public int Id { get; set; }
    public int AttemptId { get; set; }
    public required string CriterionKey { get; set; }
    public int? Score { get; set; }
    public string Comment { get; set; } = "";

    /// <summary>
    /// A clip in the clip library (its slug) showing the candidate at this criterion, and where in it. The clip library
    /// lands separately; until then the slug is only checked for its form.
    /// </summary>
    public string? EvidenceClipSlug { get; set; }
    public int? EvidenceAtSeconds { get; set; }
}

/// <summary>
/// The request to annul a signed attempt, with its reason; final only once another trainer or an administrator
/// countersigns. Nothing is deleted: the attempt stays in the history, marked annulled.
/// </summary>
public class DrillAnnulment
{
    public const int MaxReasonLength = 500;

    public int Id { get; set; }
    public int AttemptId { get; set; }
    public required string Reason { get; set; }
    public required string RequestedById { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    public string? CountersignedById { get; set; }
    public DateTime? CountersignedAtUtc { get; set; }
}
