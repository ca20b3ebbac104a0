using TrainingLms.Domain.Courses;
using TrainingLms.Domain.TrainingRecords;

namespace TrainingLms.Web.Features.TrainingRecords;

/// <summary>What a training was about: a lesson (by its current title) and the leader's own words, either or both.</summary>
public sealed record TrainingTopic(LocalizedText? Lesson, string Text);

public sealed record TrainingRow(int Id, DateOnly TrainedOn, string ShiftKey, string TeamName, string SiteName, TrainingTopic Topic, int Minutes, int Attendees, TrainingRecordStatus Status, string RecordedBy);

public sealed record TrainingFilter(int? TeamId, DateOnly? Month, TrainingRecordStatus? Status, int Page);

public sealed record TrainingList(IReadOnlyList<TrainingRow> Rows, int Page, int PageCount, int Total, IReadOnlyList<TeamChoice> Teams);

public sealed record TrainingStepView(TrainingStepKind Kind, string By, DateTime AtUtc, string? Comment);

public sealed record TrainingDetail(
    int Id, int TeamId, string TeamName, string SiteName, string TimeZoneId, DateOnly TrainedOn, string ShiftKey, TrainingTopic Topic, int Minutes,
    ClipChoice? Clip, TrainingRecordStatus Status, string RecordedById, string RecordedBy, IReadOnlyList<TeamMember> Attendees,
    IReadOnlyList<TrainingStepView> Steps, TrainingVerdict MayOversee, TrainingVerdict MayCorrect, string? LessonValue, bool IsOwn);

/// <summary>A site's pre-job trainings over a month: the records by status, the attendances and the minutes trained.</summary>
public sealed record TrainingMonth(int Records, int Countersigned, int Submitted, int Returned, int Attendances, int Minutes);

public sealed record AttendedTraining(int Id, DateOnly TrainedOn, string TeamName, TrainingTopic Topic, int Minutes, TrainingRecordStatus Status);

/// <summary>Reads training records within the viewer's scope.</summary>
public sealed class TrainingQueries(IDbContextFactory<LmsDbContext> dbFactory)
{
    public const int PageSize = 20;

    public async Task<TrainingList> ListAsync(TrainingViewer viewer, TrainingFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = await TrainingScope.VisibleTeamsAsync(db, viewer, cancellationToken);
        var teamChoices = await teams.OrderBy(t => t.Site!.Name).ThenBy(t => t.Name)
            .Select(t => new TeamChoice(t.Id, t.Name, t.Site!.Name)).ToListAsync(cancellationToken);
        var records = db.TrainingRecords.AsNoTracking().Where(r => teams.Any(t => t.Id == r.TeamId));
        if (filter.TeamId is { } teamId) records = records.Where(r => r.TeamId == teamId);
        if (filter.Month is { } month)
        {
            var next = month.AddMonths(1);
            records = records.Where(r => r.TrainedOn >= month && r.TrainedOn < next);
        }
        if (filter.Status is { } status) records = records.Where(r => r.Status == status);

        var total = await records.CountAsync(cancellationToken);
        var (page, pageCount) = Paging.Locate(total, filter.Page, PageSize);
        var rows = await records.OrderByDescending(r => r.TrainedOn).ThenByDescending(r => r.Id).Skip(Paging.Skip(page, PageSize)).Take(PageSize)
            .Select(r => new
            {
                r.Id, r.TrainedOn, r.ShiftKey, r.CourseId, r.LessonKey, r.Topic, r.Minutes, r.Status, Attendees = r.Attendees.Count,
                Team = db.Teams.Where(t => t.Id == r.TeamId).Select(t => new { t.Name, Site = t.Site!.Name }).Single(),
                RecordedBy = db.Users.Where(p => p.Id == r.RecordedById).Select(p => p.FullName).Single(),
            }).ToListAsync(cancellationToken);
        var lessons = await LessonTitlesAsync(db, rows.Select(r => (r.CourseId, r.LessonKey)), cancellationToken);
        return new TrainingList([.. rows.Select(r => new TrainingRow(r.Id, r.TrainedOn, r.ShiftKey, r.Team.Name, r.Team.Site,
            Topic(lessons, r.CourseId, r.LessonKey, r.Topic), r.Minutes, r.Attendees, r.Status, r.RecordedBy))], page, pageCount, total, teamChoices);
    }

    public async Task<(TrainingOutcome Status, TrainingDetail? Detail)> DetailAsync(TrainingViewer viewer, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.TrainingRecords.AsNoTracking().Include(r => r.Attendees).Include(r => r.Steps).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is null) return (TrainingOutcome.NotFound, null);
        if (!await (await TrainingScope.VisibleTeamsAsync(db, viewer, cancellationToken)).AnyAsync(t => t.Id == record.TeamId, cancellationToken))
            return (TrainingOutcome.Forbidden, null);
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == record.TeamId)
            .Select(t => new { t.Name, t.SiteId, SiteName = t.Site!.Name, t.Site.TimeZoneId, t.ClassLeaderId }).SingleAsync(cancellationToken);
        var personIds = record.Attendees.Select(a => a.PersonId).Concat(record.Steps.Select(s => s.ById)).Append(record.RecordedById).Distinct().ToList();
        var people = await TeamMembers.ByIdAsync(db, personIds, cancellationToken);
        var clip = record.ClipId is { } clipId
            ? await db.Clips.AsNoTracking().Where(c => c.Id == clipId).Select(c => new ClipChoice(c.Id, c.Title)).SingleOrDefaultAsync(cancellationToken)
            : null;
        var lessons = await LessonTitlesAsync(db, [(record.CourseId, record.LessonKey)], cancellationToken);
        var actor = await TrainingScope.ActorAsync(db, viewer, team.SiteId, team.ClassLeaderId, cancellationToken);
        string Name(string personId) => people.TryGetValue(personId, out var person) ? person.FullName : "?";
        return (TrainingOutcome.Recorded, new TrainingDetail(
            record.Id, record.TeamId, team.Name, team.SiteName, team.TimeZoneId, record.TrainedOn, record.ShiftKey,
            Topic(lessons, record.CourseId, record.LessonKey, record.Topic), record.Minutes, clip, record.Status, record.RecordedById, Name(record.RecordedById),
            [.. record.Attendees.Select(a => people.GetValueOrDefault(a.PersonId) ?? new TeamMember(a.PersonId, "?", "")).OrderBy(m => m.EmployeeNumber, StringComparer.Ordinal)],
            [.. record.Steps.OrderBy(s => s.AtUtc).ThenBy(s => s.Id).Select(s => new TrainingStepView(s.Kind, Name(s.ById), s.AtUtc, s.Comment))],
            TrainingRules.CanOversee(record.Status, record.RecordedById, actor), TrainingRules.CanCorrect(record.Status, record.RecordedById, actor),
            record.CourseId is { } course && record.LessonKey is { } key ? TrainingFormData.Value(course, key) : null, record.RecordedById == viewer.PersonId));
    }

    /// <summary>The trainings held by the site's teams in the month of <paramref name="month"/> (the caller has checked the viewer may see the site).</summary>
    public async Task<TrainingMonth> SiteMonthAsync(int siteId, DateOnly month, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (first, next) = (new DateOnly(month.Year, month.Month, 1), new DateOnly(month.Year, month.Month, 1).AddMonths(1));
        var records = await db.TrainingRecords.AsNoTracking()
            .Where(r => r.TrainedOn >= first && r.TrainedOn < next && db.Teams.Any(t => t.Id == r.TeamId && t.SiteId == siteId))
            .Select(r => new { r.Status, r.Minutes, Attendees = r.Attendees.Count }).ToListAsync(cancellationToken);
        int Count(TrainingRecordStatus status) => records.Count(r => r.Status == status);
        return new TrainingMonth(records.Count, Count(TrainingRecordStatus.Countersigned), Count(TrainingRecordStatus.Submitted), Count(TrainingRecordStatus.Returned),
            records.Sum(r => r.Attendees), records.Sum(r => r.Minutes));
    }

    /// <summary>The pre-job trainings a person attended, newest first (the caller has checked the viewer may see this person).</summary>
    public async Task<(IReadOnlyList<AttendedTraining> Latest, int Total)> AttendedAsync(string personId, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attended = db.TrainingAttendees.AsNoTracking().Where(a => a.PersonId == personId);
        var total = await attended.CountAsync(cancellationToken);
        var rows = await attended.OrderByDescending(a => a.TrainedOn).ThenByDescending(a => a.RecordId).Take(take)
            .Join(db.TrainingRecords, a => a.RecordId, r => r.Id, (a, r) => new
            {
                r.Id, r.TrainedOn, r.CourseId, r.LessonKey, r.Topic, r.Minutes, r.Status,
                TeamName = db.Teams.Where(t => t.Id == r.TeamId).Select(t => t.Name).Single(),
            }).ToListAsync(cancellationToken);
        var lessons = await LessonTitlesAsync(db, rows.Select(r => (r.CourseId, r.LessonKey)), cancellationToken);
        return ([.. rows.OrderByDescending(r => r.TrainedOn).ThenByDescending(r => r.Id)
            .Select(r => new AttendedTraining(r.Id, r.TrainedOn, r.TeamName, Topic(lessons, r.CourseId, r.LessonKey, r.Topic), r.Minutes, r.Status))], total);
    }

    private static TrainingTopic Topic(Dictionary<(int, string), LocalizedText> lessons, int? courseId, string? lessonKey, string text) =>
        new(courseId is { } course && lessonKey is { } key ? lessons.GetValueOrDefault((course, key)) ?? new LocalizedText(key, key) : null, text);

    /// <summary>The lessons' titles in their courses' current revisions.</summary>
    private static async Task<Dictionary<(int, string), LocalizedText>> LessonTitlesAsync(LmsDbContext db, IEnumerable<(int? CourseId, string? Key)> refs, CancellationToken cancellationToken)
    {
        var courseIds = refs.Where(r => r.CourseId is not null && r.Key is not null).Select(r => r.CourseId!.Value).Distinct().ToList();
        if (courseIds.Count == 0) return [];
        var revisions = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id) && c.CurrentRevisionId != null)
            .ToDictionaryAsync(c => c.CurrentRevisionId!.Value, c => c.Id, cancellationToken);
        var revisionIds = revisions.Keys.ToList();
        var lessons = (await db.LessonRevisions.AsNoTracking().Where(l => revisionIds.Contains(l.CourseRevisionId))
            .Select(l => new { l.CourseRevisionId, l.Key, l.Title }).ToListAsync(cancellationToken))
            .Select(l => new { CourseId = revisions[l.CourseRevisionId], l.Key, l.Title });
        return lessons.ToDictionary(l => (l.CourseId, l.Key), l => l.Title);
    }
}
