using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Web.Features.Evaluations.Cycle;
using TrainingLms.Web.Features.Evaluations.Rankings;
using TrainingLms.Web.Features.Evaluations.Scoring;

namespace TrainingLms.IntegrationTests.Performance;

/// <summary>The past months' evaluations and published rankings, and the current month open, for the whole large company.</summary>
internal sealed partial class LargeCompanyBuild
{
    /// <summary>
    /// The demo's months list only the demo's people, so they are taken back (nothing in them was appealed) and the
    /// same months opened again by the real period service, now listing every supervisor and team. Every evaluator
    /// scores every target of theirs with the computed criteria the scoring page would show (worked out once per
    /// target: they are the same for each of its evaluators), the month is closed and its ranking published by the
    /// demo administrator, as the demo does. The current month is opened last.
    /// </summary>
    public async Task EvaluationsAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.RankingAppeals.AnyAsync(cancellationToken)) throw new InvalidOperationException("The demo's rankings have appeals: not taken back.");
            await db.RankingPublications.ExecuteDeleteAsync(cancellationToken);
            await db.Evaluations.ExecuteDeleteAsync(cancellationToken);
            await db.EvaluatorAssignments.ExecuteDeleteAsync(cancellationToken);
            await db.EvaluationTargets.ExecuteDeleteAsync(cancellationToken);
            await db.EvaluationPeriods.ExecuteDeleteAsync(cancellationToken);
        }
        var periods = services.GetRequiredService<EvaluationPeriods>();
        var computedCriteria = services.GetRequiredService<ComputedCriteria>();
        var publisher = services.GetRequiredService<RankingPublisher>();
        var (year, month) = await periods.CurrentMonthAsync(cancellationToken);
        for (var back = LargeCompanyGenerator.EvaluationMonths; back >= 1; back--)
        {
            var first = new DateOnly(year, month, 1).AddMonths(-back);
            if ((await periods.OpenAsync(first.Year, first.Month, cancellationToken)).PeriodId is not { } periodId) continue;
            await ScoreMonthAsync(computedCriteria, periodId, cancellationToken);
            await periods.CloseAsync(new EvaluationViewer(demoAdmin, true), periodId, cancellationToken);
            await publisher.PublishAsync(new RankingViewer(demoAdmin, true, false), periodId, cancellationToken);
        }
        await periods.OpenCurrentAsync(cancellationToken);
    }

    private async Task ScoreMonthAsync(ComputedCriteria computedCriteria, int periodId, CancellationToken cancellationToken)
    {
        EvaluationPeriod period;
        List<EvaluationTarget> targets;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            period = await db.EvaluationPeriods.AsNoTracking().SingleAsync(p => p.Id == periodId, cancellationToken);
            targets = await db.EvaluationTargets.AsNoTracking().Where(t => t.PeriodId == periodId)
                .Include(t => t.FormRevision).Include(t => t.Evaluators).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        }
        // Each target's computed values are read a few at a time: a read waits mostly on the database, not on this process.
        var computedValues = new IReadOnlyDictionary<CriterionSource, ComputedValue>[targets.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, targets.Count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (i, cancel) => computedValues[i] = await computedCriteria.ForTargetAsync(targets[i], period, targets[i].FormRevision!.Criteria.Select(c => c.Source), cancel));
        // Handed in over the first days after the month, before its deadline.
        var evaluations = new List<Evaluation>();
        foreach (var (target, computed) in targets.Zip(computedValues))
        {
            var criteria = target.FormRevision!.Criteria;
            foreach (var evaluator in target.Evaluators.OrderBy(e => e.Id))
            {
                var scored = criteria.Where(c => !c.IsComputed).ToDictionary(c => c.Key, c => c.Max - random.Next(Math.Max(1, (c.Max + 1) / 2)));
                var recorded = EvaluationSheet.Scores(criteria, scored, computed);
                evaluations.Add(new Evaluation
                {
                    TargetId = target.Id, EvaluatorId = evaluator.EvaluatorId, EvaluatorName = evaluator.EvaluatorName, Scores = [.. recorded],
                    Percent = EvaluationScoring.Percent(recorded),
                    SubmittedAtUtc = At(period.LastDay.AddDays(1 + random.Next(3)), 9 + random.Next(9), random.Next(60), SiteTime.DefaultTimeZoneId),
                });
            }
        }
        await InsertAsync(evaluations, cancellationToken);
    }
}
