using System.Collections.Concurrent;

namespace TrainingLms.Web.Features.Courses.Caching;

/// <summary>
/// Counts the committed changes that <see cref="LearnerRecordCache"/> and <see cref="LiveCourseCache"/> depend on.
/// A cache stamps what it reads with the counts seen before reading and uses it only while they are unchanged, so
/// a read that raced a change is never served. <see cref="LearningChangeInterceptor"/> counts the saves through EF;
/// code that changes these rows another way (ExecuteUpdate, SQL) must count its change itself.
/// </summary>
public sealed class LearningChanges
{
    private readonly ConcurrentDictionary<string, long> people = new();
    private long everyone;
    private long courses;

    public LearnerStamp StampOf(string personId) => new(Interlocked.Read(ref everyone), people.GetValueOrDefault(personId));

    public long CoursesStamp => Interlocked.Read(ref courses);

    /// <summary>The people's assignments, completions or person rows changed.</summary>
    public void PeopleChanged(IEnumerable<string> personIds)
    {
        foreach (var personId in personIds) people.AddOrUpdate(personId, 1, (_, count) => count + 1);
    }

    /// <summary>Something every learner's record depends on changed (a site's time zone, a deleted course).</summary>
    public void EveryoneChanged() => Interlocked.Increment(ref everyone);

    /// <summary>A course was added, changed, switched on or off, or deleted.</summary>
    public void CoursesChanged() => Interlocked.Increment(ref courses);
}

public readonly record struct LearnerStamp(long Everyone, long Person);
