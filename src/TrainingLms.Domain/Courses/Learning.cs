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

/// <summary>One try at a lesson's knowledge check.</summary>
public class QuizAttempt
{
    public int Id { get; set; }
    public required string PersonId { get; set; }
    public int CourseId { get; set; }
    public required string LessonKey { get; set; }
    public int CourseVersion { get; set; }
    public List<List<int>> Answers { get; set; } = [];
    public int ScorePercent { get; set; }
    public bool Passed { get; set; }
    public DateTime AttemptedAtUtc { get; set; }
}
