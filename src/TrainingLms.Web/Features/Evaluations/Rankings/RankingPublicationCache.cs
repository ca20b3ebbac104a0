using Microsoft.Extensions.Caching.Memory;
using TrainingLms.Domain.Evaluations;

namespace TrainingLms.Web.Features.Evaluations.Rankings;

/// <summary>
/// Published rankings read once and kept in memory by id: a month's people ranking on a large company is some 5,000
/// lines of JSON, and reading it again on every view of the rankings page cost most of the page's time. A publication
/// is never changed or removed (an amendment is a new revision beside it), so nothing here goes stale on any instance:
/// callers still ask the database which publications they want, by any query, and take the rows from here. The
/// objects are shared between requests and must be treated as read-only.
/// </summary>
public sealed class RankingPublicationCache : IDisposable
{
    /// <summary>
    /// About the ranked lines kept (each under a kilobyte with its evaluators' names): a large company's month is some
    /// 1,000 lines a subject, so several months' revisions fit in some 30 MB; older months are read again when asked for.
    /// </summary>
    private const long CacheLines = 30_000;

    private readonly MemoryCache publications = new(new MemoryCacheOptions { SizeLimit = CacheLines });

    /// <summary>The publications <paramref name="query"/> selects, in its order; only their ids are read unless some are not in memory yet.</summary>
    public async Task<List<RankingPublication>> ListAsync(LmsDbContext db, IQueryable<RankingPublication> query, CancellationToken cancellationToken = default)
    {
        var ids = await query.Select(p => p.Id).ToListAsync(cancellationToken);
        var found = new Dictionary<int, RankingPublication>(ids.Count);
        var missing = new List<int>();
        foreach (var id in ids)
        {
            if (publications.TryGetValue(id, out RankingPublication? publication)) found[id] = publication!;
            else missing.Add(id);
        }
        if (missing.Count > 0)
        {
            foreach (var publication in await db.RankingPublications.AsNoTracking().Where(p => missing.Contains(p.Id)).ToListAsync(cancellationToken))
                found[publication.Id] = publications.Set(publication.Id, publication, new MemoryCacheEntryOptions { Size = 1 + publication.Entries.Count });
        }
        return [.. ids.Select(id => found[id])];
    }

    public void Dispose() => publications.Dispose();
}
