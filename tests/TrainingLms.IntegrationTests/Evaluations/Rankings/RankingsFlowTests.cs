using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.IntegrationTests.ShiftReviews;
using TrainingLms.Web.Features.Evaluations.Rankings;

namespace TrainingLms.IntegrationTests.Evaluations.Rankings;

/// <summary>Publication rules and the appeal flow over HTTP, with evaluation rows inserted as the cycle would leave them.</summary>
public class RankingsFlowTests : IAsyncLifetime
{
    private const string Month = "/rankings?month=2026-11";
    private readonly ShiftReviewsFactory factory = new();
    private TeamSetUp team = default!;
    private int periodId;
    private int teamTargetId;
    private int supervisorTargetId;

    public async ValueTask InitializeAsync()
    {
        var siteId = await factory.CreateSiteAsync("R");
        team = await factory.CreateTeamAsync(siteId, "东区客服班", "L900", null, "E904");
        var supervisorId = await factory.CreatePersonAsync("S901", [Roles.Employee]);
        var strict = await factory.CreatePersonAsync("T902", [Roles.Trainer]);
        var lenient = await factory.CreatePersonAsync("T903", [Roles.Trainer]);
        await factory.WithDbAsync(async db =>
        {
            var text = new LocalizedText("月度评价", "Monthly evaluation");
            var form = new EvaluationForm { Slug = "monthly", Revisions = [
                new EvaluationFormRevision { Version = 1, Number = 1, Subject = EvaluationSubject.Supervisor, Title = text, Summary = text },
            ] };
            db.EvaluationForms.Add(form);
            var period = new EvaluationPeriod { Year = 2026, Month = 11, Deadline = new DateOnly(2026, 11, 30), OpenedAtUtc = DateTime.UtcNow.AddDays(-30) };
            db.EvaluationPeriods.Add(period);
            await db.SaveChangesAsync();
            var revisionId = form.Revisions[0].Id;
            Evaluation Scored(string evaluatorId, string name, double percent) => new() { EvaluatorId = evaluatorId, EvaluatorName = name, Percent = percent, SubmittedAtUtc = DateTime.UtcNow };
            var supervisor = new EvaluationTarget
            {
                PeriodId = period.Id, FormRevisionId = revisionId, Subject = EvaluationSubject.Supervisor, PersonId = supervisorId, SiteId = siteId,
                SubjectName = "王主管", SiteName = "项目R", Evaluations = [Scored(strict, "严老师", 62.5), Scored(lenient, "宽老师", 91)],
            };
            var teamTarget = new EvaluationTarget
            {
                PeriodId = period.Id, FormRevisionId = revisionId, Subject = EvaluationSubject.Team, TeamId = team.TeamId, SiteId = siteId,
                SubjectName = "东区客服班", SiteName = "项目R", Evaluations = [Scored(strict, "严老师", 70)],
            };
            var otherTeam = new EvaluationTarget
            {
                PeriodId = period.Id, FormRevisionId = revisionId, Subject = EvaluationSubject.Team, SiteId = siteId,
                SubjectName = "西区保洁班", SiteName = "项目R", Evaluations = [Scored(lenient, "宽老师", 88)],
            };
            db.EvaluationTargets.AddRange(supervisor, teamTarget, otherTeam);
            await db.SaveChangesAsync();
            (periodId, teamTargetId, supervisorTargetId) = (period.Id, teamTarget.Id, supervisor.Id);
            return 0;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private Task ClosePeriodAsync() => factory.WithDbAsync(db =>
        db.EvaluationPeriods.Where(p => p.Id == periodId).ExecuteUpdateAsync(p => p.SetProperty(x => x.ClosedAtUtc, DateTime.UtcNow)));

    [Fact]
    public async Task Unpublished_InvisibleToStaff_DraftForAdmin_OpenPeriodCannotBePublished_AnonymousSentToSignIn()
    {
        var employee = await (await factory.SignedInAsync("E904")).GetStringAsync(Month);
        var admin = await factory.AdministratorClientAsync();
        var draft = await admin.GetStringAsync(Month);
        var publish = await admin.PostFormAsync(Month, "publish", new() { ["periodId"] = periodId.ToString() });
        var anonymous = await factory.CreateSessionClient().GetAsync(Month);

        Assert.Contains("该月排名尚未发布", employee);
        Assert.DoesNotContain("王主管", employee);
        Assert.DoesNotContain("严老师", employee);
        Assert.Contains("排名草稿", draft);
        Assert.Contains("王主管", draft);
        Assert.Contains("评价周期尚未关闭", draft);
        Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);
        Assert.Contains("评价周期尚未关闭", await publish.Content.ReadAsStringAsync());
        Assert.False(await factory.WithDbAsync(db => db.RankingPublications.AnyAsync()));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/signin", anonymous.RedirectPath(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Publish_ThenAppeal_ThenAmend_KeepsEveryRevision()
    {
        await ClosePeriodAsync();
        var admin = await factory.AdministratorClientAsync();

        var published = await admin.PostFormAsync(Month, "publish", new() { ["periodId"] = periodId.ToString() });
        var again = await admin.PostFormAsync(Month, "publish", new() { ["periodId"] = periodId.ToString() });
        var staffView = await (await factory.SignedInAsync("E904")).GetStringAsync(Month);

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("该月排名已发布过", await again.Content.ReadAsStringAsync());
        Assert.Equal(2, await factory.WithDbAsync(db => db.RankingPublications.CountAsync(p => p.Revision == 1)));
        Assert.Contains("王主管", staffView);
        Assert.Contains("东区客服班", staffView);
        Assert.Contains("严老师", staffView);
        Assert.DoesNotContain("排名草稿", staffView);

        // The team member may not appeal the team's line; its class leader may, once, with a reason.
        var leader = await factory.SignedInAsync("L900");
        var foreign = await factory.WithScopeAsync(s => s.GetRequiredService<RankingAppeals>().FileAsync(new RankingViewer(team.MemberIds[0], false, false), teamTargetId, "不公平"));
        var empty = await leader.PostFormAsync(Month, "appeal", new() { ["targetId"] = teamTargetId.ToString(), ["reason"] = "  " });
        var tooLong = await leader.PostFormAsync(Month, "appeal", new() { ["targetId"] = teamTargetId.ToString(), ["reason"] = new string('长', 2001) });
        var filed = await leader.PostFormAsync(Month, "appeal", new() { ["targetId"] = teamTargetId.ToString(), ["reason"] = "本月抽查记录漏算了两次" });
        var second = await factory.WithScopeAsync(s => s.GetRequiredService<RankingAppeals>().FileAsync(new RankingViewer(team.LeaderId, false, false), teamTargetId, "再次申诉"));
        var supervisorLine = await factory.WithScopeAsync(s => s.GetRequiredService<RankingAppeals>().FileAsync(new RankingViewer(team.LeaderId, false, false), supervisorTargetId, "不是我的"));

        Assert.Equal(RankingStatus.NotYourLine, foreign.Status);
        Assert.Contains("请填写申诉理由", await empty.Content.ReadAsStringAsync());
        Assert.Contains("申诉理由最多 2000 字", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        Assert.Equal(RankingStatus.AppealAlreadyOpen, second.Status);
        Assert.Equal(RankingStatus.NotYourLine, supervisorLine.Status);
        Assert.Contains("待处理", await leader.GetStringAsync(Month));

        var appeals = factory.Services.CreateScope().ServiceProvider.GetRequiredService<RankingAppeals>();
        var adminId = (await factory.FindPersonAsync(LmsFactory.AdministratorNumber))!.Id;
        var adminViewer = new RankingViewer(adminId, true, false);
        var appealId = await factory.WithDbAsync(db => db.RankingAppeals.Select(a => a.Id).SingleAsync());
        Assert.Equal(RankingStatus.Forbidden, (await appeals.AmendAsync(new RankingViewer(team.LeaderId, false, false), appealId, 99, "自己改")).Status);
        Assert.Equal(RankingStatus.Invalid, (await appeals.AmendAsync(adminViewer, appealId, 101, "超出")).Status);
        Assert.Equal(RankingStatus.Invalid, (await appeals.AmendAsync(adminViewer, appealId, 95, " ")).Status);
        Assert.Equal(RankingStatus.Done, (await appeals.AmendAsync(adminViewer, appealId, 95, "补计两次抽查")).Status);
        Assert.Equal(RankingStatus.AppealDecided, (await appeals.UpholdAsync(adminViewer, appealId, "维持")).Status);

        var revisions = await factory.WithDbAsync(db => db.RankingPublications.Where(p => p.Subject == EvaluationSubject.Team).OrderBy(p => p.Revision).ToListAsync());
        Assert.Equal([1, 2], revisions.Select(r => r.Revision));
        // Each team was scored by one evaluator only, so both are shifted to the overall mean (79) and tie at rank 1.
        Assert.Equal([(1, 79.0), (1, 79.0)], revisions[0].Entries.Select(e => (e.Rank, e.Score)));
        Assert.Equal([(teamTargetId, 1, 95.0), (revisions[0].Entries.Single(e => e.TargetId != teamTargetId).TargetId, 2, 79.0)],
            revisions[1].Entries.Select(e => (e.TargetId, e.Rank, e.Score)));
        Assert.Equal(appealId, revisions[1].AmendsAppealId);

        var amendedView = await (await factory.SignedInAsync("E904")).GetStringAsync(Month);
        var oldView = await (await factory.SignedInAsync("E904")).GetStringAsync(Month + "&subject=Team&revision=1");
        var leaderView = await leader.GetStringAsync(Month);
        Assert.Contains("经申诉更正：补计两次抽查", amendedView);
        Assert.Contains("已更正", amendedView);
        Assert.Contains("<s class=\"text-muted\">1</s>", amendedView);
        Assert.Contains("subject=Team&amp;revision=1", amendedView);
        Assert.DoesNotContain("95.0", oldView.Split("班组排名")[1].Split("项目排名")[0]);
        Assert.Contains("新得分 95.0", leaderView);

        // After the appeal period nobody may appeal, not even a line without an open appeal.
        factory.Clock.UtcNow = DateTime.UtcNow.AddDays(8);
        var late = await factory.WithScopeAsync(s => s.GetRequiredService<RankingAppeals>().FileAsync(new RankingViewer(team.LeaderId, false, false), teamTargetId, "迟到的申诉"));
        Assert.Equal(RankingStatus.AppealWindowClosed, late.Status);
    }
}
