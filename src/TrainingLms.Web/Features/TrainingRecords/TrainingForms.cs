using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.ShiftReviews;
using TrainingLms.Domain.TrainingRecords;
using TrainingLms.Web.Features.Clips;

namespace TrainingLms.Web.Features.TrainingRecords;

public sealed record TeamChoice(int Id, string Name, string SiteName);

/// <summary>A lesson of a published course, as the topic picker offers it; <see cref="Value"/> is what the form posts.</summary>
public sealed record LessonChoice(string Value, int CourseId, LocalizedText Course, LocalizedText Title);

public sealed record ClipChoice(int Id, string Title);

/// <summary>What the record form needs for one team: its shifts, its roster, and the lessons and clips to pick from.</summary>
public sealed record TrainingForm(
    TeamChoice Team, IReadOnlyList<TeamShift> Shifts, string DefaultShift, DateOnly Today, DateOnly Earliest,
    IReadOnlyList<TeamMember> Roster, IReadOnlyList<LessonChoice> Lessons, IReadOnlyList<ClipChoice> Clips);

/// <summary>Reads what a record form offers and checks a posted form against it; shared by recording and correcting.</summary>
internal static class TrainingFormData
{
    internal sealed record TeamFacts(int Id, string Name, int SiteId, string SiteName, string? ClassLeaderId, List<TeamShift> Shifts, string TimeZoneId);

    public static Task<TeamFacts?> TeamAsync(LmsDbContext db, int teamId, CancellationToken cancellationToken) =>
        db.Teams.AsNoTracking().Where(t => t.Id == teamId && t.IsActive)
            .Select(t => new TeamFacts(t.Id, t.Name, t.SiteId, t.Site!.Name, t.ClassLeaderId, t.Shifts, t.Site.TimeZoneId))
            .SingleOrDefaultAsync(cancellationToken);

    public static async Task<IReadOnlyList<LessonChoice>> LessonsAsync(LmsDbContext db, CancellationToken cancellationToken)
    {
        var courses = await db.Courses.AsNoTracking().Where(c => c.IsActive && c.CurrentRevisionId != null).OrderBy(c => c.Slug)
            .Select(c => new { c.Id, c.CurrentRevision!.Title, Lessons = c.CurrentRevision.Lessons.OrderBy(l => l.Order).Select(l => new { l.Key, l.Title }).ToList() })
            .ToListAsync(cancellationToken);
        return [.. courses.SelectMany(c => c.Lessons.Select(l => new LessonChoice(Value(c.Id, l.Key), c.Id, c.Title, l.Title)))];
    }

    public static string Value(int courseId, string lessonKey) => $"{courseId.ToString(CultureInfo.InvariantCulture)}:{lessonKey}";

    public static async Task<IReadOnlyList<ClipChoice>> ClipsAsync(LmsDbContext db, string personId, CancellationToken cancellationToken)
    {
        var viewer = await ClipViewer.ForPersonAsync(db, personId, cancellationToken);
        return await db.Clips.AsNoTracking().Where(c => c.Status == Domain.Clips.ClipStatus.Ready).Where(ClipAccess.VisibleTo(viewer))
            .OrderBy(c => c.Title).Select(c => new ClipChoice(c.Id, c.Title)).ToListAsync(cancellationToken);
    }

    public static async Task<TrainingForm> FormAsync(LmsDbContext db, TeamFacts team, string personId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var localNow = SiteTime.ToLocal(nowUtc, team.TimeZoneId);
        var today = DateOnly.FromDateTime(localNow);
        return new TrainingForm(new TeamChoice(team.Id, team.Name, team.SiteName), team.Shifts, TrainingRules.DefaultShift(team.Shifts, TimeOnly.FromDateTime(localNow)),
            today, TrainingRules.Earliest(today), await TeamMembers.RosterAsync(db, team.Id, team.ClassLeaderId, cancellationToken),
            await LessonsAsync(db, cancellationToken), await ClipsAsync(db, personId, cancellationToken));
    }

    /// <summary>The posted form checked against what the form offers to this person for this team.</summary>
    public static Dictionary<string, string> Validate(TrainingForm form, TrainingInput input) =>
        input.Validate(form.Today, form.Roster.Select(m => m.PersonId).ToHashSet(),
            lessonKnown: form.Lessons.Any(l => l.Value == input.Lesson),
            clipVisible: input.ClipId is { } clip && form.Clips.Any(c => c.Id == clip),
            shiftKnown: ShiftCalendar.IsKnownKey(form.Shifts, ShiftCalendar.IsDaily(form.Shifts) ? ShiftCalendar.DailyKey : input.ShiftKey));

    /// <summary>Writes a checked form into a record (attendees are set by the caller).</summary>
    public static void Apply(TrainingRecord record, TrainingForm form, TrainingInput input)
    {
        record.TrainedOn = input.TrainedOn!.Value;
        record.ShiftKey = ShiftCalendar.IsDaily(form.Shifts) ? ShiftCalendar.DailyKey : input.ShiftKey;
        (record.CourseId, record.LessonKey) = input.LessonRef is { } lesson ? (lesson.CourseId, lesson.Key) : ((int?)null, (string?)null);
        record.Topic = input.Topic;
        record.Minutes = input.Minutes!.Value;
        record.ClipId = input.ClipId;
    }

    /// <summary>Whether a stored record says what the form says (a retry of the same submission).</summary>
    public static bool SameAs(TrainingRecord record, TrainingForm form, TrainingInput input) =>
        record.TeamId == form.Team.Id && record.TrainedOn == input.TrainedOn
        && record.ShiftKey == (ShiftCalendar.IsDaily(form.Shifts) ? ShiftCalendar.DailyKey : input.ShiftKey)
        && (record.CourseId, record.LessonKey) == (input.LessonRef is { } lesson ? (lesson.CourseId, lesson.Key) : ((int?)null, (string?)null))
        && record.Topic == input.Topic && record.Minutes == input.Minutes && record.ClipId == input.ClipId
        && record.Attendees.Select(a => a.PersonId).Order(StringComparer.Ordinal).SequenceEqual(input.Attendees.Order(StringComparer.Ordinal));
}
