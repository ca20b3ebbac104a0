using TrainingLms.Domain.FollowUps;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Inspections;
using TrainingLms.Web.Features.Inspections.Photos;

namespace TrainingLms.Web.Features.Inspections;

public enum RectificationAction
{
    Done = 1,
    Invalid = 2,
    Forbidden = 3,
    NotFound = 4,
    /// <summary>Someone else moved it on first (closed, verified or reopened it): nothing changed.</summary>
    Moved = 5,
}

public sealed record RectificationRow(
    int Id, int InspectionId, string ItemKey, LocalizedText? ItemTitle, string SiteName, string TeamName, string? PersonName,
    FollowUpStatus Status, DateTime DueAtUtc, bool Overdue);

public sealed record RectificationDetail(
    RectificationRow Row, string ItemNote, LocalizedText? Standard, string InspectorName, DateTime InspectedAtUtc, string? AssigneeName,
    string WhatWasDone, string? ClosedByName, DateTime? ClosedAtUtc, string? VerifiedByName, DateTime? VerifiedAtUtc, int ReopenCount,
    string ReopenReason, IReadOnlyList<int> InspectionPhotoIds, IReadOnlyList<int> ClosingPhotoIds, bool CanClose, bool CanVerify);

/// <summary>
/// Rectifications of "not OK" items: the team's class leader closes one with what was done (and a photo), the inspector
/// or the site's manager verifies or reopens it. Each is read within the viewer's scope, or by the person it concerns.
/// </summary>
public sealed class Rectifications(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock, PhotoIntake intake, PhotoStore store)
{
    public async Task<IReadOnlyList<RectificationRow>> ListAsync(InspectionViewer viewer, FollowUpStatus? status, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = await VisibleAsync(db, viewer, cancellationToken);
        if (status is { } wanted) visible = visible.Where(r => r.Status == wanted);
        var rows = await Project(db, visible.OrderBy(r => r.Status).ThenBy(r => r.DueAtUtc).Take(200)).ToListAsync(cancellationToken);
        return [.. rows.Select(r => Finish(r, clock.GetUtcNow().UtcDateTime))];
    }

    /// <summary>The open rectifications of the manager's site that are past due (the manager's home page), in one statement.</summary>
    public async Task<IReadOnlyList<RectificationRow>> OverdueAtMySiteAsync(string managerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var mySite = db.Users.Where(p => p.Id == managerId).Select(p => p.SiteId);
        var rows = await Project(db, db.Rectifications.Where(r => r.Status == FollowUpStatus.Open && r.DueAtUtc < nowUtc && mySite.Contains(r.SiteId))
            .OrderBy(r => r.DueAtUtc).Take(10)).ToListAsync(cancellationToken);
        return [.. rows.Select(r => Finish(r, nowUtc))];
    }

    public async Task<(RectificationAction Status, RectificationDetail? Detail)> GetAsync(InspectionViewer viewer, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rectification = await db.Rectifications.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rectification is null) return (RectificationAction.NotFound, null);
        if (!await (await VisibleAsync(db, viewer, cancellationToken)).AnyAsync(r => r.Id == id, cancellationToken)) return (RectificationAction.Forbidden, null);
        var row = Finish(await Project(db, db.Rectifications.Where(r => r.Id == id)).SingleAsync(cancellationToken), clock.GetUtcNow().UtcDateTime);
        var inspection = await db.Inspections.AsNoTracking().Where(i => i.Id == rectification.InspectionId)
            .Select(i => new { i.Results, i.InspectorId, i.InspectedAtUtc, i.FormRevisionId }).SingleAsync(cancellationToken);
        var items = await db.InspectionFormRevisions.AsNoTracking().Where(r => r.Id == inspection.FormRevisionId).Select(r => r.Items).SingleAsync(cancellationToken);
        var names = await NamesAsync(db, [inspection.InspectorId, rectification.AssigneeId, rectification.ClosedById, rectification.VerifiedById], cancellationToken);
        var photos = await db.InspectionPhotos.AsNoTracking()
            .Where(p => (p.InspectionId == rectification.InspectionId && p.ItemKey == rectification.ItemKey) || p.RectificationId == id)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.RectificationId }).ToListAsync(cancellationToken);
        var canClose = await CanCloseAsync(db, viewer, rectification, cancellationToken);
        var canVerify = await CanVerifyAsync(db, viewer, rectification, inspection.InspectorId, cancellationToken);
        return (RectificationAction.Done, new RectificationDetail(
            row, inspection.Results.FirstOrDefault(r => r.Key == rectification.ItemKey)?.Note ?? "",
            items.FirstOrDefault(i => i.Key == rectification.ItemKey)?.Standard, names.GetValueOrDefault(inspection.InspectorId, ""), inspection.InspectedAtUtc,
            Name(names, rectification.AssigneeId), rectification.WhatWasDone, Name(names, rectification.ClosedById), rectification.ClosedAtUtc,
            Name(names, rectification.VerifiedById), rectification.VerifiedAtUtc, rectification.ReopenCount, rectification.ReopenReason,
            [.. photos.Where(p => p.RectificationId is null).Select(p => p.Id)], [.. photos.Where(p => p.RectificationId is not null).Select(p => p.Id)],
            canClose && rectification.Status == FollowUpStatus.Open, canVerify && rectification.Status == FollowUpStatus.Closed));
    }

    /// <summary>The class leader's "done": what was done, and optionally a photo of the result.</summary>
    public async Task<Outcome<RectificationAction>> CloseAsync(InspectionViewer viewer, int id, string whatWasDone, PhotoUpload? photo, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rectification = await db.Rectifications.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rectification is null) return Outcome.Of(RectificationAction.NotFound);
        if (!await CanCloseAsync(db, viewer, rectification, cancellationToken)) return Outcome.Of(RectificationAction.Forbidden);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        switch (FollowUpMoves.Close(rectification, viewer.PersonId, whatWasDone, "Rectifications.Validation.WhatWasDone", nowUtc, out var refused))
        {
            case FollowUpMove.Moved: return Outcome.Of(RectificationAction.Moved, id);
            case FollowUpMove.Refused: return Outcome.Refused(RectificationAction.Invalid, "whatWasDone", refused!);
        }
        IntakenPhoto? taken = null;
        if (photo is not null)
        {
            await using var stream = photo.Open();
            var (intaken, refusal) = intake.Take(stream, photo.Length);
            if (refusal is { } why) return Outcome.Refused(RectificationAction.Invalid, "photo", $"Inspections.Photo.{why}");
            taken = intaken;
        }
        string? stored = null;
        if (taken is not null)
        {
            stored = await store.WriteAsync(taken.Jpeg, cancellationToken);
            db.InspectionPhotos.Add(new InspectionPhoto
            {
                RectificationId = id, ItemKey = rectification.ItemKey, StoredName = stored, ContentType = "image/jpeg",
                Width = taken.Width, Height = taken.Height, CreatedAtUtc = nowUtc,
            });
        }
        return await SaveAsync(db, rectification, FollowUpStatus.Open, stored, cancellationToken);
    }

    public Task<Outcome<RectificationAction>> VerifyAsync(InspectionViewer viewer, int id, CancellationToken cancellationToken = default) =>
        JudgeAsync(viewer, id, reopenReason: null, cancellationToken);

    public Task<Outcome<RectificationAction>> ReopenAsync(InspectionViewer viewer, int id, string reason, CancellationToken cancellationToken = default) =>
        JudgeAsync(viewer, id, reason, cancellationToken);

    private async Task<Outcome<RectificationAction>> JudgeAsync(InspectionViewer viewer, int id, string? reopenReason, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rectification = await db.Rectifications.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rectification is null) return Outcome.Of(RectificationAction.NotFound);
        var inspectorId = await db.Inspections.Where(i => i.Id == rectification.InspectionId).Select(i => i.InspectorId).SingleAsync(cancellationToken);
        if (!await CanVerifyAsync(db, viewer, rectification, inspectorId, cancellationToken)) return Outcome.Of(RectificationAction.Forbidden);
        switch (FollowUpMoves.Judge(rectification, viewer.PersonId, reopenReason, clock.GetUtcNow().UtcDateTime, out var refused))
        {
            case FollowUpMove.Moved: return Outcome.Of(RectificationAction.Moved, id);
            case FollowUpMove.Refused: return Outcome.Refused(RectificationAction.Invalid, "reason", refused!);
        }
        return await SaveAsync(db, rectification, FollowUpStatus.Closed, null, cancellationToken);
    }

    private async Task<Outcome<RectificationAction>> SaveAsync(LmsDbContext db, Rectification rectification, FollowUpStatus from, string? storedPhoto, CancellationToken cancellationToken)
    {
        if (await FollowUpMoves.SaveFromAsync(db, rectification, from, cancellationToken)) return Outcome.Of(RectificationAction.Done, rectification.Id);
        if (storedPhoto is not null) store.Delete(storedPhoto);
        return Outcome.Of(RectificationAction.Moved, rectification.Id);
    }

    private static async Task<bool> CanCloseAsync(LmsDbContext db, InspectionViewer viewer, Rectification rectification, CancellationToken cancellationToken) =>
        viewer.SeesAll || await db.Teams.AnyAsync(t => t.Id == rectification.TeamId && t.ClassLeaderId == viewer.PersonId, cancellationToken);

    private static async Task<bool> CanVerifyAsync(LmsDbContext db, InspectionViewer viewer, Rectification rectification, string inspectorId, CancellationToken cancellationToken) =>
        viewer.SeesAll || inspectorId == viewer.PersonId || await InspectionScope.ManagesSiteAsync(db, viewer, rectification.SiteId, cancellationToken);

    /// <summary>Rectifications of the viewer's teams, and those about the viewer themself.</summary>
    internal static async Task<IQueryable<Rectification>> VisibleAsync(LmsDbContext db, InspectionViewer viewer, CancellationToken cancellationToken)
    {
        if (viewer.SeesAll) return db.Rectifications;
        var teams = (await InspectionScope.TeamsAsync(db, viewer, cancellationToken)).Select(t => t.Id);
        return db.Rectifications.Where(r => teams.Contains(r.TeamId) || r.PersonId == viewer.PersonId);
    }

    private sealed record RawRow(int Id, int InspectionId, string ItemKey, List<InspectionItem>? Items, string SiteName, string TeamName, string? PersonName, FollowUpStatus Status, DateTime DueAtUtc);

    private static IQueryable<RawRow> Project(LmsDbContext db, IQueryable<Rectification> rectifications) =>
        rectifications.Select(r => new RawRow(
            r.Id, r.InspectionId, r.ItemKey,
            db.Inspections.Where(i => i.Id == r.InspectionId).Join(db.InspectionFormRevisions, i => i.FormRevisionId, f => f.Id, (i, f) => f.Items).FirstOrDefault(),
            db.Sites.Where(s => s.Id == r.SiteId).Select(s => s.Name).FirstOrDefault() ?? "",
            db.Teams.Where(t => t.Id == r.TeamId).Select(t => t.Name).FirstOrDefault() ?? "",
            db.Users.Where(p => p.Id == r.PersonId).Select(p => p.FullName).FirstOrDefault(),
            r.Status, r.DueAtUtc));

    private static RectificationRow Finish(RawRow row, DateTime nowUtc) => new(
        row.Id, row.InspectionId, row.ItemKey, row.Items?.FirstOrDefault(i => i.Key == row.ItemKey)?.Title, row.SiteName, row.TeamName, row.PersonName,
        row.Status, row.DueAtUtc, row.Status == FollowUpStatus.Open && nowUtc > row.DueAtUtc);

    private static async Task<Dictionary<string, string>> NamesAsync(LmsDbContext db, IEnumerable<string?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
    }

    private static string? Name(Dictionary<string, string> names, string? id) => id is null ? null : names.GetValueOrDefault(id);
}
