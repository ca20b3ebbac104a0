namespace TrainingLms.Domain.Courses;

public enum AssignmentSource
{
    Audience = 1,
    Person = 2,
    Team = 3,
    Site = 4,
}

/// <summary>A course a person must complete, by its audience rules or by a trainer's or administrator's choice.</summary>
public class CourseAssignment
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public Course? Course { get; set; }
    public required string PersonId { get; set; }
    public AssignmentSource Source { get; set; }
    public string? AssignedById { get; set; }
    public DateTime AssignedAtUtc { get; set; }
    public DateOnly DueOn { get; set; }
}

/// <summary>A lesson completed at one course version; rows are never removed, so history survives new versions.</summary>
public class LessonCompletion
{
    public int Id { get; set; }
    public required string PersonId { get; set; }
    public int CourseId { get; set; }
    public required string LessonKey { get; set; }
    public int CourseVersion { get; set; }
    public DateTime CompletedAtUtc { get; set; }
}

/// <summary>A course completed at one version.</summary>
public class CourseCompletion
{
    public int Id { get; set; }
    public required string PersonId { get; set; }
    public int CourseId { get; set; }
    public int CourseVersion { get; set; }
    public DateTime CompletedAtUtc { get; set; }
}

/// <summary>
/// One try at a lesson's knowledge check. It is started when the learner asks for the questions (which are drawn
/// then and stored, so the review and any audit show exactly what the learner saw) and finished when they hand it in.
/// </summary>
public class QuizAttempt
{
    public int Id { get; set; }
    public required string PersonId { get; set; }
    public int CourseId { get; set; }
    public required string LessonKey { get; set; }
    public int CourseVersion { get; set; }

    /// <summary>The lesson revision whose check was drawn from; null for attempts stored before draws were kept.</summary>
    public int? LessonRevisionId { get; set; }

    /// <summary>The questions shown, in order, each with its options in the order shown; empty for attempts from before.</summary>
    public List<ShownQuestion> Shown { get; set; } = [];

    /// <summary>Per shown question, the options chosen, by identity (their index as written), never by position.</summary>
    public List<List<int>> Answers { get; set; } = [];
    public int ScorePercent { get; set; }
    public bool Passed { get; set; }
    public DateTime StartedAtUtc { get; set; }

    /// <summary>When it was handed in; null while it is open. Only finished attempts count.</summary>
    public DateTime? FinishedAtUtc { get; set; }
}

/// <summary>One more attempt at a knowledge check, granted by a trainer with a reason; kept as the record of who and why.</summary>
public class QuizAttemptGrant
{
    public const int MaxReasonLength = 500;

    public int Id { get; set; }
    public required string PersonId { get; set; }
    public int CourseId { get; set; }
    public required string LessonKey { get; set; }
    public int CourseVersion { get; set; }
    public required string GrantedById { get; set; }
    public required string Reason { get; set; }
    public DateTime GrantedAtUtc { get; set; }
}
