using TrainingLms.Domain.Evaluations;

namespace TrainingLms.Web.Features.Evaluations.Rankings;

/// <summary>A period's ranking as computed now from its evaluations: what an administrator previews and publishes.</summary>
public static class RankingDrafts
{
    public static async Task<Dictionary<EvaluationSubject, List<RankingEntry>>> ComputeAsync(LmsDbContext db, int periodId, CancellationToken cancellationToken = default)
    {
        var targets = await db.EvaluationTargets.AsNoTracking()
            .Where(t => t.PeriodId == periodId)
            .Select(t => new
            {
                t.Id, t.Subject, t.SubjectName, t.SiteName,
                Scores = t.Evaluations.Select(e => new ScoredBy(e.EvaluatorId, e.EvaluatorName, e.Percent)).ToList(),
            })
            .ToListAsync(cancellationToken);
        return Enum.GetValues<EvaluationSubject>().ToDictionary(
            subject => subject,
            subject => RankingCalculator.Rank([.. targets.Where(t => t.Subject == subject).Select(t => new RankingInput(t.Id, t.SubjectName, t.SiteName, t.Scores))]));
    }

    /// <summary>Of every period and subject kind, only the latest revision: what stands after any amendments.</summary>
    public static IQueryable<RankingPublication> LatestRevisions(LmsDbContext db) =>
        db.RankingPublications.AsNoTracking()
            .Where(p => !db.RankingPublications.Any(later => later.PeriodId == p.PeriodId && later.Subject == p.Subject && later.Revision > p.Revision));

    /// <summary>The latest revision of each subject kind's publication for a period (none when unpublished).</summary>
    public static async Task<Dictionary<EvaluationSubject, RankingPublication>> LatestAsync(LmsDbContext db, int periodId, CancellationToken cancellationToken = default)
    {
        var publications = await db.RankingPublications.AsNoTracking().Where(p => p.PeriodId == periodId).ToListAsync(cancellationToken);
        return publications.GroupBy(p => p.Subject).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Revision)!);
    }
}
