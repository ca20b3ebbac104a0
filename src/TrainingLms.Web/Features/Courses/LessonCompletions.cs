using TrainingLms.Domain.Courses;
using TrainingLms.Web.Features.Clips;
using TrainingLms.Web.Features.Courses.Checks;

namespace TrainingLms.Web.Features.Courses;

public enum CompletionOutcome
{
    Completed = 1,
    NotFound = 2,
    QuizRequired = 3,
    /// <summary>A required clip of the lesson is not watched far enough yet.</summary>
    ClipNotWatched = 4,
}

/// <summary>
/// Records a learner's lesson completions at the course's current version, and the
/// course completion once every lesson counts as done. A lesson with required clips completes only once they are
/// watched far enough (<see cref="WatchTracking"/>).
/// </summary>
public sealed class LessonCompletions(IDbContextFactory<LmsDbContext> dbFactory, WatchTracking watching, LearnerProgress learnerProgress, TimeProvider clock)
{
    /// <summary>Marks a lesson as done: one with a knowledge check only once it is passed, one with required clips once they are watched.</summary>
    public async Task<CompletionOutcome> CompleteAsync(string personId, string courseSlug, string lessonKey, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await FindLessonAsync(db, courseSlug, lessonKey, cancellationToken) is not { } lesson) return CompletionOutcome.NotFound;
        if (lesson.Quiz is not null && !await db.QuizAttempts.AnyAsync(
                a => a.PersonId == personId && a.CourseId == lesson.CourseId && a.LessonKey == lessonKey && a.CourseVersion == lesson.Version && a.Passed, cancellationToken))
            return CompletionOutcome.QuizRequired;
        if ((await watching.UnwatchedAsync(personId, lesson.RequiredClips, cancellationToken)).Count > 0) return CompletionOutcome.ClipNotWatched;
        await RecordAsync(db, personId, lesson.CourseId, lesson.Version, lessonKey, cancellationToken);
        return CompletionOutcome.Completed;
    }

    /// <summary>Records the lesson of a check just passed; it completes once its required clips are watched.</summary>
    public async Task<(bool CourseCompleted, bool ClipsPending)> RecordPassAsync(string personId, CurrentCheck check, CancellationToken cancellationToken = default)
    {
        if ((await watching.UnwatchedAsync(personId, check.Lesson.RequiredClips, cancellationToken)).Count > 0) return (false, true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await RecordAsync(db, personId, check.CourseId, check.Version, check.Lesson.Key, cancellationToken), false);
    }

    private sealed record CurrentLesson(int CourseId, int Version, Quiz? Quiz, IReadOnlyList<string> RequiredClips);

    private static async Task<CurrentLesson?> FindLessonAsync(LmsDbContext db, string courseSlug, string lessonKey, CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsNoTracking()
            .Where(c => c.Slug == courseSlug && c.IsActive && c.CurrentRevisionId != null)
            .Select(c => new { c.Id, RevisionId = c.CurrentRevisionId!.Value, c.CurrentRevision!.Version })
            .SingleOrDefaultAsync(cancellationToken);
        if (course is null) return null;
        var lesson = await db.LessonRevisions.AsNoTracking()
            .Where(l => l.CourseRevisionId == course.RevisionId && l.Key == lessonKey)
            .Select(l => new { l.Quiz, l.RequiredClips })
            .SingleOrDefaultAsync(cancellationToken);
        return lesson is null ? null : new CurrentLesson(course.Id, course.Version, lesson.Quiz, lesson.RequiredClips);
    }

    /// <returns>True when this completion finished the course.</returns>
    private async Task<bool> RecordAsync(LmsDbContext db, string personId, int courseId, int version, string lessonKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.LessonCompletions.AnyAsync(c => c.PersonId == personId && c.CourseId == courseId && c.LessonKey == lessonKey && c.CourseVersion == version, cancellationToken))
            await InsertOnceAsync(db, new LessonCompletion { PersonId = personId, CourseId = courseId, LessonKey = lessonKey, CourseVersion = version, CompletedAtUtc = now }, cancellationToken);

        var progress = (await learnerProgress.ForPersonAsync(db, personId, [courseId], cancellationToken))[courseId];
        if (progress.Status != CourseStatus.Completed
            || await db.CourseCompletions.AnyAsync(c => c.PersonId == personId && c.CourseId == courseId && c.CourseVersion == version, cancellationToken))
            return false;
        return await InsertOnceAsync(db, new CourseCompletion { PersonId = personId, CourseId = courseId, CourseVersion = version, CompletedAtUtc = now }, cancellationToken);
    }

    // A double tap or a second tab may insert the same row at the same moment; the unique index keeps one.
    private static Task<bool> InsertOnceAsync<T>(LmsDbContext db, T row, CancellationToken cancellationToken) where T : class
    {
        db.Add(row);
        return UniqueIndex.SaveOnceAsync(db, cancellationToken);
    }
}
