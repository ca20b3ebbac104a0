using Microsoft.EntityFrameworkCore;
using TrainingLms.Data;
using TrainingLms.Domain;
using TrainingLms.Domain.Courses;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.Web.Features.Courses;

public sealed record AssignedCourse(string Slug, LocalizedText Title, LocalizedText Summary, int EstimatedMinutes, CourseProgress Progress, DateOnly DueOn, bool Overdue, DateTime? CompletedAtUtc);

public sealed record CatalogueCourse(string Slug, LocalizedText Title, LocalizedText Summary, int EstimatedMinutes, int LessonCount);

public sealed record MyLearning(IReadOnlyList<AssignedCourse> Assigned, int OtherCourseCount);

public sealed record LessonSummary(string Key, LocalizedText Title, int? Minutes, bool HasQuiz, LessonStatus Status);

public sealed record CompletionRecord(int Version, DateTime CompletedAtUtc);

public sealed record CourseView(
    int Id, int RevisionId, string Slug, LocalizedText Title, LocalizedText Summary, LocalizedText Introduction, int Version, int EstimatedMinutes,
    IReadOnlyList<LessonSummary> Lessons, CourseProgress Progress, DateOnly? DueOn, bool Overdue, IReadOnlyList<CompletionRecord> Completions);

public sealed record LessonView(CourseView Course, LessonRevision Lesson, int Index, LessonStatus Status, QuizAttempt? LastAttempt)
{
    public string? PreviousKey => Index > 0 ? Course.Lessons[Index - 1].Key : null;
    public string? NextKey => Index < Course.Lessons.Count - 1 ? Course.Lessons[Index + 1].Key : null;
}

/// <summary>The learner's pages: "My learning", a course, a lesson.</summary>
public sealed class LearningQueries(IDbContextFactory<LmsDbContext> dbFactory, CourseRevisionCache revisions, LearnerProgress learnerProgress, TimeProvider clock)
{
    /// <summary>The courses assigned to the person or begun by them; the rest of the catalogue is only counted.</summary>
    public async Task<MyLearning> MyLearningAsync(string personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateOpenDbContextAsync(cancellationToken);
        var today = await TodayForAsync(db, personId, cancellationToken);
        var dueDates = await db.CourseAssignments.Where(a => a.PersonId == personId)
            .ToDictionaryAsync(a => a.CourseId, a => a.DueOn, cancellationToken);
        var lessonsDone = (await db.LessonCompletions.AsNoTracking().Where(l => l.PersonId == personId)
            .Select(l => new { l.CourseId, l.LessonKey, l.CourseVersion }).ToListAsync(cancellationToken))
            .ToLookup(l => l.CourseId, l => new CompletedLesson(l.LessonKey, l.CourseVersion));
        var coursesDone = await db.CourseCompletions.AsNoTracking().Where(d => d.PersonId == personId)
            .Select(d => new { d.CourseId, d.CourseVersion, d.CompletedAtUtc }).ToListAsync(cancellationToken);
        var live = await db.Courses.AsNoTracking().Where(c => c.IsActive && c.CurrentRevisionId != null)
            .Select(c => new { c.Id, c.Slug, RevisionId = c.CurrentRevisionId!.Value }).ToListAsync(cancellationToken);
        var mine = live.Where(c => dueDates.ContainsKey(c.Id) || lessonsDone.Contains(c.Id)).ToList();
        var current = await revisions.GetManyAsync(mine.Select(c => c.RevisionId).ToList(), cancellationToken);
        var progress = await learnerProgress.ForCompletionsAsync(db, current.Values.ToList(), lessonsDone,
            coursesDone.ToLookup(d => d.CourseId, d => d.CourseVersion), cancellationToken);
        var completedAtUtc = coursesDone.ToLookup(d => d.CourseId, d => d.CompletedAtUtc);

        var assigned = mine
            .Select(c =>
            {
                DateOnly? due = dueDates.TryGetValue(c.Id, out var dueOn) ? dueOn : null;
                var lastCompletedAtUtc = completedAtUtc[c.Id].Max(at => (DateTime?)at);
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
            .Select(c => new CatalogueCourse(c.Slug, c.CurrentRevision!.Title, c.CurrentRevision.Summary, c.CurrentRevision.EstimatedMinutes, c.CurrentRevision.Lessons.Count))
            .ToListAsync(cancellationToken);
    }

    public async Task<CourseView?> CourseAsync(string personId, string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateOpenDbContextAsync(cancellationToken);
        return await CourseAsync(db, personId, slug, cancellationToken);
    }

    public async Task<LessonView?> LessonAsync(string personId, string slug, string key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateOpenDbContextAsync(cancellationToken);
        if (await CourseAsync(db, personId, slug, cancellationToken) is not { } course) return null;
        var index = course.Lessons.ToList().FindIndex(l => l.Key == key);
        if (index < 0) return null;
        var lesson = (await revisions.GetAsync(course.RevisionId, cancellationToken)).Lessons[index];
        var lastAttempt = await db.QuizAttempts.AsNoTracking()
            .Where(a => a.PersonId == personId && a.CourseId == course.Id && a.LessonKey == key && a.CourseVersion == course.Version)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        return new LessonView(course, lesson, index, course.Lessons[index].Status, lastAttempt);
    }

    // Every view of a course or lesson runs these, so they are few and simple: one for the course, due date and time
    // zone, one for each kind of completion. (One query with collection subqueries took longer in EF than all three.)
    private async Task<CourseView?> CourseAsync(LmsDbContext db, string personId, string slug, CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsNoTracking().Where(c => c.Slug == slug && c.IsActive && c.CurrentRevisionId != null)
            .Select(c => new
            {
                c.Id,
                RevisionId = c.CurrentRevisionId!.Value,
                DueOn = db.CourseAssignments.Where(a => a.CourseId == c.Id && a.PersonId == personId).Select(a => (DateOnly?)a.DueOn).FirstOrDefault(),
                TimeZoneId = db.Users.Where(p => p.Id == personId).Select(p => p.Site == null ? null : p.Site.TimeZoneId).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (course is null) return null;
        var revision = await revisions.GetAsync(course.RevisionId, cancellationToken);
        var completions = await db.CourseCompletions.AsNoTracking().Where(d => d.CourseId == course.Id && d.PersonId == personId).OrderBy(d => d.CompletedAtUtc)
            .Select(d => new CompletionRecord(d.CourseVersion, d.CompletedAtUtc)).ToListAsync(cancellationToken);
        var lessonsDone = await db.LessonCompletions.AsNoTracking().Where(l => l.CourseId == course.Id && l.PersonId == personId)
            .Select(l => new CompletedLesson(l.LessonKey, l.CourseVersion)).ToListAsync(cancellationToken);
        var progress = (await learnerProgress.ForCompletionsAsync(db, [revision], lessonsDone.ToLookup(_ => course.Id),
            completions.ToLookup(_ => course.Id, d => d.Version), cancellationToken))[course.Id];
        var statuses = progress.Lessons.ToDictionary(l => l.Key, l => l.Status);
        var lessons = revision.Lessons.Select(l => new LessonSummary(l.Key, l.Title, l.Minutes, l.Quiz is not null, statuses.GetValueOrDefault(l.Key, LessonStatus.NotStarted))).ToList();
        var today = SiteTime.Today(clock.GetUtcNow().UtcDateTime, course.TimeZoneId);
        return new CourseView(course.Id, course.RevisionId, slug, revision.Title, revision.Summary, revision.Introduction, revision.Version, revision.EstimatedMinutes,
            lessons, progress, course.DueOn, IsOverdue(course.DueOn, completions.Count > 0, today), completions);
    }

    /// <summary>Past its due date and never completed; a completed course whose new version needs review is not overdue.</summary>
    public static bool IsOverdue(DateOnly? dueOn, bool everCompleted, DateOnly today) =>
        dueOn is { } due && due < today && !everCompleted;

    private async Task<DateOnly> TodayForAsync(LmsDbContext db, string personId, CancellationToken cancellationToken)
    {
        var zone = await db.Users.Where(p => p.Id == personId).Select(p => p.Site == null ? null : p.Site.TimeZoneId).SingleOrDefaultAsync(cancellationToken);
        return SiteTime.Today(clock.GetUtcNow().UtcDateTime, zone);
    }
}
