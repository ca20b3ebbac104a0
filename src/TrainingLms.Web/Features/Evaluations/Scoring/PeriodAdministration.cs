using TrainingLms.Domain.Evaluations;
using TrainingLms.Web.Features.Evaluations.Cycle;
using TrainingLms.Web.Features.Organisation;

namespace TrainingLms.Web.Features.Evaluations.Scoring;

/// <summary>A period at a glance: how many targets and evaluator assignments were done.</summary>
public sealed record PeriodSummary(
    int Id, int Year, int Month, DateOnly Deadline, DateTime OpenedAtUtc, DateTime? ClosedAtUtc, string? ClosedByName,
    int Targets, int TargetsEvaluated, int Assignments, int AssignmentsDone)
{
    public bool IsClosed => ClosedAtUtc is not null;
}

public sealed record EvaluatorCoverage(string EvaluatorId, string Name, double? Percent, DateTime? ScoredAtUtc)
{
    public bool Scored => ScoredAtUtc is not null;
}

/// <summary>One target's line in a period's record. Evaluators who scored without being assigned any more still show.</summary>
public sealed record TargetCoverage(int TargetId, EvaluationSubject Subject, string SubjectName, string SiteName, IReadOnlyList<EvaluatorCoverage> Evaluators)
{
    public bool Evaluated => Evaluators.Any(e => e.Scored);
}

/// <summary>
/// What an administrator sees of a period: every target with each evaluator's score or its absence. While open,
/// missing evaluations are flagged from <see cref="EvaluationCycleOptions.FlagDaysBeforeDeadline"/> days before the
/// deadline; once closed, the same lines are the record of what was and was not evaluated.
/// </summary>
/// <param name="Targets">A page of them (<see cref="PeriodAdministration.TargetsPerPage"/>): a large company's month has some 1,400 targets and 17,000 assignments.</param>
public sealed record PeriodRecord(PeriodSummary Summary, IReadOnlyList<TargetCoverage> Targets, bool FlagMissing, int DaysToDeadline, int Page = 1, int PageCount = 1)
{
    /// <summary>Assigned evaluators who have not scored, in the whole period.</summary>
    public int Missing => Summary.Assignments - Summary.AssignmentsDone;
}

public sealed class PeriodAdministration(
    IDbContextFactory<LmsDbContext> dbFactory, ClosedPeriodCounts closedCounts, TimeProvider clock, CompanyTimeZone companyZone, IOptions<EvaluationCycleOptions> options)
{
    public const int TargetsPerPage = 100;

    /// <summary>Every period, newest first; nothing for anyone but an administrator.</summary>
    public async Task<IReadOnlyList<PeriodSummary>> PeriodsAsync(EvaluationViewer viewer, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsAdmin) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await SummariesAsync(db, db.EvaluationPeriods, cancellationToken);
    }

    private async Task<IReadOnlyList<PeriodSummary>> SummariesAsync(LmsDbContext db, IQueryable<EvaluationPeriod> chosen, CancellationToken cancellationToken)
    {
        var periods = await chosen.OrderByDescending(p => p.Year).ThenByDescending(p => p.Month)
            .Select(p => new { p.Id, p.Year, p.Month, p.Deadline, p.OpenedAtUtc, p.ClosedAtUtc, ClosedBy = db.Users.Where(u => u.Id == p.ClosedById).Select(u => u.FullName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        // Read as closed before counting, so the counts are final and may be kept.
        var closed = periods.Where(p => p.ClosedAtUtc is not null).Select(p => p.Id).ToHashSet();
        var counts = new Dictionary<int, PeriodCounts>();
        foreach (var periodId in closed)
            if (closedCounts.TryGet(periodId, out var kept)) counts[periodId] = kept;
        foreach (var (periodId, counted) in await CountAsync(db, [.. periods.Select(p => p.Id).Where(id => !counts.ContainsKey(id))], cancellationToken))
        {
            counts[periodId] = counted;
            if (closed.Contains(periodId)) closedCounts.Keep(periodId, counted);
        }
        return [.. periods.Select(p =>
        {
            var c = counts[p.Id];
            return new PeriodSummary(p.Id, p.Year, p.Month, p.Deadline, p.OpenedAtUtc, p.ClosedAtUtc, p.ClosedBy, c.Targets, c.TargetsEvaluated, c.Assignments, c.AssignmentsDone);
        })];
    }

    /// <summary>Each period's targets and evaluator assignments, and how many of them were evaluated: one read of each.</summary>
    private static async Task<Dictionary<int, PeriodCounts>> CountAsync(LmsDbContext db, List<int> periodIds, CancellationToken cancellationToken)
    {
        if (periodIds.Count == 0) return [];
        var periodTargets = db.EvaluationTargets.Where(t => periodIds.Contains(t.PeriodId));
        var targets = await periodTargets.GroupBy(t => t.PeriodId)
            .Select(g => new { PeriodId = g.Key, All = g.Count(), Done = g.Count(t => db.Evaluations.Any(e => e.TargetId == t.Id)) })
            .ToDictionaryAsync(c => c.PeriodId, cancellationToken);
        var assignments = await db.EvaluatorAssignments.Join(periodTargets, a => a.TargetId, t => t.Id, (a, t) => new { a.TargetId, a.EvaluatorId, t.PeriodId })
            .GroupBy(a => a.PeriodId)
            .Select(g => new { PeriodId = g.Key, All = g.Count(), Done = g.Count(a => db.Evaluations.Any(e => e.TargetId == a.TargetId && e.EvaluatorId == a.EvaluatorId)) })
            .ToDictionaryAsync(c => c.PeriodId, cancellationToken);
        return periodIds.ToDictionary(id => id, id => new PeriodCounts(
            targets.GetValueOrDefault(id)?.All ?? 0, targets.GetValueOrDefault(id)?.Done ?? 0,
            assignments.GetValueOrDefault(id)?.All ?? 0, assignments.GetValueOrDefault(id)?.Done ?? 0));
    }

    /// <summary>One period's record; null when it does not exist or the viewer is not an administrator.</summary>
    public async Task<PeriodRecord?> RecordAsync(EvaluationViewer viewer, int periodId, int? page = null, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsAdmin) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var summary = (await SummariesAsync(db, db.EvaluationPeriods.Where(p => p.Id == periodId), cancellationToken)).SingleOrDefault();
        if (summary is null) return null;
        var (number, pageCount) = Paging.Locate(summary.Targets, page, TargetsPerPage);
        // The columns the page shows, not whole evaluations: each carries its scores as JSON.
        var targets = await db.EvaluationTargets.AsNoTracking().Where(t => t.PeriodId == periodId)
            .OrderBy(t => t.Subject).ThenBy(t => t.SiteName).ThenBy(t => t.SubjectName).ThenBy(t => t.Id)
            .Skip(Paging.Skip(number, TargetsPerPage)).Take(TargetsPerPage)
            .Select(t => new
            {
                t.Id, t.Subject, t.SubjectName, t.SiteName,
                Assigned = t.Evaluators.Select(a => new EvaluatorCoverage(a.EvaluatorId, a.EvaluatorName, null, null)).ToList(),
                Scored = t.Evaluations.Select(e => new EvaluatorCoverage(e.EvaluatorId, e.EvaluatorName, e.Percent, e.RevisedAtUtc ?? e.SubmittedAtUtc)).ToList(),
            })
            .AsSplitQuery().ToListAsync(cancellationToken);
        var lines = targets.Select(t => new TargetCoverage(t.Id, t.Subject, t.SubjectName, t.SiteName, Coverage(t.Assigned, t.Scored))).ToList();

        var zone = await companyZone.GetAsync(cancellationToken);
        var today = SiteTime.Today(clock.GetUtcNow().UtcDateTime, zone);
        var daysLeft = summary.Deadline.DayNumber - today.DayNumber;
        return new PeriodRecord(summary, lines, !summary.IsClosed && daysLeft <= options.Value.FlagDaysBeforeDeadline, daysLeft, number, pageCount);
    }

    /// <summary>Every assigned evaluator, with their evaluation if they made one, and anyone who evaluated unassigned; by name.</summary>
    private static List<EvaluatorCoverage> Coverage(List<EvaluatorCoverage> assigned, List<EvaluatorCoverage> scored)
    {
        var byEvaluator = scored.ToDictionary(e => e.EvaluatorId);
        var assignedIds = assigned.Select(a => a.EvaluatorId).ToHashSet();
        return [.. assigned.Select(a => byEvaluator.GetValueOrDefault(a.EvaluatorId) is { } e ? e with { Name = a.Name } : a)
            .Concat(scored.Where(e => !assignedIds.Contains(e.EvaluatorId)))
            .OrderBy(e => e.Name, StringComparer.Ordinal)];
    }
}
