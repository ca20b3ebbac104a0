using System.Linq.Expressions;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Account;

namespace TrainingLms.Web.Features.Clips;

/// <summary>Who is asking for a clip: trainers and administrators curate the library; managers oversee one site.</summary>
public sealed record ClipViewer(string PersonId, bool CuratesLibrary, bool IsManager, int? SiteId)
{
    /// <summary>The signed-in person, from the roles in their sign-in cookie.</summary>
    public static Task<ClipViewer> ForAsync(LmsDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        CreateAsync(db, user.PersonId(), user.IsInRole, cancellationToken);

    /// <summary>A person by id, from their roles in the database (for services that are given only the id).</summary>
    public static async Task<ClipViewer> ForPersonAsync(LmsDbContext db, string personId, CancellationToken cancellationToken = default)
    {
        var roles = await db.UserRoles.Where(r => r.UserId == personId)
            .Join(db.Roles, link => link.RoleId, role => role.Id, (_, role) => role.Name!).ToListAsync(cancellationToken);
        return await CreateAsync(db, personId, roles.Contains, cancellationToken);
    }

    private static async Task<ClipViewer> CreateAsync(LmsDbContext db, string personId, Func<string, bool> hasRole, CancellationToken cancellationToken)
    {
        var isManager = hasRole(Roles.Manager);
        var siteId = isManager ? await db.Users.Where(p => p.Id == personId).Select(p => p.SiteId).SingleOrDefaultAsync(cancellationToken) : null;
        return new ClipViewer(personId, hasRole(Roles.Trainer) || hasRole(Roles.Admin), isManager, siteId);
    }
}

/// <summary>
/// The one rule of who sees a clip, used by the library, the lesson player and the byte endpoints alike.
/// Trainers and administrators see every clip. Everyone else sees finished clips only: any clip they are featured in,
/// unless someone else in it said no; and, once everyone featured in it has agreed to be shown (<see cref="FilmingConsents"/>), training DV and
/// benchmark stories always, Smile Discovery recordings and benchmark-company footage once published, or before that
/// as a manager of the site they were filmed at.
/// </summary>
public static class ClipAccess
{
    public static Expression<Func<Clip, bool>> VisibleTo(ClipViewer viewer)
    {
        if (viewer.CuratesLibrary) return _ => true;
        var personId = viewer.PersonId;
        var managedSite = viewer.IsManager ? viewer.SiteId : null;
        var isManager = viewer.IsManager;
        return clip => clip.Status == ClipStatus.Ready
            && ((clip.FeaturedPeople.Any(f => f.PersonId == personId)
                    && clip.FeaturedPeople.All(f => f.PersonId == personId || f.Consent != FilmingConsent.Withdrawn))
                || (clip.FeaturedPeople.All(f => f.Consent == FilmingConsent.Given)
                    && ((clip.Kind != ClipKind.SmileDiscovery && clip.Kind != ClipKind.BenchmarkCompanyFootage)
                        || clip.IsPublished
                        || (isManager && (clip.SiteId == null || clip.SiteId == managedSite)))));
    }

    public enum Verdict
    {
        Allowed = 1,
        NotFound = 2,
        Forbidden = 3,
    }

    public static async Task<Verdict> CheckAsync(LmsDbContext db, ClipViewer viewer, int clipId, CancellationToken cancellationToken = default)
    {
        if (!await db.Clips.AnyAsync(c => c.Id == clipId, cancellationToken)) return Verdict.NotFound;
        return await db.Clips.Where(c => c.Id == clipId).AnyAsync(VisibleTo(viewer), cancellationToken) ? Verdict.Allowed : Verdict.Forbidden;
    }
}
