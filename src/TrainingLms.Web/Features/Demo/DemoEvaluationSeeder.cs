using TrainingLms.Domain.Evaluations;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Evaluations.Cycle;
using TrainingLms.Web.Features.Evaluations.Rankings;
using TrainingLms.Web.Features.Evaluations.Scoring;

namespace TrainingLms.Web.Features.Demo;

/// <summary>
/// Gives the demo three finished months: every target scored by each of its evaluators through the real scoring
/// service (computed criteria included), the period closed and its ranking published by the demo administrator.
/// The current month is opened for evaluators to try. Runs once.
/// </summary>
public sealed class DemoEvaluationSeeder(
    IDbContextFactory<LmsDbContext> dbFactory, EvaluationPeriods periods, EvaluationSheets sheets, RankingPublisher publisher)
{
    private const int DemoMonths = 3;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Evaluations.AnyAsync(cancellationToken) || await db.RankingPublications.AnyAsync(cancellationToken)) return;
        var adminRole = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleAsync(cancellationToken);
        var adminId = await db.UserRoles.Where(u => u.RoleId == adminRole).OrderBy(u => u.UserId).Select(u => u.UserId).FirstOrDefaultAsync(cancellationToken);
        if (adminId is null) return;

        var (year, month) = await periods.CurrentMonthAsync(cancellationToken);
        var admin = new EvaluationViewer(adminId, true);
        for (var back = DemoMonths; back >= 1; back--)
        {
            var past = new DateOnly(year, month, 1).AddMonths(-back);
            if ((await periods.OpenAsync(past.Year, past.Month, cancellationToken)).PeriodId is not { } periodId) continue;
            await ScoreEveryTargetAsync(db, periodId, back, cancellationToken);
            await periods.CloseAsync(admin, periodId, cancellationToken);
            await publisher.PublishAsync(new RankingViewer(adminId, true, false), periodId, cancellationToken);
        }
        // Opened here, with the demo's people in it, rather than by the app's opener a moment after start.
        await periods.OpenCurrentAsync(cancellationToken);
    }

    private async Task ScoreEveryTargetAsync(LmsDbContext db, int periodId, int monthsBack, CancellationToken cancellationToken)
    {
        var targets = await db.EvaluationTargets.AsNoTracking().Where(t => t.PeriodId == periodId)
            .Include(t => t.FormRevision).Include(t => t.Evaluators).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        foreach (var (target, number) in targets.Select((t, i) => (t, i)))
            foreach (var (evaluator, index) in target.Evaluators.Select((e, i) => (e, i)))
            {
                var scores = target.FormRevision!.Criteria.Where(c => !c.IsComputed).ToDictionary(c => c.Key,
                    c => DemoScore(number * monthsBack + index + c.Key.Length, c.Max).ToString(System.Globalization.CultureInfo.InvariantCulture));
                await sheets.SubmitAsync(new EvaluationViewer(evaluator.EvaluatorId, false), target.Id, scores, null, cancellationToken);
            }
    }

    /// <summary>A fixed, varied score in the upper part of the scale, so the demo ranking has spread and a tie or two.</summary>
    private static int DemoScore(int seed, int max) => max - seed % Math.Max(1, (max + 1) / 2);
}
