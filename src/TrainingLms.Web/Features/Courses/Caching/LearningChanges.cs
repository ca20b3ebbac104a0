using System.Collections.Concurrent;

namespace TrainingLms.Web.Features.Courses.Caching;

/// <summary>
/// Counts the committed changes that <see cref="LearnerRecordCache"/>, <see cref="LiveCourseCache"/> and the home
/// page's <see cref="PersonCache{T}"/>s depend on.
/// A cache calls <see cref="CatchUpAsync"/>, stamps what it reads with the counts seen before reading and uses it
/// only while they are unchanged, so a read that raced a change is never served.
/// <para>On SQLite (one instance) <see cref="LearningChangeInterceptor"/> counts the saves through EF once they
/// commit, and code that changes these rows another way (ExecuteUpdate, SQL) counts its change itself with the
/// methods below. On PostgreSQL, where several instances may share the database, the counts follow
/// <see cref="CacheChangeLog"/> instead: the interceptor adds its rows to the save, and code that writes past the
/// change tracker must write them with <see cref="CacheChangeLog.WriteAsync(DbContext, CacheChangeKind, IEnumerable{string}, CancellationToken)"/>
/// in its transaction; the methods below then do nothing.</para>
/// </summary>
public sealed class LearningChanges
{
    private readonly ConcurrentDictionary<string, long> people = new();
    private readonly CacheChangeLog log;
    private long everyone;
    private long anyPerson;
    private long courses;
    private long clearance;

    public LearningChanges(CacheChangeLog log)
    {
        this.log = log;
        log.Changed += (kind, key) =>
        {
            switch (kind)
            {
                case CacheChangeKind.Person: Count(key); break;
                case CacheChangeKind.Everyone: Interlocked.Increment(ref everyone); break;
                case CacheChangeKind.Courses: Interlocked.Increment(ref courses); break;
                case CacheChangeKind.Clearance: Interlocked.Increment(ref clearance); break;
            }
        };
        log.Everything += () =>
        {
            Interlocked.Increment(ref everyone);
            Interlocked.Increment(ref courses);
            Interlocked.Increment(ref clearance);
        };
    }

    /// <summary>Applies the changes other instances committed; nothing to do on SQLite.</summary>
    public ValueTask CatchUpAsync(CancellationToken cancellationToken = default) => log.CatchUpAsync(cancellationToken);

    public LearnerStamp StampOf(string personId) => new(Interlocked.Read(ref everyone), people.GetValueOrDefault(personId));

    public long EveryoneStamp => Interlocked.Read(ref everyone);

    /// <summary>Counts a change to anyone's assignments, completions or person row: what figures over many learners follow.</summary>
    public long AnyPersonStamp => Interlocked.Read(ref anyPerson);

    public long CoursesStamp => Interlocked.Read(ref courses);

    public long ClearanceStamp => Interlocked.Read(ref clearance);

    /// <summary>The people's assignments, completions, person rows, roles, notes, drill results or certificates changed.</summary>
    public void PeopleChanged(IEnumerable<string> personIds)
    {
        if (log.IsShared) return;
        foreach (var personId in personIds) Count(personId);
    }

    /// <summary>Something every learner's record depends on changed (a site's time zone, a deleted course).</summary>
    public void EveryoneChanged()
    {
        if (!log.IsShared) Interlocked.Increment(ref everyone);
    }

    /// <summary>A course was added, changed, switched on or off, or deleted.</summary>
    public void CoursesChanged()
    {
        if (!log.IsShared) Interlocked.Increment(ref courses);
    }

    /// <summary>A drill, a drill revision or a clearance rule was added, changed or deleted; or a session, an annulment or a certificate's revocation, whose people are not counted one by one.</summary>
    public void ClearanceChanged()
    {
        if (!log.IsShared) Interlocked.Increment(ref clearance);
    }

    private void Count(string personId)
    {
        people.AddOrUpdate(personId, 1, (_, count) => count + 1);
        Interlocked.Increment(ref anyPerson);
    }
}

public readonly record struct LearnerStamp(long Everyone, long Person);
