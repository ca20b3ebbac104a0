using Microsoft.Extensions.Caching.Memory;
using TrainingLms.Domain.Courses;

namespace TrainingLms.Web.Features.Courses;

/// <summary>
/// Course revisions with their lessons, read once and kept in memory by id. A stored revision is never changed
/// (a sync or a browser edit stores a new one and points the course at it), so nothing here goes stale: callers
/// read which revision is current from the database and take its content from here. The objects are shared
/// between requests and must be treated as read-only.
/// </summary>
public sealed class CourseRevisionCache(IDbContextFactory<LmsDbContext> dbFactory) : IDisposable
{
    /// <summary>About the characters of lesson text kept; a course of 20 long lessons is some 100,000.</summary>
    private const long CacheCharacters = 64_000_000;

    private readonly MemoryCache revisions = new(new MemoryCacheOptions { SizeLimit = CacheCharacters });

    public async Task<CourseRevision> GetAsync(int revisionId, CancellationToken cancellationToken = default) =>
        (await GetManyAsync([revisionId], cancellationToken))[revisionId];

    /// <summary>The revisions asked for, by id; the ones not yet in memory are read in one query.</summary>
    public async Task<IReadOnlyDictionary<int, CourseRevision>> GetManyAsync(IReadOnlyCollection<int> revisionIds, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<int, CourseRevision>(revisionIds.Count);
        var missing = new List<int>();
        foreach (var id in revisionIds.Distinct())
        {
            if (revisions.TryGetValue(id, out CourseRevision? revision)) found[id] = revision!;
            else missing.Add(id);
        }
        if (missing.Count == 0) return found;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var loaded = await db.CourseRevisions.AsNoTracking().AsSplitQuery()
            .Include(r => r.Lessons.OrderBy(l => l.Order))
            .Where(r => missing.Contains(r.Id))
            .ToListAsync(cancellationToken);
        foreach (var revision in loaded)
            found[revision.Id] = revisions.Set(revision.Id, revision, new MemoryCacheEntryOptions { Size = SizeOf(revision) });
        var unknown = missing.Except(found.Keys).ToList();
        if (unknown.Count > 0) throw new KeyNotFoundException($"No course revision {string.Join(", ", unknown)}.");
        return found;
    }

    public void Dispose() => revisions.Dispose();

    private static long SizeOf(CourseRevision revision) =>
        1_000 + revision.Lessons.Sum(l => 500L + l.BodyZh.Length + (l.BodyEn?.Length ?? 0));
}
