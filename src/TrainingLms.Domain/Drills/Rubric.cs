using System.Text.Json.Serialization;
using TrainingLms.Domain.Courses;

namespace TrainingLms.Domain.Drills;

public enum ScaleKind
{
    PassFail = 1,
    Points = 2,
}

/// <summary>How a criterion is scored: pass or fail (0 or 1), or whole points from 0 to <see cref="Max"/>.</summary>
public sealed record CriterionScale(ScaleKind Kind, int Max)
{
    /// <summary>The largest 0–N scale a rubric may use; it keeps the weighted sums exact in whole numbers.</summary>
    public const int MaxPoints = 10;

    public static readonly CriterionScale PassFail = new(ScaleKind.PassFail, 1);

    public static CriterionScale Points(int max) => new(ScaleKind.Points, max);

    public bool Allows(int score) => score >= 0 && score <= Max;
}

/// <summary>
/// One thing the trainer watches for: the standard action described, how it is scored, how much it weighs,
/// and whether the drill is failed without it whatever the total.
/// </summary>
/// <param name="PassAt">For a must-pass criterion on a 0–N scale, the lowest score that meets it.</param>
/// <param name="Minimum">One of the minimum actions of every post (meet, smile, greet, rise …): it must be must-pass.</param>
public sealed record DrillCriterion(
    string Key, LocalizedText Title, LocalizedText Standard, CriterionScale Scale, int Weight, bool MustPass, int? PassAt = null, bool Minimum = false)
{
    /// <summary>The lowest score that meets the criterion: a pass on pass/fail, <see cref="PassAt"/> (or full marks) on points.</summary>
    [JsonIgnore]
    public int MeetsAt => Scale.Kind == ScaleKind.PassFail ? 1 : PassAt ?? Scale.Max;

    public bool IsMet(int score) => score >= MeetsAt;
}

/// <summary>
/// A drill rubric, identified by its slug. Revisions are only ever added; the current one is the highest
/// <see cref="DrillRevision.Number"/>, and trainers score against it.
/// </summary>
public class Drill : IContentItem
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public List<DrillRevision> Revisions { get; set; } = [];

    /// <summary>Hash of the rubric file (and its English file) last synced; an unchanged file is not parsed again.</summary>
    public string? SourceHash { get; set; }

    /// <summary>The file under content/drills it was read from.</summary>
    public string? SourceFile { get; set; }

    /// <summary>False once its file has gone from content/: no new sessions, results kept.</summary>
    public bool IsActive { get; set; } = true;
}

/// <summary>
/// One stored state of a rubric. Results point at the revision they were scored against, so a later edit never
/// changes what a signed result meant. <see cref="Version"/> is the author's; <see cref="Number"/> counts every revision.
/// </summary>
public class DrillRevision : IContentRevision
{
    public int Id { get; set; }
    public int DrillId { get; set; }
    public int Version { get; set; }
    public int Number { get; set; }

    /// <summary>Hash of everything the rubric says; part of every signed result's canonical form.</summary>
    public string ContentHash { get; set; } = "";
    public required LocalizedText Title { get; set; }
    public required LocalizedText Summary { get; set; }

    /// <summary>The trainer's briefing (Markdown): how to run the drill, the scenario to play.</summary>
    public required LocalizedText Briefing { get; set; }

    /// <summary>Percent of the weighted score needed to pass (every must-pass criterion met as well).</summary>
    public int PassMark { get; set; }
    public int ValidityMonths { get; set; }
    public int RetakeWaitDays { get; set; }
    public List<DrillCriterion> Criteria { get; set; } = [];
    public DateTime CreatedAtUtc { get; set; }
}
