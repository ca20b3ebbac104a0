using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Account;

namespace TrainingLms.Web.Features.Drills;

/// <summary>Who is asking, as far as drills go. Only trainers score and sign; administrators organise and countersign.</summary>
public sealed record DrillViewer(string PersonId, bool IsAdmin, bool IsTrainer, bool IsManager)
{
    public static DrillViewer From(ClaimsPrincipal user) =>
        new(user.PersonId(), user.IsInRole(Roles.Admin), user.IsInRole(Roles.Trainer), user.IsInRole(Roles.Manager));

    /// <summary>May countersign an annulment (if someone else asked for it).</summary>
    public bool MayCountersign => IsTrainer || IsAdmin;
}

/// <summary>The scope checks of the drill and clearance services, whatever the menu shows.</summary>
public static class DrillScope
{
    /// <summary>The sites whose clearance board the viewer sees: every site for administrators, their own for managers.</summary>
    public static async Task<IQueryable<Site>> BoardSitesAsync(LmsDbContext db, DrillViewer viewer, CancellationToken cancellationToken = default)
    {
        if (viewer.IsAdmin) return db.Sites;
        var siteId = viewer.IsManager ? await ManagedSiteAsync(db, viewer, cancellationToken) : null;
        return db.Sites.Where(s => siteId != null && s.Id == siteId);
    }

    /// <summary>A person's results and clearance: themselves, trainers, administrators, and the manager of their site.</summary>
    public static async Task<bool> CanViewPersonAsync(LmsDbContext db, DrillViewer viewer, string personId, CancellationToken cancellationToken = default)
    {
        if (viewer.PersonId == personId || viewer.IsAdmin || viewer.IsTrainer) return true;
        if (!viewer.IsManager || await ManagedSiteAsync(db, viewer, cancellationToken) is not { } siteId) return false;
        return await db.Users.AnyAsync(p => p.Id == personId && p.SiteId == siteId, cancellationToken);
    }

    private static Task<int?> ManagedSiteAsync(LmsDbContext db, DrillViewer viewer, CancellationToken cancellationToken) =>
        db.Users.Where(p => p.Id == viewer.PersonId).Select(p => p.SiteId).SingleOrDefaultAsync(cancellationToken);
}
