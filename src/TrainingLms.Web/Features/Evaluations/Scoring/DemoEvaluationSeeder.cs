using Microsoft.EntityFrameworkCore;
using TrainingLms.Data;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Evaluations.Cycle;
using TrainingLms.Web.Features.Evaluations.Rankings;

namespace TrainingLms.Web.Features.Evaluations.Scoring;

/// <summary>
/// Gives the demo a finished last month: every target scored by each of its evaluators through the real scoring
/// service (computed criteria included), the period closed and its ranking published by the demo administrator.
/// The current month stays open for evaluators to try. Runs once.
/// </summary>
public sealed class DemoEvaluationSeeder(
    IDbContextFactory<LmsDbContext> dbFactory, EvaluationPeriods periods, EvaluationSheets sheets, RankingPublisher publisher)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Evaluations.AnyAsync(cancellationToken) || await db.RankingPublications.AnyAsync(cancellationToken)) return;
        var adminRole = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleAsync(cancellationToken);
        var adminId = await db.UserRoles.Where(u => u.RoleId == adminRole).OrderBy(u => u.UserId).Select(u => u.UserId).FirstOrDefaultAsync(cancellationToken);
        if (adminId is null) return;

        var (year, month) = await periods.CurrentMonthAsync(cancellationToken);
        var last = new DateOnly(year, month, 1).AddMonths(-1);
        if ((await periods.OpenAsync(last.Year, last.Month, cancellationToken)).PeriodId is not { } periodId) return;
        var targets = await db.EvaluationTargets.AsNoTracking().Where(t => t.PeriodId == periodId)
            .Include(t => t.FormRevision).Include(t => t.Evaluators).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        foreach (var target in targets)
            foreach (var (evaluator, index) in target.Evaluators.Select((e, i) => (e, i)))
            {
                var scores = target.FormRevision!.Criteria.Where(c => !c.IsComputed)
                    .ToDictionary(c => c.Key, c => DemoScore(target.Id + index + c.Key.Length, c.Max).ToString(System.Globalization.CultureInfo.InvariantCulture));
                await sheets.SubmitAsync(new EvaluationViewer(evaluator.EvaluatorId, false), target.Id, scores, null, cancellationToken);
            }

        var admin = new EvaluationViewer(adminId, true);
        await periods.CloseAsync(admin, periodId, cancellationToken);
        await publisher.PublishAsync(new RankingViewer(adminId, true, false), periodId, cancellationToken);
    }

    /// <summary>A fixed, varied score in the upper part of the scale, so the demo ranking has spread and a tie or two.</summary>
    private static int DemoScore(int seed, int max) => max - seed % Math.Max(1, (max + 1) / 2);
}
