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
    private readonly StampedValue<long, LiveCourses> kept = new(changes, () => changes.CoursesStamp);

    public Task<LiveCourses> GetAsync(CancellationToken cancellationToken = default) => kept.GetAsync(async token =>
    {
        await using var db = await dbFactory.CreateDbContextAsync(token);
        var all = await db.Courses.AsNoTracking().Where(c => c.IsActive && c.CurrentRevisionId != null).OrderBy(c => c.Slug)
            .Select(c => new LiveCourse(c.Id, c.Slug, c.CurrentRevisionId!.Value)).ToListAsync(token);
        return new LiveCourses(all, all.ToDictionary(c => c.Slug));
    }, cancellationToken);
}
