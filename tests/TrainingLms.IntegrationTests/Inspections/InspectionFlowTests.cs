using TrainingLms.Domain.FollowUps;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain.Inspections;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using static TrainingLms.IntegrationTests.Inspections.InspectionForms;

namespace TrainingLms.IntegrationTests.Inspections;

/// <summary>An inspection filed from the phone form, the rectifications it opens, and their close, verify and reopen, over HTTP.</summary>
public class InspectionFlowTests : IAsyncLifetime
{
    private readonly InspectionsFactory factory = new();
    private int siteId;

    public async ValueTask InitializeAsync() => siteId = await factory.CreateSiteAsync("S1");

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Inspect_TwoNotOk_TwoRectifications_LeaderCloses_ManagerVerifiesOneAndReopensTheOther()
    {
        var post = await factory.CreatePostAsync(siteId, "秩序一班", LineOfWork.Security, "L100", "E101");
        await factory.CreateManagerAsync("M100", siteId);
        var manager = await factory.SignedInAsync("M100");
        var form = await OpenAsync(manager, post.TeamId, post.MemberIds[0]);
        Assert.Contains("salute", form.ItemKeys);
        Assert.Contains("visitor-registration", form.ItemKeys);

        var sent = await SendAsync(manager, form, Verdicts(form, "greet", "salute"), new Photo("greet", "IMG_0001.JPG", TestPhotos.JpegWithGps(1200, 900)));

        var inspectionId = InspectionId(sent);
        var page = await manager.GetStringAsync(sent.RedirectPath());
        Assert.Contains("检查已保存，2 个不合格项已生成整改单", page);
        var rectifications = await factory.WithDbAsync(db => db.Rectifications.AsNoTracking().Where(r => r.InspectionId == inspectionId).OrderBy(r => r.ItemKey).ToListAsync());
        Assert.Equal(["greet", "salute"], rectifications.Select(r => r.ItemKey));
        Assert.All(rectifications, r => Assert.Equal((post.LeaderId, post.MemberIds[0], FollowUpStatus.Open), (r.AssigneeId, r.PersonId, r.Status)));
        Assert.All(rectifications, r => Assert.Equal(factory.Clock.UtcNow.AddDays(3), r.DueAtUtc, TimeSpan.FromSeconds(1)));
        var (greet, salute) = (rectifications[0].Id, rectifications[1].Id);

        // The person inspected and the class leader see what waits for them on their home pages.
        var member = await factory.SignedInAsync("E101");
        Assert.Contains("有 2 项整改等你处理", await member.GetStringAsync("/"));
        var leader = await factory.SignedInAsync("L100");
        Assert.Contains("有 2 项整改等你处理", await leader.GetStringAsync("/"));

        // The leader closes both, one with a photo of the result.
        var closed = await RectificationAsync(leader, greet, "close", [("whatWasDone", "班前会重新演练主动问好")], new Photo("", "after.png", TestPhotos.Png(640, 480), "image/png"));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RectificationAsync(leader, salute, "close", [("whatWasDone", "已讲解敬礼规定")])).StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.InspectionPhotos.CountAsync(p => p.RectificationId == greet)));

        // The manager verifies one and reopens the other, which is open again with the same time to put it right.
        Assert.Equal(HttpStatusCode.Redirect, (await RectificationAsync(manager, greet, "verify", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RectificationAsync(manager, salute, "reopen", [("reason", "仍向业主鞠躬")])).StatusCode);

        var after = await factory.WithDbAsync(db => db.Rectifications.AsNoTracking().Where(r => r.InspectionId == inspectionId).OrderBy(r => r.ItemKey).ToListAsync());
        Assert.Equal(FollowUpStatus.Verified, after[0].Status);
        Assert.Equal(FollowUpStatus.Open, after[1].Status);
        Assert.Equal((1, "仍向业主鞠躬"), (after[1].ReopenCount, after[1].ReopenReason));
        Assert.Contains("已退回 1 次", await leader.GetStringAsync($"/rectifications/{salute}"));
        Assert.Contains("有 1 项整改等你处理", await member.GetStringAsync("/"));

        // A verified rectification cannot be verified or reopened again: a second tap changes nothing.
        var again = await RectificationAsync(manager, greet, "reopen", [("reason", "再看看")]);
        Assert.Contains("其他人刚刚处理了此整改单", await again.Content.ReadAsStringAsync());
        Assert.Equal(FollowUpStatus.Verified, await factory.WithDbAsync(db => db.Rectifications.Where(r => r.Id == greet).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Rectification_Overdue_ShowsOnTheManagersHomePage()
    {
        var post = await factory.CreatePostAsync(siteId, "保洁一班", LineOfWork.Cleaning, "L200", "E201");
        await factory.CreateManagerAsync("M200", siteId);
        var manager = await factory.SignedInAsync("M200");
        var form = await OpenAsync(manager, post.TeamId);
        InspectionId(await SendAsync(manager, form, Verdicts(form, "equipment")));
        Assert.DoesNotContain("本项目逾期未整改", await manager.GetStringAsync("/"));

        factory.Clock.UtcNow = factory.Clock.UtcNow.AddDays(4);

        var home = await manager.GetStringAsync("/");
        Assert.Contains("本项目逾期未整改", home);
        Assert.Contains("工具摆放", home);
    }

    [Fact]
    public async Task File_TwentyConcurrentIdenticalSubmissions_OneInspection()
    {
        var post = await factory.CreatePostAsync(siteId, "客服一班", LineOfWork.CustomerService, "L300", "E301");
        var leader = await factory.SignedInAsync("L300");
        var form = await OpenAsync(leader, post.TeamId);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            SendAsync(leader, form, Verdicts(form, "three-sounds"), new Photo("three-sounds", "a.jpg", TestPhotos.Jpeg(800, 600)))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var id = Assert.Single(responses.Select(InspectionId).Distinct());
        Assert.Equal(id, Assert.Single(await factory.WithDbAsync(db => db.Inspections.AsNoTracking().ToListAsync())).Id);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Rectifications.CountAsync()));
        // The losers' photos were not kept: one row, one file.
        Assert.Equal(1, await factory.WithDbAsync(db => db.InspectionPhotos.CountAsync()));
        Assert.Single(Directory.GetFiles(Path.Combine(factory.DataPath, "inspection-photos")));
    }
}
