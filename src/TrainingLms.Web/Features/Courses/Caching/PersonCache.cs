using Microsoft.Extensions.Caching.Memory;

namespace TrainingLms.Web.Features.Courses.Caching;

/// <summary>
/// One value a person, kept in memory for the page every person opens first (their home page), read again once
/// <see cref="LearningChanges"/> counts a change to the person, to the courses or to the drills and clearance rules;
/// once the app's clock reaches the time the value holds until; and after <see cref="keptFor"/> in any case. The
/// values are shared between requests and must be treated as read-only.
/// </summary>
/// <param name="keptFor">The longest a value is used, whatever happens: for what can change behind the app's back.</param>
public sealed class PersonCache<T>(LearningChanges changes, TimeProvider clock, TimeSpan keptFor) : IDisposable where T : class
{
    // One entry a person; a few KB each.
    private const long MostPeopleKept = 50_000;

    private readonly MemoryCache kept = new(new MemoryCacheOptions { SizeLimit = MostPeopleKept });

    /// <param name="read">Reads the value from the database as at the given time (the app's clock, UTC), with the time it holds until.</param>
    public async Task<T> GetAsync(string personId, Func<DateTime, CancellationToken, Task<Held<T>>> read, CancellationToken cancellationToken = default)
    {
        await changes.CatchUpAsync(cancellationToken);
        var stamp = StampOf(personId);
        var now = clock.GetUtcNow().UtcDateTime;
        if (kept.TryGetValue(personId, out Entry? entry) && entry!.Stamp == stamp && now < entry.Held.UntilUtc) return entry.Held.Value;

        var held = await read(now, cancellationToken);
        // Not kept if the person's rows changed while they were read (it would never be used).
        if (StampOf(personId) == stamp)
            kept.Set(personId, new Entry(stamp, held), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = keptFor });
        return held.Value;
    }

    public void Dispose() => kept.Dispose();

    private Stamp StampOf(string personId) => new(changes.StampOf(personId), changes.CoursesStamp, changes.ClearanceStamp);

    private readonly record struct Stamp(LearnerStamp Person, long Courses, long Clearance);

    private sealed record Entry(Stamp Stamp, Held<T> Held);
}

/// <summary>A value as read, and the time (UTC, the app's clock) until which it holds if nothing it rests on changes.</summary>
public sealed record Held<T>(T Value, DateTime UntilUtc);
