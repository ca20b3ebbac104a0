using TrainingLms.Domain.FollowUps;
using SkiaSharp;
using TrainingLms.Domain.Inspections;
using TrainingLms.Web.Features.Inspections.Photos;

namespace TrainingLms.Web.Features.Demo;

/// <summary>
/// A few inspections at the demo manager's site, one per post, with rectifications in every state — one overdue, one
/// waiting for verification, one verified, one just opened — and a photo, so the lists, the home pages and the photo
/// endpoint show something. Runs once.
/// </summary>
public sealed class DemoInspectionSeeder(IDbContextFactory<LmsDbContext> dbFactory, PhotoStore photos, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Inspections.AnyAsync(cancellationToken)) return;
        var managerNumber = DemoSeeder.Accounts.Single(a => a.Role == Domain.Organisation.Roles.Manager).EmployeeNumber;
        if (await db.Users.Where(p => p.UserName == managerNumber).Select(p => new { p.Id, p.SiteId }).SingleOrDefaultAsync(cancellationToken) is not { SiteId: { } siteId } manager)
            return;
        var teams = await db.Teams.AsNoTracking().Where(t => t.SiteId == siteId && t.IsActive && t.ClassLeaderId != null).OrderBy(t => t.Id).Take(3)
            .Select(t => new { t.Id, t.ClassLeaderId, t.LineOfWork }).ToListAsync(cancellationToken);
        var forms = await db.InspectionForms.AsNoTracking().Where(f => f.IsActive)
            .Select(f => db.InspectionFormRevisions.Where(r => r.FormId == f.Id).OrderByDescending(r => r.Number).First()).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (team, t) in teams.Select((team, t) => (team, t)))
        {
            var form = forms.FirstOrDefault(f => f.LineOfWork == team.LineOfWork) ?? forms.FirstOrDefault(f => f.LineOfWork is null);
            if (form is null || form.Items.Count < 3) continue;
            var person = await db.Users.AsNoTracking().Where(p => p.TeamId == team.Id && p.IsActive && p.Id != team.ClassLeaderId)
                .OrderBy(p => p.UserName).Select(p => p.Id).FirstOrDefaultAsync(cancellationToken);
            var inspectedAt = now.AddDays(-(6 - t * 2)).AddHours(-2);
            // Two items not OK (the third and the last), one not seen, the rest OK.
            var notOk = new[] { form.Items[2].Key, form.Items[^1].Key };
            var inspection = new Inspection
            {
                SubmissionKey = Guid.NewGuid(), FormRevisionId = form.Id, SiteId = siteId, TeamId = team.Id, PersonId = t == 0 ? person : null,
                InspectorId = manager.Id, Announced = t == 1, InspectedAtUtc = inspectedAt,
                Results = [.. form.Items.Select((item, i) => new ItemResult(item.Key,
                    notOk.Contains(item.Key) ? ItemVerdict.NotOk : i == 1 ? ItemVerdict.NotSeen : ItemVerdict.Ok,
                    notOk.Contains(item.Key) ? "巡查时发现未达标准，已当场指出。" : ""))],
            };
            db.Inspections.Add(inspection);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (key, k) in notOk.Select((key, k) => (key, k)))
            {
                var rectification = new Rectification
                {
                    InspectionId = inspection.Id, ItemKey = key, SiteId = siteId, TeamId = team.Id, PersonId = inspection.PersonId,
                    AssigneeId = team.ClassLeaderId, OpenedAtUtc = inspectedAt, DueAtUtc = inspectedAt.AddDays(3),
                };
                // The oldest post's first is overdue; its second and the next post's are done and verified or waiting; the newest are open.
                if ((t, k) is (0, 1) or (1, 0) or (1, 1))
                {
                    rectification.Status = (t, k) == (1, 1) ? FollowUpStatus.Closed : FollowUpStatus.Verified;
                    rectification.WhatWasDone = "班前会上重新讲解标准并现场演练，已复查。";
                    rectification.ClosedById = team.ClassLeaderId;
                    rectification.ClosedAtUtc = inspectedAt.AddDays(1);
                    if (rectification.Status == FollowUpStatus.Verified)
                    {
                        rectification.VerifiedById = manager.Id;
                        rectification.VerifiedAtUtc = inspectedAt.AddDays(2);
                    }
                }
                db.Rectifications.Add(rectification);
            }
            if (t == 0)
                db.InspectionPhotos.Add(new InspectionPhoto
                {
                    InspectionId = inspection.Id, ItemKey = notOk[0], StoredName = await photos.WriteAsync(SamplePhoto(), cancellationToken),
                    ContentType = "image/jpeg", Width = 640, Height = 480, CreatedAtUtc = inspectedAt,
                });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>A plain picture standing in for a phone photo.</summary>
    private static byte[] SamplePhoto()
    {
        using var surface = SKSurface.Create(new SKImageInfo(640, 480));
        surface.Canvas.Clear(new SKColor(0xD8, 0xE4, 0xEC));
        using var paint = new SKPaint { Color = new SKColor(0x5B, 0x7F, 0x95) };
        surface.Canvas.DrawRect(new SKRect(60, 300, 580, 420), paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 80);
        return data.ToArray();
    }
}
