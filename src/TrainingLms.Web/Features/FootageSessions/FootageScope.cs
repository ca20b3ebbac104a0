using TrainingLms.Domain.FootageSessions;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Account;

namespace TrainingLms.Web.Features.FootageSessions;

/// <summary>Who is asking: trainers and administrators see every site, managers their own site, class leaders the teams they lead.</summary>
public sealed record FootageViewer(string PersonId, bool OverseesAll, bool IsManager)
{
    /// <summary>Whether the person may record sessions at all (for some team); the team itself is checked by the service.</summary>
    public bool MayRecord => OverseesAll || IsManager;

    public static FootageViewer From(ClaimsPrincipal user) =>
        new(user.PersonId(), user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Trainer), user.IsInRole(Roles.Manager));
}

/// <summary>The scope checks every footage-session service applies, whatever the menu shows.</summary>
public static class FootageScope
{
    /// <summary>The teams whose sessions the viewer reads: all, their site's, or the ones they lead.</summary>
    public static async Task<IQueryable<Team>> VisibleTeamsAsync(LmsDbContext db, FootageViewer viewer, CancellationToken cancellationToken)
    {
        if (viewer.OverseesAll) return db.Teams;
        var siteId = await ManagedSiteAsync(db, viewer, cancellationToken);
        return db.Teams.Where(t => t.ClassLeaderId == viewer.PersonId || (siteId != null && t.SiteId == siteId));
    }

    /// <summary>The sessions of the viewer's teams, and those in which the viewer owns a correction.</summary>
    public static async Task<IQueryable<FootageSession>> VisibleSessionsAsync(LmsDbContext db, FootageViewer viewer, CancellationToken cancellationToken)
    {
        if (viewer.OverseesAll) return db.FootageSessions;
        var teams = (await VisibleTeamsAsync(db, viewer, cancellationToken)).Select(t => t.Id);
        return db.FootageSessions.Where(s => teams.Contains(s.TeamId) || db.FootageFaults.Any(f => f.SessionId == s.Id && f.OwnerId == viewer.PersonId));
    }

    /// <summary>The active teams the viewer may record a session with: every team, or their own site's.</summary>
    public static async Task<IQueryable<Team>> RecordableTeamsAsync(LmsDbContext db, FootageViewer viewer, CancellationToken cancellationToken)
    {
        if (viewer.OverseesAll) return db.Teams.Where(t => t.IsActive);
        var siteId = await ManagedSiteAsync(db, viewer, cancellationToken);
        return db.Teams.Where(t => t.IsActive && siteId != null && t.SiteId == siteId);
    }

    /// <summary>The viewer's standing towards a session at the site.</summary>
    public static async Task<FootageActor> ActorAsync(LmsDbContext db, FootageViewer viewer, int siteId, CancellationToken cancellationToken) =>
        new(viewer.PersonId, await ManagedSiteAsync(db, viewer, cancellationToken) == siteId, viewer.OverseesAll);

    private static async Task<int?> ManagedSiteAsync(LmsDbContext db, FootageViewer viewer, CancellationToken cancellationToken) =>
        viewer.IsManager ? await db.Users.Where(p => p.Id == viewer.PersonId).Select(p => p.SiteId).SingleOrDefaultAsync(cancellationToken) : null;
}
