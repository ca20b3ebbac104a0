namespace TrainingLms.Domain.Courses;

/// <summary>A course, identified by its slug; what learners see is its current revision.</summary>
public class Course
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public int? CurrentRevisionId { get; set; }
    public CourseRevision? CurrentRevision { get; set; }

    /// <summary>Hash of the course folder last synced from content/; an unchanged folder is not parsed again.</summary>
    public string? SourceHash { get; set; }

    /// <summary>The folder under content/courses it was read from; its pictures are served from there.</summary>
    public string? SourceFolder { get; set; }

    /// <summary>False once the course's folder has gone from content/: no new assignments, history kept.</summary>
    public bool IsActive { get; set; } = true;
}

public enum RevisionSource
{
    Content = 1,
    Editor = 2,
}

/// <summary>
/// One stored state of a course. <see cref="Version"/> is the author's version (raised for a substantive change);
/// <see cref="Number"/> counts every revision, patches included.
/// </summary>
public class CourseRevision
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public int Version { get; set; }
    public int Number { get; set; }

    /// <summary>Hash of everything learners see in this revision; a sync that would store the same hash stores nothing.</summary>
    public string ContentHash { get; set; } = "";
    public required LocalizedText Title { get; set; }
    public required LocalizedText Summary { get; set; }
    public required LocalizedText Introduction { get; set; }
    public List<AudienceRule> Audience { get; set; } = [];
    public bool CountsTowardClearance { get; set; }
    public int DueDays { get; set; }
    public int EstimatedMinutes { get; set; }
    public RevisionSource Source { get; set; }
    public string? CreatedById { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public List<LessonRevision> Lessons { get; set; } = [];
}

/// <summary>A lesson as stored in one course revision: Markdown bodies, its knowledge check and the clips it requires.</summary>
public class LessonRevision
{
    public int Id { get; set; }
    public int CourseRevisionId { get; set; }

    /// <summary>The lesson file's name without extension (e.g. 01-meet); stable across revisions.</summary>
    public required string Key { get; set; }
    public int Order { get; set; }
    public required LocalizedText Title { get; set; }
    public int? Minutes { get; set; }
    public required string BodyZh { get; set; }
    public string? BodyEn { get; set; }
    public Quiz? Quiz { get; set; }
    public List<string> RequiredClips { get; set; } = [];

    /// <summary>Hash of the lesson's text and quiz: tells which lessons a new version changed.</summary>
    public required string ContentHash { get; set; }
}
