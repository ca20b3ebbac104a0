using System.Collections.Concurrent;

namespace TrainingLms.Web.Features.Courses.Caching;

/// <summary>
/// The pages of the course list as last read. Each card counts its course's assignments, completions and overdue
/// assignments: on a large company a page's company-wide courses hold some 25,000 assignments, and counting them cost
/// about 50 ms of a trainer's every view. A page is read again once <see cref="LearningChanges"/> has counted a change to
/// anyone's assignments or completions, to the courses or to everyone, or when the day turns (what is overdue moves);
/// on PostgreSQL those counts follow the change log, so a change on another instance shows at once too.
/// </summary>
public sealed class CourseListCache(LearningChanges changes, TimeProvider clock)
{
    /// <summary>Pages kept at most: a page number past the last is answered with the last page but kept under its own number.</summary>
    private const int PagesKept = 100;

    private readonly ConcurrentDictionary<int, StampedValue<Stamp, PageOf<ManagedCourse>>> pages = new();

    public Task<PageOf<ManagedCourse>> GetAsync(int page, Func<CancellationToken, Task<PageOf<ManagedCourse>>> read, CancellationToken cancellationToken = default)
    {
        if (pages.Count >= PagesKept && !pages.ContainsKey(page)) pages.Clear();
        var kept = pages.GetOrAdd(page, _ => new StampedValue<Stamp, PageOf<ManagedCourse>>(changes,
            () => new Stamp(changes.AnyPersonStamp, changes.EveryoneStamp, changes.CoursesStamp, SiteTime.Today(clock.GetUtcNow().UtcDateTime, null))));
        return kept.GetAsync(read, cancellationToken);
    }

    private readonly record struct Stamp(long People, long Everyone, long Courses, DateOnly Today);
}
