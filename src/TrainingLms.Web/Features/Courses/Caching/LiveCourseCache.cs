namespace TrainingLms.Web.Features.Courses.Caching;

/// <summary>A live course: active, with a published revision.</summary>
public sealed record LiveCourse(int Id, string Slug, int RevisionId);

public sealed record LiveCourses(IReadOnlyList<LiveCourse> All, IReadOnlyDictionary<string, LiveCourse> BySlug);

/// <summary>
/// The live courses and their current revisions, read once and kept until <see cref="LearningChanges"/> has counted
/// a change to a course.
/// </summary>
public sealed class LiveCourseCache(IDbContextFactory<LmsDbContext> dbFactory, LearningChanges changes)
{
    private volatile Kept? kept;

    public async Task<LiveCourses> GetAsync(CancellationToken cancellationToken = default)
    {
        await changes.CatchUpAsync(cancellationToken);
        var stamp = changes.CoursesStamp;
        if (kept is { } current && current.Changes == stamp) return current.Courses;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var all = await db.Courses.AsNoTracking().Where(c => c.IsActive && c.CurrentRevisionId != null).OrderBy(c => c.Slug)
            .Select(c => new LiveCourse(c.Id, c.Slug, c.CurrentRevisionId!.Value)).ToListAsync(cancellationToken);
        var courses = new LiveCourses(all, all.ToDictionary(c => c.Slug));
        // Stamped with the count of changes seen before the read, and not kept if a course changed meanwhile.
        if (changes.CoursesStamp == stamp) kept = new Kept(stamp, courses);
        return courses;
    }

    private sealed record Kept(long Changes, LiveCourses Courses);
}
