using TrainingLms.Domain.Courses;

namespace TrainingLms.Domain.Drills;

public enum RequirementKind
{
    Course = 1,
    Drill = 2,
}

/// <summary>Something a post requires before its holder is cleared: a course (completed at its current version) or a drill (passed, still valid).</summary>
public sealed record Requirement(RequirementKind Kind, string Slug);

/// <summary>An administrator's rule: people in this position need this course or drill.</summary>
public class ClearanceRequirement
{
    public int Id { get; set; }
    public int PositionId { get; set; }
    public RequirementKind Kind { get; set; }
    public required string Slug { get; set; }
}

public enum ClearanceStatus
{
    /// <summary>The person's post and roles require nothing.</summary>
    NotRequired = 0,
    Cleared = 1,

    /// <summary>Cleared, but a drill pass runs out within the warning period.</summary>
    Expiring = 2,
    NotCleared = 3,

    /// <summary>Everything was once met; only drill passes that have run out stand in the way.</summary>
    Expired = 4,
}

public enum GapReason
{
    CourseNotStarted = 1,
    CourseInProgress = 2,

    /// <summary>Completed at an earlier version; lessons changed since need redoing.</summary>
    CourseReviewNeeded = 3,
    CourseUnavailable = 4,
    DrillNotPassed = 5,
    DrillExpired = 6,
}

/// <summary>One thing missing, with a date where one helps: when an expired pass ran out, or when a failed candidate may retake.</summary>
public sealed record ClearanceGap(Requirement Requirement, GapReason Reason, DateOnly? Date = null);

/// <summary>A signed, unannulled, intact pass of a drill.</summary>
public sealed record DrillPass(string DrillSlug, int AttemptId, DateOnly HeldOn, DateOnly ValidThrough);

/// <summary>What is known about one person: their requirements and how they stand on each.</summary>
/// <param name="Courses">Required course slug → the person's progress; null where the course is not published.</param>
/// <param name="RetakeFrom">Drill slug → the first day a retake is allowed after the latest failure.</param>
public sealed record ClearanceFacts(
    IReadOnlyCollection<Requirement> Required,
    IReadOnlyDictionary<string, CourseStatus?> Courses,
    IReadOnlyCollection<DrillPass> Passes,
    IReadOnlyDictionary<string, DateOnly> RetakeFrom);

/// <param name="ValidThrough">With a status of cleared or expiring, the last day the clearance holds: the earliest end of the passes it rests on.</param>
/// <param name="Basis">The passes the clearance rests on, one per required drill.</param>
public sealed record ClearanceResult(ClearanceStatus Status, IReadOnlyList<ClearanceGap> Gaps, DateOnly? ValidThrough, IReadOnlyList<DrillPass> Basis)
{
    public bool IsCleared => Status is ClearanceStatus.Cleared or ClearanceStatus.Expiring;
}

/// <summary>
/// Posting clearance: every required course completed at its current version and every required drill passed within
/// its validity. Grassroots managers need the pre-posting drill whatever their position's rules say. Days are the
/// person's site-local days, so a pass runs out at local midnight.
/// </summary>
public static class ClearanceRules
{
    public const int DefaultExpiringDays = 30;

    public static IReadOnlyList<Requirement> RequirementsFor(IEnumerable<Requirement> positionRules, bool isManager, string prePostingDrill)
    {
        var required = positionRules.Distinct().ToList();
        var prePosting = new Requirement(RequirementKind.Drill, prePostingDrill);
        if (isManager && !required.Contains(prePosting)) required.Add(prePosting);
        return [.. required.OrderBy(r => r.Kind).ThenBy(r => r.Slug, StringComparer.Ordinal)];
    }

    public static ClearanceResult Evaluate(ClearanceFacts facts, DateTime utcNow, string? timeZoneId, int expiringDays = DefaultExpiringDays)
    {
        if (facts.Required.Count == 0) return new(ClearanceStatus.NotRequired, [], null, []);
        var today = SiteTime.Today(utcNow, timeZoneId);
        var gaps = new List<ClearanceGap>();
        var basis = new List<DrillPass>();
        foreach (var requirement in facts.Required)
        {
            if (requirement.Kind == RequirementKind.Course)
            {
                var reason = facts.Courses.GetValueOrDefault(requirement.Slug) switch
                {
                    CourseStatus.Completed => (GapReason?)null,
                    CourseStatus.InProgress => GapReason.CourseInProgress,
                    CourseStatus.ReviewNeeded => GapReason.CourseReviewNeeded,
                    CourseStatus.NotStarted => GapReason.CourseNotStarted,
                    _ => GapReason.CourseUnavailable,
                };
                if (reason is { } gap) gaps.Add(new(requirement, gap));
                continue;
            }
            var best = facts.Passes.Where(p => p.DrillSlug == requirement.Slug).MaxBy(p => p.ValidThrough);
            if (best is null)
                gaps.Add(new(requirement, GapReason.DrillNotPassed, facts.RetakeFrom.TryGetValue(requirement.Slug, out var retake) && retake > today ? retake : null));
            else if (best.ValidThrough < today)
                gaps.Add(new(requirement, GapReason.DrillExpired, best.ValidThrough));
            else
                basis.Add(best);
        }

        if (gaps.Count > 0)
            return new(gaps.All(g => g.Reason == GapReason.DrillExpired) ? ClearanceStatus.Expired : ClearanceStatus.NotCleared, gaps, null, []);
        DateOnly? validThrough = basis.Count == 0 ? null : basis.Min(p => p.ValidThrough);
        var expiring = validThrough is { } end && end.DayNumber - today.DayNumber < expiringDays;
        return new(expiring ? ClearanceStatus.Expiring : ClearanceStatus.Cleared, [], validThrough, basis);
    }
}
