using TrainingLms.Domain.Courses;
using TrainingLms.Web.Features.Courses.Caching;

namespace TrainingLms.Web.Features.Courses;

public sealed record AssignedCourse(string Slug, LocalizedText Title, LocalizedText Summary, int EstimatedMinutes, CourseProgress Progress, DateOnly DueOn, bool Overdue, DateTime? CompletedAtUtc);

public sealed record CatalogueCourse(string Slug, LocalizedText Title, LocalizedText Summary, int EstimatedMinutes, int LessonCount);

public sealed record MyLearning(IReadOnlyList<AssignedCourse> Assigned, int OtherCourseCount);

public sealed record LessonSummary(string Key, LocalizedText Title, int? Minutes, bool HasQuiz, LessonStatus Status);

public sealed record CompletionRecord(int Version, DateTime CompletedAtUtc);

public sealed record CourseView(
    int Id, int RevisionId, string Slug, LocalizedText Title, LocalizedText Summary, LocalizedText Introduction, int Version, int EstimatedMinutes,
    IReadOnlyList<LessonSummary> Lessons, CourseProgress Progress, DateOnly? DueOn, bool Overdue, IReadOnlyList<CompletionRecord> Completions,
    string? TimeZoneId);

public sealed record LessonView(CourseView Course, LessonRevision Lesson, int Index, LessonStatus Status)
{
    public string? PreviousKey => Index > 0 ? Course.Lessons[Index - 1].Key : null;
    public string? NextKey => Index < Course.Lessons.Count - 1 ? Course.Lessons[Index + 1].Key : null;
}

/// <summary>The learner's pages: "My learning", a course, a lesson. They read from the learner and course caches.</summary>
public sealed class LearningQueries(
    IDbContextFactory<LmsDbContext> dbFactory, LearnerRecordCache learners, LiveCourseCache liveCourses, CourseRevisionCache revisions,
    LearnerProgress learnerProgress, TimeProvider clock)
{
    /// <summary>The courses assigned to the person or begun by them; the rest of the catalogue is only counted.</summary>
    public async Task<MyLearning> MyLearningAsync(string personId, CancellationToken cancellationToken = default)
    {
        var learner = await learners.GetAsync(personId, cancellationToken);
        var live = (await liveCourses.GetAsync(cancellationToken)).All;
        var mine = live.Where(c => learner.DueDates.ContainsKey(c.Id) || learner.LessonsDone.Contains(c.Id)).ToList();
        var current = await revisions.GetManyAsync(mine.Select(c => c.RevisionId).ToList(), cancellationToken);
        var progress = await learnerProgress.ForRecordAsync(current.Values.ToList(), learner, cancellationToken);
        var today = SiteTime.Today(clock.GetUtcNow().UtcDateTime, learner.TimeZoneId);

        var assigned = mine
            .Select(c =>
            {
                DateOnly? due = learner.DueDates.TryGetValue(c.Id, out var dueOn) ? dueOn : null;
                var lastCompletedAtUtc = learner.CoursesDone[c.Id].Max(d => (DateTime?)d.CompletedAtUtc);
                var revision = current[c.RevisionId];
                return new AssignedCourse(c.Slug, revision.Title, revision.Summary, revision.EstimatedMinutes, progress[c.Id], due ?? DateOnly.MaxValue,
                    IsOverdue(due, lastCompletedAtUtc is not null, today), lastCompletedAtUtc);
            })
            .OrderBy(c => c.Progress.Status == CourseStatus.Completed).ThenBy(c => c.DueOn)
            .ToList();
        return new MyLearning(assigned, live.Count - mine.Count);
    }

    /// <summary>Every live course the person has neither been assigned nor begun, for browsing.</summary>
    public async Task<IReadOnlyList<CatalogueCourse>> CatalogueAsync(string personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Courses.AsNoTracking()
            .Where(c => c.IsActive && c.CurrentRevisionId != null
                && !db.CourseAssignments.Any(a => a.CourseId == c.Id && a.PersonId == personId)
                && !db.LessonCompletions.Any(l => l.CourseId == c.Id && l.PersonId == personId))
            .OrderBy(c => c.Slug)
            .Select(c => new CatalogueCourse(c.Slug, new LocalizedText(c.CurrentRevision!.Title.Zh, c.CurrentRevision.Title.En),
                new LocalizedText(c.CurrentRevision.Summary.Zh, c.CurrentRevision.Summary.En), c.CurrentRevision.EstimatedMinutes, c.CurrentRevision.Lessons.Count))
            .ToListAsync(cancellationToken);
    }

    public async Task<CourseView?> CourseAsync(string personId, string slug, CancellationToken cancellationToken = default)
    {
        if (!(await liveCourses.GetAsync(cancellationToken)).BySlug.TryGetValue(slug, out var course)) return null;
        var revision = await revisions.GetAsync(course.RevisionId, cancellationToken);
        var learner = await learners.GetAsync(personId, cancellationToken);
        var progress = (await learnerProgress.ForRecordAsync([revision], learner, cancellationToken))[course.Id];
        var statuses = progress.Lessons.ToDictionary(l => l.Key, l => l.Status);
        var lessons = revision.Lessons.Select(l => new LessonSummary(l.Key, l.Title, l.Minutes, l.Quiz is not null, statuses.GetValueOrDefault(l.Key, LessonStatus.NotStarted))).ToList();
        DateOnly? dueOn = learner.DueDates.TryGetValue(course.Id, out var due) ? due : null;
        var completions = learner.CoursesDone[course.Id].ToList();
        var today = SiteTime.Today(clock.GetUtcNow().UtcDateTime, learner.TimeZoneId);
        return new CourseView(course.Id, course.RevisionId, slug, revision.Title, revision.Summary, revision.Introduction, revision.Version, revision.EstimatedMinutes,
            lessons, progress, dueOn, IsOverdue(dueOn, completions.Count > 0, today), completions, learner.TimeZoneId);
    }

    public async Task<LessonView?> LessonAsync(string personId, string slug, string key, CancellationToken cancellationToken = default)
    {
        if (await CourseAsync(personId, slug, cancellationToken) is not { } course) return null;
        var index = course.Lessons.ToList().FindIndex(l => l.Key == key);
        if (index < 0) return null;
        var lesson = (await revisions.GetAsync(course.RevisionId, cancellationToken)).Lessons[index];
        return new LessonView(course, lesson, index, course.Lessons[index].Status);
    }

    /// <summary>Past its due date and never completed; a completed course whose new version needs review is not overdue.</summary>
    public static bool IsOverdue(DateOnly? dueOn, bool everCompleted, DateOnly today) =>
        dueOn is { } due && due < today && !everCompleted;
}
