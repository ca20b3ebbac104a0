namespace TrainingLms.Domain.ShiftReviews;

/// <summary>
/// A class leader's end-of-shift etiquette review (班后讲评) for one team and one shift (or one day).
/// It holds the current text; changes after the day it was filed are kept as <see cref="ShiftReviewAmendment"/>s.
/// </summary>
public class ShiftReview
{
    public const int MaxTextLength = 2000;

    public int Id { get; set; }
    public int TeamId { get; set; }

    /// <summary>The site-local day the shift started on.</summary>
    public DateOnly ShiftDate { get; set; }

    /// <summary>The team's shift name, or <see cref="ShiftCalendar.DailyKey"/>.</summary>
    public required string ShiftKey { get; set; }

    /// <summary>Chosen by the form when it is first shown; a retry of the same submission finds this review.</summary>
    public Guid SubmissionKey { get; set; }

    public required string FiledById { get; set; }
    public DateTime FiledAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Filed after the shift's deadline; fixed when first filed.</summary>
    public bool FiledLate { get; set; }

    public int RosterSize { get; set; }
    public List<string> AbsentPersonIds { get; set; } = [];

    public string WentWell { get; set; } = "";
    public EtiquettePoint WentWellPoints { get; set; }
    public string FellShort { get; set; } = "";
    public EtiquettePoint FellShortPoints { get; set; }
    public string FollowUps { get; set; } = "";

    public List<ShiftReviewNote> Notes { get; set; } = [];
    public List<ShiftReviewAmendment> Amendments { get; set; } = [];

    public ReviewContent Content => new(WentWell, WentWellPoints, FellShort, FellShortPoints, FollowUps, AbsentPersonIds);

    public void Apply(ReviewContent content)
    {
        WentWell = content.WentWell;
        WentWellPoints = content.WentWellPoints;
        FellShort = content.FellShort;
        FellShortPoints = content.FellShortPoints;
        FollowUps = content.FollowUps;
        AbsentPersonIds = [.. content.AbsentPersonIds];
    }
}

/// <summary>What a leader writes in a review, as one value: the form's input and an amendment's "before".</summary>
public sealed record ReviewContent(
    string WentWell, EtiquettePoint WentWellPoints, string FellShort, EtiquettePoint FellShortPoints, string FollowUps, IReadOnlyList<string> AbsentPersonIds)
{
    public bool SaysSomething => WentWell.Length > 0 || FellShort.Length > 0 || WentWellPoints != 0 || FellShortPoints != 0;

    public bool SameAs(ReviewContent other) =>
        WentWell == other.WentWell && WentWellPoints == other.WentWellPoints && FellShort == other.FellShort
        && FellShortPoints == other.FellShortPoints && FollowUps == other.FollowUps
        && AbsentPersonIds.Order().SequenceEqual(other.AbsentPersonIds.Order());
}

/// <summary>A change made after the day the review was filed: who, when, why, and what it said before.</summary>
public class ShiftReviewAmendment
{
    public const int MaxReasonLength = 500;

    public int Id { get; set; }
    public int ReviewId { get; set; }
    public required string AmendedById { get; set; }
    public DateTime AmendedAtUtc { get; set; }
    public required string Reason { get; set; }
    public required ReviewContent Before { get; set; }
}

public enum NoteKind
{
    Praise = 1,
    Correction = 2,
}

/// <summary>Praise or a correction addressed to one member of the team, shown on their home page.</summary>
public class ShiftReviewNote
{
    public const int MaxTextLength = 500;

    public int Id { get; set; }
    public int ReviewId { get; set; }
    public required string PersonId { get; set; }

    /// <summary>Copied from the review so a person's notes are found by day without a join.</summary>
    public DateOnly ShiftDate { get; set; }
    public int TeamId { get; set; }

    public NoteKind Kind { get; set; }
    public EtiquettePoint Points { get; set; }
    public string Text { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? AcknowledgedAtUtc { get; set; }
}
