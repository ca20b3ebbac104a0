using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Courses.Caching;
using TrainingLms.Web.Features.Courses.Content;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Features.Courses;

public sealed record ManagedLesson(string Key, LocalizedText Title);

public sealed record ManagedCourse(
    int Id, string Slug, LocalizedText Title, int Version, int Revision, DateTime PublishedAtUtc, RevisionSource Source,
    IReadOnlyList<ManagedLesson> Lessons, int Assigned, int Completed, int Overdue);

/// <param name="More">More than <see cref="CourseAdministration.OverdueCountLimit"/>: <paramref name="Total"/> is that limit.</param>
public sealed record OverdueList(IReadOnlyList<OverdueAssignment> Rows, int Total, bool More, int Page, int PageCount);

public sealed record OverdueAssignment(string EmployeeNumber, string FullName, string? Team, string? Site, LocalizedText Course, string CourseSlug, DateOnly DueOn, int DaysOverdue, string? Contractor = null);

/// <summary>An edit of one lesson, as typed in the browser editor.</summary>
/// <param name="BaseRevisionId">The course revision the trainer started from; a save on top of another one is refused.</param>
/// <summary>
/// The courses assigned to a site's active people, as they stood at the end of a month (or today, for the month under
/// way): assignments given by then, those completed by then, and those overdue then by <see cref="LearningQueries.IsOverdue"/>.
/// </summary>
public sealed record SiteCourseFigures(DateOnly AsOf, int People, int Assigned, int Completed, int Overdue, int CompletedInMonth)
{
    public double? CompletionRate => Assigned == 0 ? null : Math.Round(100.0 * Completed / Assigned, 1, MidpointRounding.AwayFromZero);
}

public sealed record LessonEdit(string TitleZh, string TitleEn, string BodyZh, string? BodyEn, bool RaiseVersion, int BaseRevisionId);

public enum LessonSaveOutcome
{
    Saved = 1,
    NotFound = 2,
    Invalid = 3,
    Unchanged = 4,
    /// <summary>Someone saved the course since the trainer opened the lesson.</summary>
    Conflict = 5,
}

/// <summary>What trainers and administrators do with courses: the list, overdue assignments, lesson edits.</summary>
public sealed class CourseAdministration(IDbContextFactory<LmsDbContext> dbFactory, CourseSync sync, CourseListCache listCache, TimeProvider clock)
{
    /// <summary>Courses a page of the course list: each card counts its course's assignments, and a large company has 200 courses and 60,000 assignments.</summary>
    public const int CoursesPerPage = 20;

    public Task<PageOf<ManagedCourse>> ListAsync(int? page = null, CancellationToken cancellationToken = default) =>
        listCache.GetAsync(Math.Max(page ?? 1, 1), token => ReadListAsync(page, token), cancellationToken);

    private async Task<PageOf<ManagedCourse>> ReadListAsync(int? page, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = SiteTime.Today(clock.GetUtcNow().UtcDateTime, null);
        var live = db.Courses.AsNoTracking().Where(c => c.IsActive && c.CurrentRevisionId != null);
        var (number, pageCount) = Paging.Locate(await live.CountAsync(cancellationToken), page, CoursesPerPage);
        // Split: in one query each course's counts were worked out again for every one of its lessons' rows.
        var courses = await live.OrderBy(c => c.Slug).Skip(Paging.Skip(number, CoursesPerPage)).Take(CoursesPerPage).AsSplitQuery()
            .Select(c => new ManagedCourse(
                c.Id, c.Slug, new LocalizedText(c.CurrentRevision!.Title.Zh, c.CurrentRevision.Title.En), c.CurrentRevision.Version, c.CurrentRevision.Number, c.CurrentRevision.CreatedAtUtc, c.CurrentRevision.Source,
                c.CurrentRevision.Lessons.OrderBy(l => l.Order).Select(l => new ManagedLesson(l.Key, new LocalizedText(l.Title.Zh, l.Title.En))).ToList(),
                db.CourseAssignments.Count(a => a.CourseId == c.Id),
                db.CourseCompletions.Where(d => d.CourseId == c.Id).Select(d => d.PersonId).Distinct().Count(),
                db.CourseAssignments.Count(a => a.CourseId == c.Id && a.DueOn < today && !db.CourseCompletions.Any(d => d.CourseId == c.Id && d.PersonId == a.PersonId))))
            .ToListAsync(cancellationToken);
        return new(courses, number, pageCount);
    }

    public const int OverduePageSize = 50;

    /// <summary>Overdue assignments counted at most: past it the list says "more than", and its pages go on one at a time.</summary>
    public const int OverdueCountLimit = 1_000;

    /// <summary>
    /// Overdue assignments of active people, a page at a time, the longest overdue first: all for administrators, a
    /// manager's site, a class leader's teams. On a large company they run to tens of thousands (41,000 for an
    /// administrator), so the database filters them, each against its own site's today, walks them oldest first down
    /// an index on the due date and stops at the page, and counts them up to <see cref="OverdueCountLimit"/> (the pages
    /// after go on while they come back full). Only the page's rows are joined to their people.
    /// </summary>
    public async Task<OverdueList> OverdueAsync(string viewerId, bool administrator, bool manager, StaffFilter? staff = null, int? page = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = db.Users.AsNoTracking().Where(p => p.IsActive);
        if (!administrator)
        {
            var siteId = manager ? await db.Users.Where(p => p.Id == viewerId).Select(p => p.SiteId).SingleOrDefaultAsync(cancellationToken) : null;
            people = people.Where(p => (siteId != null && p.SiteId == siteId) || (p.Team != null && p.Team.ClassLeaderId == viewerId));
        }
        if (staff is not null) people = await staff.ApplyAsync(db, people, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var overdue = await OverdueAssignmentsAsync(db, people, narrowed: !administrator, now, cancellationToken);
        var counted = await overdue.Take(OverdueCountLimit + 1).CountAsync(cancellationToken);
        var more = counted > OverdueCountLimit;
        var total = Math.Min(counted, OverdueCountLimit);
        var (clamped, counts) = Paging.Locate(total, page, OverduePageSize);
        // Past the counted pages the list goes on a page at a time while pages come back full.
        var number = more ? Math.Max(1, page ?? 1) : clamped;
        // Due longest ago first (the days overdue, but for a day between sites in zones either side of midnight), then in
        // the order they were assigned: both follow the due date's index, so the page is found without sorting them all.
        var rows = await overdue.OrderBy(a => a.DueOn).ThenBy(a => a.Id).Skip(Paging.Skip(number, OverduePageSize)).Take(OverduePageSize)
            .Join(db.Users, a => a.PersonId, p => p.Id, (a, p) => new
            {
                a.Id, a.DueOn, a.Course!.CurrentRevision!.Title, a.Course.Slug, EmployeeNumber = p.UserName!, p.FullName,
                Team = p.Team == null ? null : p.Team.Name, Site = p.Site == null ? null : p.Site.Name,
                TimeZoneId = p.Site == null ? null : p.Site.TimeZoneId,
                Contractor = p.ContractorCompany == null ? null : p.ContractorCompany.Name,
            })
            .OrderBy(r => r.DueOn).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return new OverdueList(
            [.. rows.Select(r => new OverdueAssignment(r.EmployeeNumber, r.FullName, r.Team, r.Site, r.Title, r.Slug, r.DueOn,
                SiteTime.Today(now, r.TimeZoneId).DayNumber - r.DueOn.DayNumber, r.Contractor))],
            total, more, number, more ? Math.Max(counts, number + (rows.Count == OverduePageSize ? 1 : 0)) : counts);
    }

    /// <summary>
    /// The active courses' assignments of <paramref name="people"/> not completed and due before their person's own
    /// site's today (the default zone's for someone with no site). Each assignment is asked whose it is and whether it
    /// is done: joined to the people instead, the database read every person first to filter them. A site's or a
    /// team's people (<paramref name="narrowed"/>) are found first, and their assignments looked up by person.
    /// </summary>
    private static async Task<IQueryable<CourseAssignment>> OverdueAssignmentsAsync(LmsDbContext db, IQueryable<Person> people, bool narrowed, DateTime now, CancellationToken cancellationToken)
    {
        // Bounds the walk down the due-date index; the per-zone conditions below narrow it.
        var latestToday = SiteTime.Today(now, "Pacific/Kiritimati");
        var assignments = db.CourseAssignments.AsNoTracking().Where(a => a.DueOn < latestToday
            && db.Courses.Any(c => c.Id == a.CourseId && c.IsActive)
            && !db.CourseCompletions.Any(d => d.CourseId == a.CourseId && d.PersonId == a.PersonId));
        if (narrowed)
        {
            var ids = await people.Select(p => p.Id).ToListAsync(cancellationToken);
            assignments = assignments.Where(a => ids.Contains(a.PersonId));
        }
        else
        {
            assignments = assignments.Where(a => people.Any(p => p.Id == a.PersonId));
        }
        var zones = (await db.Sites.AsNoTracking().Select(s => new { s.Id, s.TimeZoneId }).ToListAsync(cancellationToken))
            .GroupBy(s => SiteTime.Today(now, s.TimeZoneId), s => s.Id)
            .Select(g => (Today: g.Key, SiteIds: g.ToArray()))
            .ToList();
        return assignments.Where(DueBeforeOwnToday(db, SiteTime.Today(now, null), zones));
    }

    /// <summary>
    /// Due before the person's own site's today: before the earliest of the sites' todays, whoever's it is; in the day
    /// or two after, only if the person's site (or the default zone, with no site) has passed it, one condition per day sites are on.
    /// </summary>
    private static Expression<Func<CourseAssignment, bool>> DueBeforeOwnToday(LmsDbContext db, DateOnly noSiteToday, IReadOnlyList<(DateOnly Today, int[] SiteIds)> zones)
    {
        var earliest = zones.Select(z => z.Today).Append(noSiteToday).Min();
        Expression<Func<CourseAssignment, bool>> beforeEveryToday = a => a.DueOn < earliest;
        var assignment = beforeEveryToday.Parameters[0];
        var body = beforeEveryToday.Body;
        void OrElse(Expression<Func<CourseAssignment, bool>> condition) =>
            body = Expression.OrElse(body, ReplacingExpressionVisitor.Replace(condition.Parameters[0], assignment, condition.Body));
        if (noSiteToday > earliest) OrElse(a => a.DueOn < noSiteToday && db.Users.Any(p => p.Id == a.PersonId && p.SiteId == null));
        foreach (var (today, siteIds) in zones.Where(z => z.Today > earliest))
            OrElse(a => a.DueOn < today && db.Users.Any(p => p.Id == a.PersonId && p.SiteId != null && siteIds.Contains(p.SiteId.Value)));
        return Expression.Lambda<Func<CourseAssignment, bool>>(body, assignment);
    }

    /// <summary>The site's course figures for the month of <paramref name="month"/> (the caller has checked the viewer may see the site).</summary>
    public async Task<SiteCourseFigures> SiteMonthAsync(int siteId, DateOnly month, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var site = await db.Sites.Where(s => s.Id == siteId).Select(s => new { s.TimeZoneId }).SingleAsync(cancellationToken);
        var first = new DateOnly(month.Year, month.Month, 1);
        var today = SiteTime.Today(clock.GetUtcNow().UtcDateTime, site.TimeZoneId);
        var asOf = first.AddMonths(1).AddDays(-1) < today ? first.AddMonths(1).AddDays(-1) : today;
        var (monthStartUtc, endUtc) = (SiteTime.ToUtc(first.ToDateTime(TimeOnly.MinValue), site.TimeZoneId), SiteTime.EndOfDayUtc(asOf, site.TimeZoneId));
        var people = db.Users.Where(p => p.SiteId == siteId && p.IsActive);
        var assignments = await db.CourseAssignments.AsNoTracking()
            .Where(a => a.Course!.IsActive && a.AssignedAtUtc < endUtc && people.Any(p => p.Id == a.PersonId))
            .Select(a => new
            {
                a.PersonId, a.DueOn,
                CompletedAtUtc = db.CourseCompletions.Where(d => d.CourseId == a.CourseId && d.PersonId == a.PersonId && d.CompletedAtUtc < endUtc)
                    .Min(d => (DateTime?)d.CompletedAtUtc),
            })
            .ToListAsync(cancellationToken);
        return new SiteCourseFigures(asOf, await people.CountAsync(cancellationToken), assignments.Count,
            assignments.Count(a => a.CompletedAtUtc is not null),
            assignments.Count(a => LearningQueries.IsOverdue(a.DueOn, a.CompletedAtUtc is not null, asOf)),
            assignments.Count(a => a.CompletedAtUtc >= monthStartUtc));
    }

    public async Task<LessonRevision?> LessonAsync(string slug, string key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Courses.AsNoTracking().Where(c => c.Slug == slug && c.IsActive)
            .SelectMany(c => c.CurrentRevision!.Lessons.Where(l => l.Key == key)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Saves an edited lesson as a new revision of its course, checked by the same parser as content/ files.
    /// </summary>
    public async Task<(LessonSaveOutcome Outcome, IReadOnlyList<ContentProblem> Problems)> SaveLessonAsync(
        string slug, string key, LessonEdit edit, string editorId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var course = await db.Courses.Include(c => c.CurrentRevision).ThenInclude(r => r!.Lessons)
            .SingleOrDefaultAsync(c => c.Slug == slug && c.IsActive, cancellationToken);
        var current = course?.CurrentRevision;
        var original = current?.Lessons.SingleOrDefault(l => l.Key == key);
        if (course is null || current is null || original is null) return (LessonSaveOutcome.NotFound, []);
        if (edit.BaseRevisionId != current.Id) return (LessonSaveOutcome.Conflict, []);

        var problems = new List<ContentProblem>();
        var body = edit.BodyZh.TrimEnd();
        var fileText = CourseExport.LessonFile(new LocalizedText(edit.TitleZh.Trim(), edit.TitleEn.Trim()), original.Minutes, body);
        // The trainer sees the body alone, so problems count lines from the body rather than the generated front matter.
        var frontMatterLines = fileText[..fileText.LastIndexOf(body, StringComparison.Ordinal)].Count(c => c == '\n');
        var source = new LessonFileParser.LessonSource(key, original.Order, fileText, new ProblemLog($"{key}.md", problems, -frontMatterLines),
            string.IsNullOrWhiteSpace(edit.BodyEn) ? null : edit.BodyEn, new ProblemLog($"{key}.en.md", problems));
        var courseFolder = FolderPath(course.SourceFolder, slug);
        if (LessonFileParser.Parse(source, courseFolder) is not { } edited) return (LessonSaveOutcome.Invalid, problems);
        if (!edit.RaiseVersion && QuizKeys.Changed(original.Quiz, edited.Quiz) is { Count: > 0 } changed)
            return (LessonSaveOutcome.Invalid, [.. changed.Select(id => new ContentProblem($"{key}.md", 0, "QuizKeyChanged", id))]);

        var revision = new CourseRevision
        {
            Version = current.Version + (edit.RaiseVersion ? 1 : 0),
            Title = current.Title,
            Summary = current.Summary,
            Introduction = current.Introduction,
            Audience = current.Audience,
            CountsTowardClearance = current.CountsTowardClearance,
            DueDays = current.DueDays,
            EstimatedMinutes = current.EstimatedMinutes,
            Source = RevisionSource.Editor,
            CreatedById = editorId,
            Lessons = current.Lessons.OrderBy(l => l.Order).Select(l => l.Key == key ? edited : Copy(l)).ToList(),
        };
        var hash = CourseFolderParser.RevisionHash(revision);
        if (hash == current.ContentHash) return (LessonSaveOutcome.Unchanged, []);
        await CourseRevisions.PublishAsync(db, course, revision, hash, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return (LessonSaveOutcome.Saved, []);
    }

    /// <summary>The folder a course's pictures are read from (its folder under content/courses).</summary>
    public async Task<string> CourseFolderAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return FolderPath(await db.Courses.Where(c => c.Slug == slug).Select(c => c.SourceFolder).SingleOrDefaultAsync(cancellationToken), slug);
    }

    private string FolderPath(string? sourceFolder, string slug) => Path.Combine(sync.ContentPath, "courses", sourceFolder ?? slug);

    private static LessonRevision Copy(LessonRevision lesson) => new()
    {
        Key = lesson.Key,
        Order = lesson.Order,
        Title = lesson.Title,
        Minutes = lesson.Minutes,
        BodyZh = lesson.BodyZh,
        BodyEn = lesson.BodyEn,
        Quiz = lesson.Quiz,
        RequiredClips = [.. lesson.RequiredClips],
        ContentHash = lesson.ContentHash,
    };
}
