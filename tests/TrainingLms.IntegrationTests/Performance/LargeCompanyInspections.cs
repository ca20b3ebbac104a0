using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrainingLms.Domain.FollowUps;
using TrainingLms.Domain.Inspections;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Inspections;

namespace TrainingLms.IntegrationTests.Performance;

/// <summary>
/// A year of on-site inspections of every generated post that has a form for its line of work (about
/// <see cref="LargeCompanyGenerator.Inspections"/>), shaped as <see cref="InspectionFiling"/> files them: the post's
/// current form revision, every item ticked, a rectification for each "not OK" item assigned to the team's class
/// leader and due <see cref="InspectionOptions.RectificationDays"/> later; the older ones closed and most verified.
/// </summary>
internal sealed partial class LargeCompanyBuild
{
    private static readonly string[] NotOkNotes = ["巡查时发现未达标准，已当场指出。", "访客经过时未起身问好。", "工具摆放占用通道。", "未佩戴工牌。"];
    private static readonly string[] OkNotes = ["", "", "", "", "", "", "表现自然，值得表扬。"];

    public async Task InspectionsAsync(CancellationToken cancellationToken)
    {
        List<InspectionFormRevision> forms;
        Dictionary<int, string> managers;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            forms = await db.InspectionForms.AsNoTracking().Where(f => f.IsActive)
                .Select(f => db.InspectionFormRevisions.Where(r => r.FormId == f.Id).OrderByDescending(r => r.Number).First()).ToListAsync(cancellationToken);
            var managerRole = await db.Roles.Where(r => r.Name == Roles.Manager).Select(r => r.Id).SingleAsync(cancellationToken);
            managers = (await db.Users.AsNoTracking().Where(p => p.SiteId != null && db.UserRoles.Any(r => r.UserId == p.Id && r.RoleId == managerRole))
                    .OrderBy(p => p.UserName).Select(p => new { p.Id, SiteId = p.SiteId!.Value }).ToListAsync(cancellationToken))
                .GroupBy(p => p.SiteId).ToDictionary(g => g.Key, g => g.First().Id);
        }
        // As the filing allows: a post's own line's form, else one for every line; a post with neither is never inspected.
        var formFor = teams.Select(t => (Team: t, Form: forms.Where(f => f.LineOfWork == t.Team.LineOfWork).OrderBy(f => f.Id).FirstOrDefault()
                ?? forms.Where(f => f.LineOfWork is null).OrderBy(f => f.Id).FirstOrDefault()))
            .Where(t => t.Form is { Items.Count: > 0 }).ToList();
        if (formFor.Count == 0) return;
        var perTeam = LargeCompanyGenerator.Inspections / formFor.Count;
        var rectificationDays = services.GetRequiredService<IOptions<InspectionOptions>>().Value.RectificationDays;

        var inspections = new List<(Inspection Inspection, string InspectorId, string LeaderId)>();
        foreach (var (team, form) in formFor)
        {
            var staff = team.Members.Where(m => m.Id != team.LeaderId).ToList();
            for (var n = 0; n < perTeam; n++)
            {
                var day = Today.AddDays(-1 - random.Next(LargeCompanyGenerator.ReviewDays));
                var inspector = random.Next(10) switch
                {
                    < 6 when managers.TryGetValue(team.Team.SiteId, out var manager) => manager,
                    < 9 => Pick(trainers),
                    _ => team.LeaderId,
                };
                var inspection = new Inspection
                {
                    SubmissionKey = NextGuid(), FormRevisionId = form!.Id, SiteId = team.Team.SiteId, TeamId = team.Team.Id,
                    PersonId = staff.Count > 0 && random.Next(3) == 0 ? Pick(staff).Id : null, InspectorId = inspector,
                    Announced = random.Next(5) < 2, InspectedAtUtc = At(day, 8 + random.Next(11), random.Next(60), team.TimeZoneId),
                    Results = [.. form.Items.Select(item => random.Next(100) switch
                    {
                        < 10 => new ItemResult(item.Key, ItemVerdict.NotOk, Pick(NotOkNotes)),
                        < 15 => new ItemResult(item.Key, ItemVerdict.NotSeen, ""),
                        _ => new ItemResult(item.Key, ItemVerdict.Ok, Pick(OkNotes)),
                    })],
                };
                inspections.Add((inspection, inspector, team.LeaderId));
            }
        }
        await InsertAsync(inspections.Select(i => i.Inspection), cancellationToken);

        Dictionary<Guid, int> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            ids = await db.Inspections.AsNoTracking().ToDictionaryAsync(i => i.SubmissionKey, i => i.Id, cancellationToken);
        var now = Today.ToDateTime(TimeOnly.MinValue);
        var rectifications = new List<Rectification>();
        foreach (var (inspection, inspectorId, leaderId) in inspections)
            foreach (var result in inspection.Results.Where(r => r.Verdict == ItemVerdict.NotOk))
            {
                var rectification = new Rectification
                {
                    InspectionId = ids[inspection.SubmissionKey], ItemKey = result.Key, SiteId = inspection.SiteId, TeamId = inspection.TeamId,
                    PersonId = inspection.PersonId, AssigneeId = leaderId, OpenedAtUtc = inspection.InspectedAtUtc,
                    DueAtUtc = inspection.InspectedAtUtc.AddDays(rectificationDays),
                };
                // The last fortnight's mostly still open (the last days' all); older ones closed by the leader, most verified, a few forgotten (overdue).
                var recent = inspection.InspectedAtUtc > now.AddDays(-14);
                var fate = random.Next(20);
                if (inspection.InspectedAtUtc < now.AddDays(-5) && !(recent ? fate < 12 : fate == 0))
                {
                    rectification.Status = !recent && fate < 17 || recent && fate < 15 ? FollowUpStatus.Verified : FollowUpStatus.Closed;
                    rectification.WhatWasDone = "班前会上重新讲解标准并现场演练，已复查。";
                    rectification.ClosedById = leaderId;
                    rectification.ClosedAtUtc = inspection.InspectedAtUtc.AddHours(6 + random.Next(60));
                    if (rectification.Status == FollowUpStatus.Verified)
                    {
                        rectification.VerifiedById = inspectorId;
                        rectification.VerifiedAtUtc = rectification.ClosedAtUtc.Value.AddHours(2 + random.Next(48));
                    }
                }
                rectifications.Add(rectification);
            }
        await InsertAsync(rectifications, cancellationToken);
    }
}
