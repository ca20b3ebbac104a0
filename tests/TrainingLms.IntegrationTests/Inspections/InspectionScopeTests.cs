using TrainingLms.Domain.FollowUps;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain.Inspections;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using static TrainingLms.IntegrationTests.Inspections.InspectionForms;

namespace TrainingLms.IntegrationTests.Inspections;

/// <summary>
/// Who may inspect which post and follow which rectification, on every page and endpoint: employees never inspect;
/// class leaders reach their own teams, managers their own site, trainers and administrators everything.
/// </summary>
public class InspectionScopeTests : IAsyncLifetime
{
    private readonly InspectionsFactory factory = new();
    private PostSetUp north = default!;
    private PostSetUp northCleaning = default!;
    private PostSetUp south = default!;
    private int rectificationId;
    private int inspectionId;
    private int photoId;

    /// <summary>Two sites; the north site's security post was inspected by its manager, with one item not OK and a photo.</summary>
    public async ValueTask InitializeAsync()
    {
        var northSite = await factory.CreateSiteAsync("N");
        var southSite = await factory.CreateSiteAsync("S");
        north = await factory.CreatePostAsync(northSite, "北区秩序班", LineOfWork.Security, "LN1", "EN1", "EN2");
        northCleaning = await factory.CreatePostAsync(northSite, "北区保洁班", LineOfWork.Cleaning, "LN2", "EN3");
        south = await factory.CreatePostAsync(southSite, "南区秩序班", LineOfWork.Security, "LS1", "ES1");
        await factory.CreateManagerAsync("MN", northSite);
        await factory.CreateManagerAsync("MS", southSite);
        await factory.CreatePersonAsync("T1", [Roles.Trainer]);
        var manager = await factory.SignedInAsync("MN");
        var form = await OpenAsync(manager, north.TeamId, north.MemberIds[0]);
        inspectionId = InspectionId(await SendAsync(manager, form, Verdicts(form, "posture"), new Photo("posture", "p.jpg", TestPhotos.Jpeg(400, 300))));
        rectificationId = await factory.WithDbAsync(db => db.Rectifications.Where(r => r.InspectionId == inspectionId).Select(r => r.Id).SingleAsync());
        photoId = await factory.WithDbAsync(db => db.InspectionPhotos.Select(p => p.Id).SingleAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Employee_CannotInspect_PagesRefused_PostRefused_NothingSaved()
    {
        var employee = await factory.SignedInAsync("EN2");

        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/inspections")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/inspections/new?team={north.TeamId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/inspections/{inspectionId}")).StatusCode);
        var leaderForm = await OpenAsync(await factory.SignedInAsync("LN1"), north.TeamId);
        var token = Token(await employee.GetStringAsync("/account/password"));
        var post = await PostAsync(employee, $"/inspections/new?team={north.TeamId}", "inspection", token, Verdicts(leaderForm with { SubmissionKey = Guid.NewGuid().ToString() }));
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        Assert.True((int)post.StatusCode < 500);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Inspections.CountAsync()));
        // The person concerned is not the one who closes it.
        var close = await RectificationAsync(await factory.SignedInAsync("EN1"), rectificationId, "close", [("whatWasDone", "我自己关了")]);
        Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
        Assert.Equal(FollowUpStatus.Open, await StatusAsync());
    }

    [Fact]
    public async Task ClassLeader_InspectsOwnTeamOnly_SeesOnlyOwnTeamsRectifications()
    {
        var otherLeader = await factory.SignedInAsync("LN2");

        Assert.Equal(HttpStatusCode.Forbidden, (await otherLeader.GetAsync($"/inspections/new?team={north.TeamId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherLeader.GetAsync($"/inspections/new?team={northCleaning.TeamId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherLeader.GetAsync($"/rectifications/{rectificationId}")).StatusCode);
        Assert.DoesNotContain($"/rectifications/{rectificationId}\"", await otherLeader.GetStringAsync("/rectifications"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherLeader.GetAsync($"/inspections/photos/{photoId}")).StatusCode);
        var close = await RectificationAsync(otherLeader, rectificationId, "close", [("whatWasDone", "不是我的班")]);
        Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);

        var leader = await factory.SignedInAsync("LN1");
        Assert.Contains($"/rectifications/{rectificationId}\"", await leader.GetStringAsync("/rectifications"));
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/inspections/photos/{photoId}")).StatusCode);
        // A class leader closes but does not verify their own team's rectification.
        Assert.Equal(HttpStatusCode.Redirect, (await RectificationAsync(leader, rectificationId, "close", [("whatWasDone", "已纠正站姿")])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await RectificationAsync(leader, rectificationId, "verify", [])).StatusCode);
        Assert.Equal(FollowUpStatus.Closed, await StatusAsync());
    }

    [Fact]
    public async Task Manager_OwnSiteOnly_OtherSitesManagerSeesNothing_CannotVerify()
    {
        var southManager = await factory.SignedInAsync("MS");

        Assert.Equal(HttpStatusCode.Forbidden, (await southManager.GetAsync($"/inspections/new?team={north.TeamId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await southManager.GetAsync($"/inspections/new?team={south.TeamId}")).StatusCode);
        Assert.DoesNotContain("项目N", await southManager.GetStringAsync("/inspections/new"));
        Assert.DoesNotContain($"/rectifications/{rectificationId}\"", await southManager.GetStringAsync("/rectifications"));
        Assert.Equal(HttpStatusCode.Forbidden, (await southManager.GetAsync($"/rectifications/{rectificationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await southManager.GetAsync($"/inspections/{inspectionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await southManager.GetAsync($"/inspections/photos/{photoId}")).StatusCode);

        await RectificationAsync(await factory.SignedInAsync("LN1"), rectificationId, "close", [("whatWasDone", "已纠正")]);
        Assert.Equal(HttpStatusCode.Forbidden, (await RectificationAsync(southManager, rectificationId, "verify", [])).StatusCode);
        Assert.Equal(FollowUpStatus.Closed, await StatusAsync());
        // A manager who inspected nothing verifies their own site's rectification.
        Assert.Equal(HttpStatusCode.Redirect, (await RectificationAsync(await factory.SignedInAsync("MN"), rectificationId, "verify", [])).StatusCode);
        Assert.Equal(FollowUpStatus.Verified, await StatusAsync());
    }

    [Fact]
    public async Task Trainer_InspectsAnySite_SeesEveryRectification_PersonConcernedSeesOwn()
    {
        var trainer = await factory.SignedInAsync("T1");
        var sites = await trainer.GetStringAsync("/inspections/new");
        Assert.Contains("项目N", sites);
        Assert.Contains("项目S", sites);
        Assert.Contains($"/rectifications/{rectificationId}\"", await trainer.GetStringAsync("/rectifications"));

        var concerned = await factory.SignedInAsync("EN1");
        Assert.Contains($"/rectifications/{rectificationId}\"", await concerned.GetStringAsync("/rectifications"));
        Assert.Equal(HttpStatusCode.OK, (await concerned.GetAsync($"/rectifications/{rectificationId}")).StatusCode);
        var colleague = await factory.SignedInAsync("EN2");
        Assert.DoesNotContain($"/rectifications/{rectificationId}\"", await colleague.GetStringAsync("/rectifications"));
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.GetAsync($"/rectifications/{rectificationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/inspections/photos/{photoId}")).StatusCode);
    }

    [Fact]
    public async Task PersonSearch_FindsByNameOrNumber_WithinScopeOnly()
    {
        var manager = await factory.SignedInAsync("MN");
        var siteId = north.SiteId;

        Assert.Contains("EN1", await manager.GetStringAsync($"/inspections/new?site={siteId}&q=EN1"));
        Assert.DoesNotContain("person=", await manager.GetStringAsync($"/inspections/new?site={south.SiteId}&q=ES1"));
        Assert.Contains("person=", await (await factory.SignedInAsync("MS")).GetStringAsync($"/inspections/new?site={south.SiteId}&q=ES1"));
        // A person of another team is refused on the form, whatever the address says.
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/inspections/new?team={north.TeamId}&person={Uri.EscapeDataString(northCleaning.MemberIds[0])}")).StatusCode);
    }

    private Task<FollowUpStatus> StatusAsync() =>
        factory.WithDbAsync(db => db.Rectifications.Where(r => r.Id == rectificationId).Select(r => r.Status).SingleAsync());
}
