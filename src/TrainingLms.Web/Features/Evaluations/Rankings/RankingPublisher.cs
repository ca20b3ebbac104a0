using TrainingLms.Domain.Evaluations;

namespace TrainingLms.Web.Features.Evaluations.Rankings;

/// <summary>Publishes a closed period's ranking: revision 1 of each subject kind, with a snapshot of its lines.</summary>
public sealed class RankingPublisher(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Outcome<RankingStatus>> PublishAsync(RankingViewer viewer, int periodId, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsAdmin) return new(RankingStatus.Forbidden);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var period = await db.EvaluationPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId, cancellationToken);
        if (period is null) return new(RankingStatus.NotFound);
        if (!period.IsClosed) return new(RankingStatus.PeriodOpen);
        if (await db.RankingPublications.AnyAsync(p => p.PeriodId == periodId, cancellationToken)) return new(RankingStatus.AlreadyPublished);
        var drafts = await RankingDrafts.ComputeAsync(db, periodId, cancellationToken);
        if (drafts.Values.All(lines => lines.Count == 0)) return new(RankingStatus.NothingToRank);
        var name = await db.Users.Where(p => p.Id == viewer.PersonId).Select(p => p.FullName).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (subject, lines) in drafts)
        {
            db.RankingPublications.Add(new RankingPublication
            {
                PeriodId = periodId, Subject = subject, Revision = 1, Entries = lines, PublishedAtUtc = now, PublishedById = viewer.PersonId, PublishedByName = name,
            });
        }
        // Two administrators pressing Publish at once: the unique (period, subject, revision) index keeps one.
        return await UniqueIndex.SaveOnceAsync(db, cancellationToken) ? Outcome.Of(RankingStatus.Done) : new(RankingStatus.AlreadyPublished);
    }
}
