using TrainingLms.Domain.Evaluations;
using TrainingLms.Web.Features.Evaluations.Cycle;
using TrainingLms.Web.Features.Organisation;

namespace TrainingLms.Web.Features.Evaluations.Scoring;

public enum SheetStatus
{
    Done,
    NotFound,
    /// <summary>The viewer is not an assigned evaluator of the target.</summary>
    Forbidden,
    PeriodClosed,
    Invalid,
}

/// <summary>A target on an evaluator's list: scored by them or not, and how near the deadline is.</summary>
/// <summary>How many evaluations the viewer still has to score in open periods, and the nearest deadline among them.</summary>
public sealed record StillToScore(int Count, DateOnly NearestDeadline, int DaysLeft);

public sealed record AssignedTarget(
    int TargetId, EvaluationSubject Subject, string SubjectName, string SiteName, int Year, int Month, DateOnly Deadline, DateTime? ScoredAtUtc, double? Percent)
{
    /// <summary>Days from the company's today to the deadline; negative once it has passed.</summary>
    public int DaysLeft { get; init; }
}

/// <summary>Everything the scoring page shows: the form, the computed values as they stand, and the evaluator's last submission.</summary>
public sealed record Sheet(
    int TargetId, EvaluationSubject Subject, string SubjectName, string SiteName, EvaluationPeriod Period, EvaluationFormRevision Form,
    IReadOnlyDictionary<CriterionSource, ComputedValue> Computed, Evaluation? Mine);

/// <summary>An evaluator's list and scoring form. Only assigned evaluators score, only while the period is open; a second submission corrects the first.</summary>
public sealed class EvaluationSheets(IDbContextFactory<LmsDbContext> dbFactory, ComputedCriteria computedCriteria, TimeProvider clock, CompanyTimeZone companyZone)
{
    /// <summary>What the viewer is asked to evaluate in open periods, with their own scores so far; unscored first.</summary>
    public async Task<IReadOnlyList<AssignedTarget>> MineAsync(EvaluationViewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from assignment in db.EvaluatorAssignments
                          join target in db.EvaluationTargets on assignment.TargetId equals target.Id
                          join period in db.EvaluationPeriods on target.PeriodId equals period.Id
                          where assignment.EvaluatorId == viewer.PersonId && period.ClosedAtUtc == null
                          let mine = db.Evaluations.FirstOrDefault(e => e.TargetId == target.Id && e.EvaluatorId == viewer.PersonId)
                          select new AssignedTarget(target.Id, target.Subject, target.SubjectName, target.SiteName, period.Year, period.Month, period.Deadline,
                              mine == null ? null : mine.RevisedAtUtc ?? mine.SubmittedAtUtc, mine == null ? null : mine.Percent))
            .ToListAsync(cancellationToken);
        var today = SiteTime.Today(clock.GetUtcNow().UtcDateTime, await companyZone.GetAsync(cancellationToken));
        return [.. rows.Select(r => r with { DaysLeft = r.Deadline.DayNumber - today.DayNumber }).OrderBy(r => r.ScoredAtUtc is not null).ThenBy(r => r.Deadline).ThenBy(r => r.Subject)
            .ThenBy(r => r.SiteName, StringComparer.Ordinal).ThenBy(r => r.SubjectName, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The home page's summary of <see cref="MineAsync"/>: counted in the database, since an evaluator of a large company
    /// may have a thousand targets a month. Null when nothing is left to score.
    /// </summary>
    public async Task<StillToScore?> StillToScoreAsync(string evaluatorId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Every open target's id is at least the open periods' first, and targets are numbered as periods are set up:
        // so the evaluator's assignments are read from there on (an index range), not over every month they ever had.
        var openTargetIds = db.EvaluationTargets.Where(t => db.EvaluationPeriods.Where(p => p.ClosedAtUtc == null).Select(p => p.Id).Contains(t.PeriodId)).Select(t => (int?)t.Id);
        var deadlines = from assignment in db.EvaluatorAssignments
                        join target in db.EvaluationTargets on assignment.TargetId equals target.Id
                        join period in db.EvaluationPeriods on target.PeriodId equals period.Id
                        where assignment.EvaluatorId == evaluatorId && assignment.TargetId >= openTargetIds.Min() && period.ClosedAtUtc == null
                            && !db.Evaluations.Any(e => e.TargetId == target.Id && e.EvaluatorId == evaluatorId)
                        select period.Deadline;
        var summary = await deadlines.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Nearest = g.Min() }).SingleOrDefaultAsync(cancellationToken);
        if (summary is null) return null;
        var today = SiteTime.Today(clock.GetUtcNow().UtcDateTime, await companyZone.GetAsync(cancellationToken));
        return new StillToScore(summary.Count, summary.Nearest, summary.Nearest.DayNumber - today.DayNumber);
    }

    public async Task<(SheetStatus Status, Sheet? Sheet)> SheetAsync(EvaluationViewer viewer, int targetId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.EvaluationTargets.AsNoTracking().Include(t => t.FormRevision).Include(t => t.Evaluators)
            .FirstOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        if (target is null) return (SheetStatus.NotFound, null);
        if (!target.Evaluators.Any(e => e.EvaluatorId == viewer.PersonId)) return (SheetStatus.Forbidden, null);
        var period = await db.EvaluationPeriods.AsNoTracking().FirstAsync(p => p.Id == target.PeriodId, cancellationToken);
        var mine = await db.Evaluations.AsNoTracking().FirstOrDefaultAsync(e => e.TargetId == targetId && e.EvaluatorId == viewer.PersonId, cancellationToken);
        // A closed period shows what was recorded; an open one what the data says now.
        var computed = period.IsClosed
            ? (mine?.Scores ?? []).Where(s => s.Source != CriterionSource.Scored).ToDictionary(s => s.Source, ComputedValue.FromRecorded)
            : await computedCriteria.ForTargetAsync(target, period, target.FormRevision!.Criteria.Select(c => c.Source), cancellationToken);
        return (SheetStatus.Done, new Sheet(target.Id, target.Subject, target.SubjectName, target.SiteName, period, target.FormRevision!, computed, mine));
    }

    /// <summary>Records the evaluator's scores (criterion key → 0–max) with the computed values as they are at this moment.</summary>
    public async Task<Outcome<SheetStatus>> SubmitAsync(
        EvaluationViewer viewer, int targetId, IReadOnlyDictionary<string, string> scores, string? comment, CancellationToken cancellationToken = default)
    {
        var (status, sheet) = await SheetAsync(viewer, targetId, cancellationToken);
        if (sheet is null) return new(status);
        if (sheet.Period.IsClosed) return new(SheetStatus.PeriodClosed);

        var errors = new Dictionary<string, string>();
        var scored = new Dictionary<string, int>();
        foreach (var criterion in sheet.Form.Criteria.Where(c => !c.IsComputed))
        {
            var raw = scores.GetValueOrDefault(criterion.Key)?.Trim();
            if (string.IsNullOrEmpty(raw)) errors[$"score.{criterion.Key}"] = "Evaluations.Sheet.ScoreRequired";
            else if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > criterion.Max)
                errors[$"score.{criterion.Key}"] = "Evaluations.Sheet.ScoreOutOfRange";
            else scored[criterion.Key] = value;
        }
        comment = comment?.Trim();
        if (comment?.Length > Evaluation.MaxCommentLength) errors["comment"] = "Evaluations.Sheet.CommentTooLong";
        if (errors.Count > 0) return Outcome.Refused(SheetStatus.Invalid, errors);

        var recorded = EvaluationSheet.Scores(sheet.Form.Criteria, scored, sheet.Computed);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var evaluatorName = await db.EvaluatorAssignments.Where(a => a.TargetId == targetId && a.EvaluatorId == viewer.PersonId)
            .Select(a => a.EvaluatorName).FirstAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            // The period's row is locked for writing (the update below: SQLite's write lock, PostgreSQL's row lock,
            // which a close's update waits for) before the evaluation is saved, so a close either comes first and
            // this is refused, or waits until it is stored: nothing lands in a closed period.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var stillOpen = await db.EvaluationPeriods.Where(p => p.Id == sheet.Period.Id && p.ClosedAtUtc == null)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.Deadline, p => p.Deadline), cancellationToken);
            if (stillOpen == 0) return new(SheetStatus.PeriodClosed);
            var now = clock.GetUtcNow().UtcDateTime;
            var evaluation = await db.Evaluations.FirstOrDefaultAsync(e => e.TargetId == targetId && e.EvaluatorId == viewer.PersonId, cancellationToken);
            if (evaluation is null)
                db.Evaluations.Add(evaluation = new Evaluation { TargetId = targetId, EvaluatorId = viewer.PersonId, EvaluatorName = evaluatorName, SubmittedAtUtc = now });
            else
                evaluation.RevisedAtUtc = now;
            evaluation.Scores = [.. recorded];
            evaluation.Percent = EvaluationScoring.Percent(recorded);
            evaluation.Comment = string.IsNullOrEmpty(comment) ? null : comment;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new(SheetStatus.Done);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The same form sent twice at once: the other request inserted first, so this one corrects it.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
    }
}
