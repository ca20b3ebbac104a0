using Microsoft.Extensions.Caching.Memory;
using TrainingLms.Domain.Courses;

namespace TrainingLms.Web.Features.Courses.Caching;

/// <summary>What the learner's pages need to know about one learner, by course id.</summary>
public sealed record LearnerRecord(
    string? TimeZoneId,
    IReadOnlyDictionary<int, DateOnly> DueDates,
    ILookup<int, CompletedLesson> LessonsDone,
    ILookup<int, CompletionRecord> CoursesDone);

/// <summary>
/// Each learner's <see cref="LearnerRecord"/>, read once and kept in memory: My learning, the course page and the
/// lesson page show it on every view, and reading it took most of their time. A record is read again once
/// <see cref="LearningChanges"/> has counted a change to the learner's assignments, completions or person row (or
/// a change for everyone). The records are shared between requests and must be treated as read-only.
/// </summary>
public sealed class LearnerRecordCache(IDbContextFactory<LmsDbContext> dbFactory, LearningChanges changes) : IDisposable
{
    /// <summary>About the rows kept (a learner with ten courses under way has some hundred); some 100 MB at most.</summary>
    private const long CacheRows = 1_000_000;

    private readonly MemoryCache records = new(new MemoryCacheOptions { SizeLimit = CacheRows });

    public async Task<LearnerRecord> GetAsync(string personId, CancellationToken cancellationToken = default)
    {
        await changes.CatchUpAsync(cancellationToken);
        var stamp = changes.StampOf(personId);
        if (records.TryGetValue(personId, out Entry? entry) && entry!.Stamp == stamp) return entry.Record;

        var record = await ReadAsync(personId, cancellationToken);
        var rows = 1 + record.DueDates.Count + record.LessonsDone.Sum(g => g.Count()) + record.CoursesDone.Sum(g => g.Count());
        // Not kept if the learner's rows changed while they were read (it would never be used).
        if (changes.StampOf(personId) == stamp)
            records.Set(personId, new Entry(stamp, record), new MemoryCacheEntryOptions { Size = rows, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return record;
    }

    public void Dispose() => records.Dispose();

    private async Task<LearnerRecord> ReadAsync(string personId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateOpenDbContextAsync(cancellationToken);
        var timeZoneId = await db.Users.Where(p => p.Id == personId).Select(p => p.Site == null ? null : p.Site.TimeZoneId).SingleOrDefaultAsync(cancellationToken);
        var dueDates = await db.CourseAssignments.Where(a => a.PersonId == personId).ToDictionaryAsync(a => a.CourseId, a => a.DueOn, cancellationToken);
        var lessonsDone = await db.LessonCompletions.AsNoTracking().Where(l => l.PersonId == personId)
            .Select(l => new { l.CourseId, l.LessonKey, l.CourseVersion }).ToListAsync(cancellationToken);
        var coursesDone = await db.CourseCompletions.AsNoTracking().Where(d => d.PersonId == personId).OrderBy(d => d.CompletedAtUtc)
            .Select(d => new { d.CourseId, d.CourseVersion, d.CompletedAtUtc }).ToListAsync(cancellationToken);
        return new LearnerRecord(timeZoneId, dueDates,
            lessonsDone.ToLookup(l => l.CourseId, l => new CompletedLesson(l.LessonKey, l.CourseVersion)),
            coursesDone.ToLookup(d => d.CourseId, d => new CompletionRecord(d.CourseVersion, d.CompletedAtUtc)));
    }

    private sealed record Entry(LearnerStamp Stamp, LearnerRecord Record);
}
