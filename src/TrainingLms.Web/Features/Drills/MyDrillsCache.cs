using Microsoft.Extensions.Caching.Memory;
using TrainingLms.Web.Features.Courses.Caching;

namespace TrainingLms.Web.Features.Drills;

/// <summary>
/// Each person's <see cref="MyDrills"/> for their home page, kept in memory: every home page shows it, and reading it
/// (the signed results with their hashes, clearance, certificates, sessions to come) took near half the time of an
/// employee's home page. It is read again once <see cref="LearningChanges"/> counts a change to the person (their
/// drill results, certificates, roles, assignments, completions or person row), to the courses, or to the drills and
/// clearance rules; when the day at the person's site turns; and after <see cref="CheckedAgainAfter"/> at most, so a
/// record edited behind the app's back is found by its hash here too within minutes (the person's clearance page, the
/// clearance board and certificate checks verify every record they read, on every read).
/// </summary>
public sealed class MyDrillsCache(LearningChanges changes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan CheckedAgainAfter = TimeSpan.FromMinutes(5);

    // One entry a person; a few KB each.
    private const long MostPeopleKept = 50_000;

    private readonly MemoryCache kept = new(new MemoryCacheOptions { SizeLimit = MostPeopleKept });

    /// <param name="read">Reads the person's drills from the database when what is kept is missing or out of date.</param>
    public async Task<MyDrills> GetAsync(string personId, Func<CancellationToken, Task<MyDrills>> read, CancellationToken cancellationToken = default)
    {
        await changes.CatchUpAsync(cancellationToken);
        var stamp = StampOf(personId);
        var now = clock.GetUtcNow().UtcDateTime;
        if (kept.TryGetValue(personId, out Entry? entry) && entry!.Stamp == stamp && entry.Day == DayOf(entry.Mine, now)) return entry.Mine;

        var mine = await read(cancellationToken);
        // Not kept if the person's rows changed while they were read (it would never be used).
        if (StampOf(personId) == stamp)
            kept.Set(personId, new Entry(stamp, DayOf(mine, now), mine), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = CheckedAgainAfter });
        return mine;
    }

    public void Dispose() => kept.Dispose();

    private Stamp StampOf(string personId) => new(changes.StampOf(personId), changes.CoursesStamp, changes.ClearanceStamp);

    // Sessions to come, and whether a clearance is running out, are judged by the day at the person's site.
    private static DateOnly DayOf(MyDrills mine, DateTime utcNow) => SiteTime.Today(utcNow, mine.Clearance?.Person.TimeZoneId);

    private readonly record struct Stamp(LearnerStamp Person, long Courses, long Clearance);

    private sealed record Entry(Stamp Stamp, DateOnly Day, MyDrills Mine);
}
