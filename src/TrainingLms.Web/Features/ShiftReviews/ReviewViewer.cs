using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Account;

namespace TrainingLms.Web.Features.ShiftReviews;

/// <summary>Who is asking, as far as review scope goes: leaders see the teams they lead, managers their site, administrators all.</summary>
public sealed record ReviewViewer(string PersonId, bool IsAdmin, bool IsManager)
{
    public static ReviewViewer From(ClaimsPrincipal user) => new(user.PersonId(), user.IsInRole(Roles.Admin), user.IsInRole(Roles.Manager));
}

/// <summary>The scope checks every review service applies, whatever the menu shows.</summary>
public static class ReviewScope
{
    /// <summary>The teams whose reviews the viewer may read.</summary>
    public static async Task<IQueryable<Team>> VisibleTeamsAsync(LmsDbContext db, ReviewViewer viewer, CancellationToken cancellationToken = default)
    {
        if (viewer.IsAdmin) return db.Teams;
        var siteId = viewer.IsManager
            ? await db.Users.Where(p => p.Id == viewer.PersonId).Select(p => p.SiteId).SingleOrDefaultAsync(cancellationToken)
            : null;
        return db.Teams.Where(t => t.ClassLeaderId == viewer.PersonId || (siteId != null && t.SiteId == siteId));
    }

    public static async Task<bool> CanReadTeamAsync(LmsDbContext db, ReviewViewer viewer, int teamId, CancellationToken cancellationToken = default) =>
        await (await VisibleTeamsAsync(db, viewer, cancellationToken)).AnyAsync(t => t.Id == teamId, cancellationToken);
}
