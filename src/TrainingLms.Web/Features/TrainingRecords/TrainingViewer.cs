using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.TrainingRecords;
using TrainingLms.Web.Features.Account;

namespace TrainingLms.Web.Features.TrainingRecords;

/// <summary>Who is asking: leaders see the teams they lead, managers their site's, trainers and administrators all.</summary>
public sealed record TrainingViewer(string PersonId, bool IsAdmin, bool IsTrainer, bool IsManager)
{
    public static TrainingViewer From(ClaimsPrincipal user) =>
        new(user.PersonId(), user.IsInRole(Roles.Admin), user.IsInRole(Roles.Trainer), user.IsInRole(Roles.Manager));

    public bool OverseesAll => IsAdmin || IsTrainer;
}

/// <summary>The scope checks every training-record service applies, whatever the menu shows.</summary>
public static class TrainingScope
{
    /// <summary>The teams whose records the viewer may read.</summary>
    public static async Task<IQueryable<Team>> VisibleTeamsAsync(LmsDbContext db, TrainingViewer viewer, CancellationToken cancellationToken = default)
    {
        if (viewer.OverseesAll) return db.Teams;
        var siteId = await ManagedSiteAsync(db, viewer, cancellationToken);
        return db.Teams.Where(t => t.ClassLeaderId == viewer.PersonId || (siteId != null && t.SiteId == siteId));
    }

    /// <summary>The teams the viewer may record trainings for: the ones they lead; an administrator any active team.</summary>
    public static IQueryable<Team> RecordableTeams(LmsDbContext db, TrainingViewer viewer) =>
        db.Teams.Where(t => t.IsActive && (viewer.IsAdmin || t.ClassLeaderId == viewer.PersonId));

    /// <summary>The viewer's standing towards one team's record.</summary>
    public static async Task<TrainingActor> ActorAsync(LmsDbContext db, TrainingViewer viewer, int teamSiteId, string? teamLeaderId, CancellationToken cancellationToken = default)
    {
        var siteId = await ManagedSiteAsync(db, viewer, cancellationToken);
        return new TrainingActor(viewer.PersonId, teamLeaderId == viewer.PersonId, siteId == teamSiteId, viewer.OverseesAll);
    }

    private static async Task<int?> ManagedSiteAsync(LmsDbContext db, TrainingViewer viewer, CancellationToken cancellationToken) =>
        viewer.IsManager ? await db.Users.Where(p => p.Id == viewer.PersonId).Select(p => p.SiteId).SingleOrDefaultAsync(cancellationToken) : null;
}
