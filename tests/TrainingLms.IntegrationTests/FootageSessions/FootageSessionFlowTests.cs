using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.FollowUps;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using static TrainingLms.IntegrationTests.FootageSessions.FootageForms;

namespace TrainingLms.IntegrationTests.FootageSessions;

/// <summary>
/// A manager records a footage session from the phone form; the owners of its corrections see them at home, say they
/// are done; the recorder verifies one and reopens the other; overdue ones show on the manager's home. One app for the
/// collection: each test has its own site and team.
/// </summary>
[Collection(FootageCollection.Name)]
public class FootageSessionFlowTests(FootageSetUp setUp)
{
    private readonly FootageFactory factory = setUp.Factory;

    [Fact]
    public async Task Session_TwoCorrections_OwnersCloseThem_RecorderVerifiesOneAndReopensTheOther()
    {
        var siteId = await factory.CreateSiteAsync("F1");
        var post = await factory.CreatePostAsync(siteId, "秩序一班", LineOfWork.Security, "FL1", "FE1", "FE2");
        await factory.CreateManagerAsync("FM1", siteId);
        var clipId = await factory.InsertClipAsync("f1", ClipKind.BenchmarkCompanyFootage, 95, published: true);
        var manager = await factory.SignedInAsync("FM1");

        var form = await OpenAsync(manager, $"/footage-sessions/new?team={post.TeamId}&clip={clipId}");
        Assert.Contains($"<option value=\"{clipId}\" selected", form.Html);
        var due = factory.Today.AddDays(3);
        var sent = await RecordAsync(manager, form, Session(form.SubmissionKey, post.TeamId, factory.Today, clipId, post.MemberIds,
            Fault(0, "00:15", post.MemberIds[0], due), Fault(1, "01:35", post.LeaderId, due, "门岗未主动问好", "不清楚问好时机"),
            [("fault2.moment", ""), ("fault2.description", ""), ("fault2.causes", ""), ("fault2.correction", ""), ("fault2.owner", ""), ("fault2.dueOn", Day(due))]));

        var sessionId = SessionId(sent);
        Assert.Contains("学习记录已保存，2 项纠正措施待跟进", await manager.GetStringAsync(sent.RedirectPath()));
        var faults = await factory.WithDbAsync(db => db.FootageFaults.AsNoTracking().Where(f => f.SessionId == sessionId).OrderBy(f => f.Order).ToListAsync());
        Assert.Equal([(15, post.MemberIds[0]), (95, post.LeaderId)], faults.Select(f => (f.MomentSeconds, f.OwnerId)));
        Assert.All(faults, f => Assert.Equal((FollowUpStatus.Open, post.TeamId, siteId), (f.Status, f.TeamId, f.SiteId)));
        Assert.Equal(2, await factory.WithDbAsync(db => db.FootageAttendees.CountAsync(a => a.SessionId == sessionId)));
        var (first, second) = (faults[0].Id, faults[1].Id);

        // Each owner sees the correction waiting at home, and on the list.
        var member = await factory.SignedInAsync("FE1");
        var leader = await factory.SignedInAsync("FL1");
        Assert.Contains("有 1 项对标学习纠正措施等你落实", await member.GetStringAsync("/"));
        Assert.Contains("有 1 项对标学习纠正措施等你落实", await leader.GetStringAsync("/"));
        Assert.Contains($"/footage-sessions/{sessionId}/actions/{first}", await member.GetStringAsync("/footage-sessions"));

        // A half-filled "done" is refused with a message and changes nothing.
        var empty = await ActAsync(member, sessionId, first, "close", ("whatWasDone", "  "));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("请填写整改措施", await empty.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(member, sessionId, first, "close", ("whatWasDone", "已在班前会演练三次"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(leader, sessionId, second, "close", ("whatWasDone", "已讲解问好时机"))).StatusCode);
        Assert.DoesNotContain("对标学习纠正措施等你落实", await member.GetStringAsync("/"));

        // The recorder verifies one and reopens the other, which is open again with the same time to put it right.
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(manager, sessionId, first, "verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(manager, sessionId, second, "reopen", ("reason", "复查仍未主动问好"))).StatusCode);
        var after = await factory.WithDbAsync(db => db.FootageFaults.AsNoTracking().Where(f => f.SessionId == sessionId).OrderBy(f => f.Order).ToListAsync());
        Assert.Equal([FollowUpStatus.Verified, FollowUpStatus.Open], after.Select(f => f.Status));
        Assert.Equal((1, "复查仍未主动问好"), (after[1].ReopenCount, after[1].ReopenReason));
        Assert.Contains("有 1 项对标学习纠正措施等你落实", await leader.GetStringAsync("/"));
        Assert.Contains("已退回 1 次", await leader.GetStringAsync($"/footage-sessions/{sessionId}"));

        // A second tap on a verified correction changes nothing.
        var again = await ActAsync(manager, sessionId, first, "reopen", ("reason", "再看看"));
        Assert.Contains("其他人刚刚处理了此纠正措施", await again.Content.ReadAsStringAsync());
        Assert.Equal(FollowUpStatus.Verified, await factory.WithDbAsync(db => db.FootageFaults.Where(f => f.Id == first).Select(f => f.Status).SingleAsync()));
        Assert.Empty(setUp.UnexpectedErrors);
    }

    [Fact]
    public async Task Correction_PastItsDueDay_OverdueForTheOwnerAndOnTheManagersHome()
    {
        var siteId = await factory.CreateSiteAsync("F2");
        var post = await factory.CreatePostAsync(siteId, "客服班", LineOfWork.CustomerService, "FL2", "FE3");
        await factory.CreateManagerAsync("FM2", siteId);
        var clipId = await factory.InsertClipAsync("f2", ClipKind.SmileDiscovery, 60, published: false, siteId);
        var manager = await factory.SignedInAsync("FM2");
        var form = await OpenAsync(manager, $"/footage-sessions/new?team={post.TeamId}");
        var sessionId = SessionId(await RecordAsync(manager, form, Session(form.SubmissionKey, post.TeamId, factory.Today, clipId, post.MemberIds,
            Fault(0, "00:40", post.MemberIds[0], factory.Today))));
        Assert.DoesNotContain("已逾期", await manager.GetStringAsync("/"));

        var was = factory.Clock.UtcNow;
        factory.Clock.UtcNow = was.AddDays(2);
        try
        {
            Assert.Contains("本项目有 1 项对标学习纠正措施已逾期", await manager.GetStringAsync("/"));
            Assert.Contains("1 项已逾期", await manager.GetStringAsync("/footage-sessions"));
            var member = await factory.SignedInAsync("FE3");
            var actionPage = await member.GetStringAsync($"/footage-sessions/{sessionId}");
            Assert.Contains("is-overdue", actionPage);
        }
        finally
        {
            factory.Clock.UtcNow = was;
        }
    }

    [Fact]
    public async Task Record_TwentyIdenticalSubmissionsAtOnce_OneSession()
    {
        var siteId = await factory.CreateSiteAsync("F3");
        var post = await factory.CreatePostAsync(siteId, "保洁班", LineOfWork.Cleaning, "FL3", "FE4");
        var clipId = await factory.InsertClipAsync("f3", ClipKind.BenchmarkCompanyFootage, 120, published: true);
        var trainerId = await factory.CreatePersonAsync("FT3", [Roles.Trainer]);
        var trainer = await factory.SignedInAsync("FT3");
        var form = await OpenAsync(trainer, $"/footage-sessions/new?team={post.TeamId}");
        var fields = Session(form.SubmissionKey, post.TeamId, factory.Today, clipId, post.MemberIds, Fault(0, "01:00", post.LeaderId, factory.Today.AddDays(5)));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => RecordAsync(trainer, form, fields)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(responses.Select(SessionId).Distinct());
        Assert.Equal(1, await factory.WithDbAsync(db => db.FootageSessions.CountAsync(s => s.TeamId == post.TeamId && s.RecordedById == trainerId)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.FootageFaults.CountAsync(f => f.TeamId == post.TeamId)));
    }
}
