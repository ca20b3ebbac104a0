using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Account;

namespace TrainingLms.Web.Features.Inspections;

/// <summary>Who is asking: administrators and trainers reach every site, managers their own site, class leaders the teams they lead.</summary>
public sealed record InspectionViewer(string PersonId, bool SeesAll, bool IsManager, bool IsClassLeader)
{
    public bool CanInspect => SeesAll || IsManager || IsClassLeader;

    public static InspectionViewer From(ClaimsPrincipal user) => new(
        user.PersonId(), user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Trainer), user.IsInRole(Roles.Manager), user.IsInRole(Roles.ClassLeader));
}

/// <summary>The scope checks every inspection and rectification service applies, whatever the menu shows.</summary>
public static class InspectionScope
{
    /// <summary>The teams (posts) the viewer may inspect, and whose rectifications they follow.</summary>
    public static async Task<IQueryable<Team>> TeamsAsync(LmsDbContext db, InspectionViewer viewer, CancellationToken cancellationToken = default)
    {
        if (viewer.SeesAll) return db.Teams;
        var siteId = viewer.IsManager
            ? await db.Users.Where(p => p.Id == viewer.PersonId).Select(p => p.SiteId).SingleOrDefaultAsync(cancellationToken)
            : null;
        var leads = viewer.IsClassLeader;
        return db.Teams.Where(t => (leads && t.ClassLeaderId == viewer.PersonId) || (siteId != null && t.SiteId == siteId));
    }

    /// <summary>Whether the viewer manages the site (verifies and reopens its rectifications).</summary>
    public static async Task<bool> ManagesSiteAsync(LmsDbContext db, InspectionViewer viewer, int siteId, CancellationToken cancellationToken = default) =>
        viewer.IsManager && await db.Users.AnyAsync(p => p.Id == viewer.PersonId && p.SiteId == siteId, cancellationToken);
}
