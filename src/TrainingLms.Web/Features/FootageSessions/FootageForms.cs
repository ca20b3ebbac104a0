using TrainingLms.Domain.FollowUps;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.FootageSessions;
using TrainingLms.Web.Features.Clips;

namespace TrainingLms.Web.Features.FootageSessions;

public sealed record FootageTeam(int Id, string Name, int SiteId, string SiteName, string? ClassLeaderId, string TimeZoneId);

/// <summary>A clip the recorder may see, with what the moments are checked against.</summary>
public sealed record FootageClip(int Id, string Title, ClipKind Kind, double DurationSeconds);

/// <summary>What the session form offers for one team: its roster, who may own a correction, and the clips to pick from.</summary>
public sealed record FootageForm(FootageTeam Team, DateOnly Today, DateOnly Earliest, IReadOnlyList<TeamMember> Roster, IReadOnlyList<TeamMember> Owners, IReadOnlyList<FootageClip> Clips);

/// <summary>Reads what a session form offers to a person for a team.</summary>
internal static class FootageFormData
{
    public static Task<FootageTeam?> TeamAsync(LmsDbContext db, int teamId, CancellationToken cancellationToken) =>
        db.Teams.AsNoTracking().Where(t => t.Id == teamId && t.IsActive)
            .Select(t => new FootageTeam(t.Id, t.Name, t.SiteId, t.Site!.Name, t.ClassLeaderId, t.Site.TimeZoneId))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The ready clips the person may see (the clip library's own rule: Smile Discovery recordings of real staff stay hidden from those who may not see them).</summary>
    public static async Task<IReadOnlyList<FootageClip>> ClipsAsync(LmsDbContext db, string personId, CancellationToken cancellationToken)
    {
        var viewer = await ClipViewer.ForPersonAsync(db, personId, cancellationToken);
        return await db.Clips.AsNoTracking().Where(c => c.Status == ClipStatus.Ready).Where(ClipAccess.VisibleTo(viewer))
            .OrderByDescending(c => c.Kind == ClipKind.BenchmarkCompanyFootage).ThenBy(c => c.Title)
            .Select(c => new FootageClip(c.Id, c.Title, c.Kind, c.DurationSeconds)).ToListAsync(cancellationToken);
    }

    public static async Task<FootageForm> FormAsync(LmsDbContext db, FootageTeam team, string personId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var today = SiteTime.Today(nowUtc, team.TimeZoneId);
        var roster = await TeamMembers.RosterAsync(db, team.Id, team.ClassLeaderId, cancellationToken);
        var leader = team.ClassLeaderId is { } leaderId
            ? await db.Users.AsNoTracking().Where(p => p.Id == leaderId && p.IsActive).Select(p => new TeamMember(p.Id, p.FullName, p.UserName!)).SingleOrDefaultAsync(cancellationToken)
            : null;
        IReadOnlyList<TeamMember> owners = leader is null ? roster : [leader, .. roster];
        return new FootageForm(team, today, today.AddDays(-FootageRules.RecordBackDays), roster, owners, await ClipsAsync(db, personId, cancellationToken));
    }

    /// <summary>The end of the due day at the team's site: a correction due on a day may be done all that day.</summary>
    public static DateTime DueAtUtc(DateOnly dueOn, string timeZoneId) => SiteTime.EndOfDayUtc(dueOn, timeZoneId).AddSeconds(-1);

    /// <summary>Whether a stored session says what the form says (a retry of the same submission).</summary>
    public static bool SameAs(FootageSession session, FootageInput input) =>
        session.HeldOn == input.HeldOn && session.ClipId == input.ClipId
        && session.Attendees.Select(a => a.PersonId).Order(StringComparer.Ordinal).SequenceEqual(input.Attendees.Order(StringComparer.Ordinal))
        && session.Faults.OrderBy(f => f.Order).Select(f => (f.MomentSeconds, f.Description, f.OwnerId))
            .SequenceEqual(input.Named.Select(f => (f.Moment ?? -1, FollowUp.Clean(f.Description), f.OwnerId)));
}
