namespace TrainingLms.Domain.TrainingRecords;

public enum TrainingRecordStatus
{
    /// <summary>Recorded (or corrected and sent again) by the class leader; waiting for a countersignature.</summary>
    Submitted = 1,
    Countersigned = 2,
    /// <summary>Sent back with a comment; the class leader corrects it and submits it again.</summary>
    Returned = 3,
}

public enum TrainingStepKind
{
    Submitted = 1,
    Resubmitted = 2,
    Returned = 3,
    Countersigned = 4,
}

/// <summary>
/// A class leader's pre-job training (班前培训) of the team before a shift: what was taught, to whom, for how long.
/// A site manager or a trainer oversees its quality by countersigning it or returning it with a comment.
/// </summary>
public class TrainingRecord
{
    public const int MaxTopicLength = 200;
    public const int MaxCommentLength = 500;
    public const int MaxLessonKeyLength = 100;

    public int Id { get; set; }
    public int TeamId { get; set; }

    /// <summary>The site-local day the training was held.</summary>
    public DateOnly TrainedOn { get; set; }

    /// <summary>The team's shift the training preceded, or the daily key for teams without concentrated shifts.</summary>
    public required string ShiftKey { get; set; }

    /// <summary>The course lesson taught, when the topic is one; <see cref="Topic"/> then holds its title as it was.</summary>
    public int? CourseId { get; set; }
    public string? LessonKey { get; set; }

    /// <summary>What was taught, in the leader's words or the lesson's title.</summary>
    public required string Topic { get; set; }

    public int Minutes { get; set; }

    /// <summary>A clip shown during the training, if any.</summary>
    public int? ClipId { get; set; }

    /// <summary>Chosen by the form when it is first shown; a retry of the same submission finds this record.</summary>
    public Guid SubmissionKey { get; set; }

    public TrainingRecordStatus Status { get; set; } = TrainingRecordStatus.Submitted;

    public required string RecordedById { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public List<TrainingAttendee> Attendees { get; set; } = [];

    /// <summary>Every step (recorded, returned, resubmitted, countersigned): who and when, with the comment of a return.</summary>
    public List<TrainingRecordStep> Steps { get; set; } = [];
}

/// <summary>One team member who attended a training.</summary>
public class TrainingAttendee
{
    public int RecordId { get; set; }
    public required string PersonId { get; set; }

    /// <summary>Copied from the record so a person's trainings are listed by day without a join.</summary>
    public DateOnly TrainedOn { get; set; }
}

public class TrainingRecordStep
{
    public int Id { get; set; }
    public int RecordId { get; set; }
    public TrainingStepKind Kind { get; set; }
    public required string ById { get; set; }
    public DateTime AtUtc { get; set; }
    public string? Comment { get; set; }
}
