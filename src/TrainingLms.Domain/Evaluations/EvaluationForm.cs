using TrainingLms.Domain.Courses;

namespace TrainingLms.Domain.Evaluations;

/// <summary>What a monthly evaluation form evaluates: one foreman or supervisor, or one team's on-site post training.</summary>
public enum EvaluationSubject
{
    Supervisor = 1,
    Team = 2,
}

/// <summary>
/// Where a criterion's value comes from: the evaluator's score, or a share the system computes for the period from
/// data it already holds (each a percentage, mapped onto the criterion's 0–Max scale).
/// </summary>
public enum CriterionSource
{
    Scored = 0,
    /// <summary>Share of the shift reviews due in the month that the team (or the supervisor's teams) filed.</summary>
    ReviewFilingRate = 1,
    /// <summary>Share of the course assignments due in the month that were completed by its end.</summary>
    CourseCompletion = 2,
    /// <summary>Share of signed drill attempts in the month that passed.</summary>
    DrillPassRate = 3,
    /// <summary>Share of the clips required by the lessons of the people's assigned courses that they watched to the required share.</summary>
    RequiredClipWatchedShare = 4,
    /// <summary>Share of the items judged in the month's inspections of the teams that were OK ("not seen" left out).</summary>
    InspectionPassRate = 5,
}

/// <summary>One line of an evaluation form, scored 0–<see cref="Max"/> and weighted like a drill criterion.</summary>
public sealed record EvaluationCriterion(string Key, LocalizedText Title, LocalizedText Standard, int Max, int Weight, CriterionSource Source)
{
    public const int MaxPoints = 10;

    public bool IsComputed => Source != CriterionSource.Scored;
}

/// <summary>An evaluation form from content/evaluations, identified by its slug; revisions are only ever added.</summary>
public class EvaluationForm : IContentItem
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public List<EvaluationFormRevision> Revisions { get; set; } = [];
    public string? SourceHash { get; set; }
    public string? SourceFile { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>One stored state of a form. A period's targets point at the revision in force when the period opened.</summary>
public class EvaluationFormRevision : IContentRevision
{
    public int Id { get; set; }
    public int FormId { get; set; }
    public int Version { get; set; }
    public int Number { get; set; }
    public string ContentHash { get; set; } = "";
    public EvaluationSubject Subject { get; set; }
    public required LocalizedText Title { get; set; }
    public required LocalizedText Summary { get; set; }
    public List<EvaluationCriterion> Criteria { get; set; } = [];
    public DateTime CreatedAtUtc { get; set; }
}
