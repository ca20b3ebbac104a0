using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Inspections;
using TrainingLms.Web.Features.Inspections.Photos;

namespace TrainingLms.Web.Features.Inspections;

public sealed record InspectionRow(int Id, DateTime InspectedAtUtc, string SiteName, string TeamName, string? PersonName, LocalizedText FormTitle, bool Announced, int NotOk);

public sealed record InspectedItem(InspectionItem Item, ItemResult? Result, IReadOnlyList<int> PhotoIds, int? RectificationId);

public sealed record InspectionDetail(InspectionRow Row, string InspectorName, IReadOnlyList<InspectedItem> Items);

/// <summary>Inspections as the inspectors read them, within their scope; and the photo files, for those allowed to see them.</summary>
public sealed class InspectionQueries(IDbContextFactory<LmsDbContext> dbFactory, PhotoStore store)
{
    public async Task<IReadOnlyList<InspectionRow>> RecentAsync(InspectionViewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = (await InspectionScope.TeamsAsync(db, viewer, cancellationToken)).Select(t => t.Id);
        return await Project(db, db.Inspections.Where(i => teams.Contains(i.TeamId) || i.InspectorId == viewer.PersonId)
            .OrderByDescending(i => i.InspectedAtUtc).ThenByDescending(i => i.Id).Take(50)).ToListAsync(cancellationToken);
    }

    public async Task<(bool Found, bool Allowed, InspectionDetail? Detail)> GetAsync(InspectionViewer viewer, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var inspection = await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (inspection is null) return (false, false, null);
        if (!await CanReadAsync(db, viewer, inspection.TeamId, inspection.InspectorId, cancellationToken)) return (true, false, null);
        var row = await Project(db, db.Inspections.Where(i => i.Id == id)).SingleAsync(cancellationToken);
        var items = await db.InspectionFormRevisions.AsNoTracking().Where(r => r.Id == inspection.FormRevisionId).Select(r => r.Items).SingleAsync(cancellationToken);
        var photos = await db.InspectionPhotos.AsNoTracking().Where(p => p.InspectionId == id).OrderBy(p => p.Id).Select(p => new { p.Id, p.ItemKey }).ToListAsync(cancellationToken);
        var rectifications = await db.Rectifications.AsNoTracking().Where(r => r.InspectionId == id).Select(r => new { r.Id, r.ItemKey }).ToListAsync(cancellationToken);
        var inspector = await db.Users.Where(p => p.Id == inspection.InspectorId).Select(p => p.FullName).SingleOrDefaultAsync(cancellationToken) ?? "";
        return (true, true, new InspectionDetail(row, inspector, [.. items.Select(item => new InspectedItem(
            item, inspection.Results.FirstOrDefault(r => r.Key == item.Key),
            [.. photos.Where(p => p.ItemKey == item.Key).Select(p => p.Id)],
            rectifications.FirstOrDefault(r => r.ItemKey == item.Key)?.Id))]));
    }

    /// <summary>The file of a photo the viewer may see: of an inspection in their scope, or of a rectification they may read.</summary>
    public async Task<string?> PhotoFileAsync(InspectionViewer viewer, int photoId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var photo = await db.InspectionPhotos.AsNoTracking().SingleOrDefaultAsync(p => p.Id == photoId, cancellationToken);
        if (photo is null) return null;
        var inspectionId = photo.InspectionId
            ?? await db.Rectifications.Where(r => r.Id == photo.RectificationId).Select(r => (int?)r.InspectionId).SingleOrDefaultAsync(cancellationToken);
        var inspection = await db.Inspections.AsNoTracking().Where(i => i.Id == inspectionId).Select(i => new { i.TeamId, i.InspectorId }).SingleOrDefaultAsync(cancellationToken);
        if (inspection is null) return null;
        var allowed = await CanReadAsync(db, viewer, inspection.TeamId, inspection.InspectorId, cancellationToken)
            || await (await Rectifications.VisibleAsync(db, viewer, cancellationToken)).AnyAsync(r => r.InspectionId == inspectionId && r.ItemKey == photo.ItemKey, cancellationToken);
        return allowed ? store.PathOf(photo.StoredName) : null;
    }

    private static async Task<bool> CanReadAsync(LmsDbContext db, InspectionViewer viewer, int teamId, string inspectorId, CancellationToken cancellationToken) =>
        inspectorId == viewer.PersonId || await (await InspectionScope.TeamsAsync(db, viewer, cancellationToken)).AnyAsync(t => t.Id == teamId, cancellationToken);

    private static IQueryable<InspectionRow> Project(LmsDbContext db, IQueryable<Inspection> inspections) =>
        inspections.Select(i => new InspectionRow(
            i.Id, i.InspectedAtUtc,
            db.Sites.Where(s => s.Id == i.SiteId).Select(s => s.Name).FirstOrDefault() ?? "",
            db.Teams.Where(t => t.Id == i.TeamId).Select(t => t.Name).FirstOrDefault() ?? "",
            db.Users.Where(p => p.Id == i.PersonId).Select(p => p.FullName).FirstOrDefault(),
            db.InspectionFormRevisions.Where(f => f.Id == i.FormRevisionId).Select(f => f.Title).First(),
            i.Announced,
            db.Rectifications.Count(r => r.InspectionId == i.Id)));
}
