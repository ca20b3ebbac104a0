namespace TrainingLms.Domain.Evaluations;

/// <summary>
/// One calendar month of evaluations (in the company's time zone). Opening it lists every supervisor and team to be
/// evaluated with their evaluators; closing it freezes what was and was not evaluated.
/// </summary>
public class EvaluationPeriod
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }

    /// <summary>The last day evaluators may score; missing evaluations are flagged before it.</summary>
    public DateOnly Deadline { get; set; }
    public DateTime OpenedAtUtc { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    public string? ClosedById { get; set; }
    public List<EvaluationTarget> Targets { get; set; } = [];

    public bool IsClosed => ClosedAtUtc is not null;

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);
}

/// <summary>
/// Someone or something to be evaluated in a period, with the form revision to use and a snapshot of the name and
/// site, so the period's record reads the same after people move or teams are renamed.
/// </summary>
public class EvaluationTarget
{
    public int Id { get; set; }
    public int PeriodId { get; set; }
    public int FormRevisionId { get; set; }
    public EvaluationFormRevision? FormRevision { get; set; }
    public EvaluationSubject Subject { get; set; }

    /// <summary>The supervisor evaluated (Supervisor targets).</summary>
    public string? PersonId { get; set; }

    /// <summary>The team evaluated (Team targets).</summary>
    public int? TeamId { get; set; }
    public int SiteId { get; set; }
    public required string SubjectName { get; set; }
    public required string SiteName { get; set; }
    public List<EvaluatorAssignment> Evaluators { get; set; } = [];
    public List<Evaluation> Evaluations { get; set; } = [];
}

/// <summary>A trainer or manager asked to evaluate a target in its period.</summary>
public class EvaluatorAssignment
{
    public int Id { get; set; }
    public int TargetId { get; set; }
    public required string EvaluatorId { get; set; }
    public required string EvaluatorName { get; set; }
}

/// <summary>
/// One evaluator's scores for one target. An evaluator may correct it while the period is open; once closed it is final.
/// <see cref="Percent"/> is the weighted score, 0–100, to one decimal.
/// </summary>
public class Evaluation
{
    public const int MaxCommentLength = 1000;

    public int Id { get; set; }
    public int TargetId { get; set; }
    public required string EvaluatorId { get; set; }
    public required string EvaluatorName { get; set; }
    public List<CriterionScore> Scores { get; set; } = [];
    public double Percent { get; set; }
    public string? Comment { get; set; }
    public DateTime SubmittedAtUtc { get; set; }
    public DateTime? RevisedAtUtc { get; set; }
}

/// <summary>
/// One criterion's score as recorded. For a computed criterion, <see cref="SourcePercent"/> is the value it was
/// computed from and <see cref="SourceDetail"/> says from what (e.g. "18 of 20 reviews filed, 2026-11").
/// </summary>
public sealed record CriterionScore(string Key, int Score, int Max, int Weight, CriterionSource Source, double? SourcePercent = null, string? SourceDetail = null);
