namespace TrainingLms.Web.Features.Courses.Caching;

/// <summary>
/// One value read from the database and kept while the <see cref="LearningChanges"/> counts it depends on stay as they
/// were: the change log is caught up first, the value is stamped with the counts seen before reading, and it is not
/// kept if a change was counted meanwhile, so a read that raced a change is never served.
/// </summary>
public sealed class StampedValue<TStamp, T>(LearningChanges changes, Func<TStamp> stamp)
{
    private volatile Kept? kept;

    public async Task<T> GetAsync(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken = default)
    {
        await changes.CatchUpAsync(cancellationToken);
        var before = stamp();
        if (kept is { } current && EqualityComparer<TStamp>.Default.Equals(current.Stamp, before)) return current.Value;
        var value = await read(cancellationToken);
        if (EqualityComparer<TStamp>.Default.Equals(stamp(), before)) kept = new Kept(before, value);
        return value;
    }

    private sealed record Kept(TStamp Stamp, T Value);
}
