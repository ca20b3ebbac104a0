using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.IntegrationTests.Inspections;
using static TrainingLms.IntegrationTests.FootageSessions.FootageForms;

namespace TrainingLms.IntegrationTests.FootageSessions;

/// <summary>
/// One app for every footage-session test class (their collection): two sites with a session at each, for the access
/// tests; the flow tests make sites and teams of their own.
/// </summary>
public sealed class FootageSetUp : IAsyncLifetime
{
    public FootageFactory Factory { get; } = new();
    public PostSetUp A { get; private set; } = default!;
    public PostSetUp B { get; private set; } = default!;
    public int ClipId { get; private set; }

    /// <summary>A Smile Discovery recording of site B's staff, not published: site A's manager may not see it.</summary>
    public int HiddenClipId { get; private set; }
    public int SessionA { get; private set; }
    public int SessionB { get; private set; }
    public int ActionA { get; private set; }
    public int ActionB { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var siteA = await Factory.CreateSiteAsync("A1");
        var siteB = await Factory.CreateSiteAsync("B1");
        A = await Factory.CreatePostAsync(siteA, "秩序班", LineOfWork.Security, "AL1", "AE1", "AE2");
        B = await Factory.CreatePostAsync(siteB, "秩序班", LineOfWork.Security, "BL1", "BE1");
        await Factory.CreateManagerAsync("AM1", siteA);
        await Factory.CreateManagerAsync("BM1", siteB);
        await Factory.CreatePersonAsync("AT1", [Roles.Trainer]);
        ClipId = await Factory.InsertClipAsync("benchmark", ClipKind.BenchmarkCompanyFootage, 90, published: true);
        HiddenClipId = await Factory.InsertClipAsync("discovery-b", ClipKind.SmileDiscovery, 90, published: false, siteB);
        (SessionA, ActionA) = await RecordAsync("AM1", A);
        (SessionB, ActionB) = await RecordAsync("BM1", B);
    }

    private async Task<(int Session, int Action)> RecordAsync(string manager, PostSetUp post)
    {
        var client = await Factory.SignedInAsync(manager);
        var form = await OpenAsync(client, $"/footage-sessions/new?team={post.TeamId}");
        var id = SessionId(await FootageForms.RecordAsync(client, form, Session(form.SubmissionKey, post.TeamId, Factory.Today, ClipId, post.MemberIds,
            Fault(0, "00:30", post.MemberIds[0], Factory.Today.AddDays(3)))));
        return (id, await Factory.WithDbAsync(db => db.FootageFaults.Where(f => f.SessionId == id).Select(f => f.Id).SingleAsync()));
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>What the app logged as errors, less the unique-index refusals that the concurrent-submission test provokes on purpose.</summary>
    public IEnumerable<string> UnexpectedErrors => Factory.Errors.Entries.Where(e => !e.Contains("SubmissionKey", StringComparison.Ordinal));
}

[CollectionDefinition(Name)]
public sealed class FootageCollection : ICollectionFixture<FootageSetUp>
{
    public const string Name = "Footage sessions";
}

/// <summary>Roles on every page and form, and hostile or half-filled forms: a clear message, nothing saved, never a 500.</summary>
[Collection(FootageCollection.Name)]
public class FootageSessionAccessTests(FootageSetUp setUp)
{
    private FootageFactory Factory => setUp.Factory;

    private Task<int> SessionsOfTeamAsync(int teamId) => Factory.WithDbAsync(db => db.FootageSessions.CountAsync(s => s.TeamId == teamId));

    [Fact]
    public async Task Employee_MayNotRecord_SeesOnlyTheCorrectionTheyOwn()
    {
        var owner = await Factory.SignedInAsync("AE1");
        var other = await Factory.SignedInAsync("AE2");

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/footage-sessions/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/footage-sessions/new?team={setUp.A.TeamId}")).StatusCode);
        var token = (await OpenAsync(other, $"/footage-sessions/{setUp.SessionA}/actions/{setUp.ActionA}")).Token;
        var posted = await PostAsync(other, "/footage-sessions/new", "footage", token,
            Session(Guid.NewGuid().ToString(), setUp.A.TeamId, Factory.Today, setUp.ClipId, setUp.A.MemberIds, Fault(0, "00:10", setUp.A.MemberIds[1], Factory.Today)));
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(1, await SessionsOfTeamAsync(setUp.A.TeamId));

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/footage-sessions/{setUp.SessionA}")).StatusCode);
        Assert.DoesNotContain($"/footage-sessions/{setUp.SessionA}\"", await other.GetStringAsync("/footage-sessions"));
        Assert.DoesNotContain("href=\"/footage-sessions\"", await other.GetStringAsync("/"));
        Assert.DoesNotContain("/footage-sessions/new?clip=", await other.GetStringAsync($"/clips/{setUp.ClipId}"));

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/footage-sessions/{setUp.SessionA}/actions/{setUp.ActionA}")).StatusCode);
        Assert.Contains($"/footage-sessions/{setUp.SessionA}/actions/{setUp.ActionA}", await owner.GetStringAsync("/footage-sessions"));
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync($"/footage-sessions/{setUp.SessionB}")).StatusCode);
        // The owner may not verify their own correction, nor anyone else's "done".
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(owner, setUp.SessionA, setUp.ActionA, "verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(owner, setUp.SessionB, setUp.ActionB, "close", ("whatWasDone", "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(other, setUp.SessionA, setUp.ActionA, "close", ("whatWasDone", "x"))).StatusCode);
    }

    [Fact]
    public async Task ClassLeader_SeesTheirTeamsSessionsOnly_MayNotRecordOrVerify()
    {
        var leader = await Factory.SignedInAsync("AL1");

        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/footage-sessions/new")).StatusCode);
        var list = await leader.GetStringAsync("/footage-sessions");
        Assert.Contains($"/footage-sessions/{setUp.SessionA}\"", list);
        Assert.DoesNotContain($"/footage-sessions/{setUp.SessionB}\"", list);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/footage-sessions/{setUp.SessionA}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync($"/footage-sessions/{setUp.SessionB}")).StatusCode);
        Assert.Contains("href=\"/footage-sessions\"", await leader.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(leader, setUp.SessionA, setUp.ActionA, "reopen", ("reason", "x"))).StatusCode);
    }

    [Fact]
    public async Task Manager_OwnSiteOnly_TrainerAndAdministrator_EverySite()
    {
        var manager = await Factory.SignedInAsync("AM1");
        Assert.Contains($"/footage-sessions/new?clip={setUp.ClipId}", await manager.GetStringAsync($"/clips/{setUp.ClipId}"));
        var list = await manager.GetStringAsync("/footage-sessions");
        Assert.Contains($"/footage-sessions/{setUp.SessionA}\"", list);
        Assert.DoesNotContain($"/footage-sessions/{setUp.SessionB}\"", list);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/footage-sessions/{setUp.SessionB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/footage-sessions/new?team={setUp.B.TeamId}")).StatusCode);
        var form = await OpenAsync(manager, $"/footage-sessions/new?team={setUp.A.TeamId}");
        var intoB = await PostAsync(manager, "/footage-sessions/new", "footage", form.Token,
            Session(Guid.NewGuid().ToString(), setUp.B.TeamId, Factory.Today, setUp.ClipId, setUp.B.MemberIds, Fault(0, "00:10", setUp.B.MemberIds[0], Factory.Today)));
        Assert.Equal(HttpStatusCode.Forbidden, intoB.StatusCode);
        Assert.Equal(1, await SessionsOfTeamAsync(setUp.B.TeamId));
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(await Factory.SignedInAsync("BM1"), setUp.SessionA, setUp.ActionA, "verify")).StatusCode);

        foreach (var number in new[] { "AT1", LmsFactory.AdministratorNumber })
        {
            var overseer = await Factory.SignedInAsync(number);
            var all = await overseer.GetStringAsync("/footage-sessions");
            Assert.Contains($"/footage-sessions/{setUp.SessionA}\"", all);
            Assert.Contains($"/footage-sessions/{setUp.SessionB}\"", all);
            Assert.Equal(HttpStatusCode.OK, (await overseer.GetAsync($"/footage-sessions/new?team={setUp.B.TeamId}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await overseer.GetAsync($"/footage-sessions/{setUp.SessionB}")).StatusCode);
        }
    }

    [Fact]
    public async Task UnknownSessionOrAction_NotFound_Anonymous_SentToSignIn()
    {
        var manager = await Factory.SignedInAsync("AM1");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/footage-sessions/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/footage-sessions/{setUp.SessionA}/actions/{setUp.ActionB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/footage-sessions/new?team=999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/footage-sessions/new?team=abc")).StatusCode);

        var anonymous = Factory.CreateSessionClient();
        foreach (var path in new[] { "/footage-sessions", "/footage-sessions/new", $"/footage-sessions/{setUp.SessionA}" })
            Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(path)).StatusCode);
    }

    public static TheoryData<string, string, string> Hostile => new()
    {
        // name, field to replace ("" adds), value, message expected
        { "fault0.moment", "01:31", "该视频只有 01:30 长" },
        { "fault0.moment", "abc", "请按“分:秒”填写时间点" },
        { "heldOn", "yesterday", "请输入日期" },
        { "heldOn", "2001-01-01", "学习日期须为今天或最近 14 天内" },
        { "clip", "x", "请选择一个你有权观看的视频" },
        { "clip", "999999", "请选择一个你有权观看的视频" },
        { "clip", "hidden", "请选择一个你有权观看的视频" },
        { "fault0.owner", "nobody", "请从本班组选择责任人" },
        { "fault0.owner", "otherSite", "请从本班组选择责任人" },
        { "attendees", "nobody", "参加人员必须是本班组的在岗成员" },
        { "fault0.dueOn", "2999-01-01", "完成日期须不早于学习日期和今天" },
        { "fault0.dueOn", "soon", "请输入日期" },
        { "fault0.description", "long", "内容太长，最多 1000 字" },
        { "fault0.causes", "", "请填写原因分析" },
        { "submissionKey", "", "表单已过期" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Record_HostileOrHalfFilled_MessageByField_NothingSaved(string field, string value, string message)
    {
        var manager = await Factory.SignedInAsync("AM1");
        var form = await OpenAsync(manager, $"/footage-sessions/new?team={setUp.A.TeamId}");
        var actual = value switch
        {
            "hidden" => setUp.HiddenClipId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "otherSite" => setUp.B.MemberIds[0],
            "long" => new string('问', 10_000),
            _ => value,
        };
        var fields = Session(form.SubmissionKey, setUp.A.TeamId, Factory.Today, setUp.ClipId, setUp.A.MemberIds, Fault(0, "00:20", setUp.A.MemberIds[1], Factory.Today))
            .Where(f => f.Item1 != field || field == "attendees").Append((field, actual)).ToList();

        var response = await FootageForms.RecordAsync(manager, form, fields);

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {response.RedirectPath()}");
        Assert.Contains("有些内容需要修改", html);
        Assert.Contains(message, html);
        Assert.Contains("每日班前演练起身问好", html);
        Assert.Equal(1, await SessionsOfTeamAsync(setUp.A.TeamId));
        Assert.Empty(setUp.UnexpectedErrors);
    }

    [Fact]
    public async Task Record_HalfFilled_EachFieldMarked_WhatWasTypedKept()
    {
        var manager = await Factory.SignedInAsync("AM1");
        var form = await OpenAsync(manager, $"/footage-sessions/new?team={setUp.A.TeamId}");

        var response = await FootageForms.RecordAsync(manager, form,
            [("submissionKey", form.SubmissionKey), ("teamId", setUp.A.TeamId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("heldOn", ""), ("clip", ""),
             ("fault0.description", "未起身"), ("fault0.moment", ""), ("fault0.causes", ""), ("fault0.correction", ""), ("fault0.owner", ""), ("fault0.dueOn", "")]);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var field in new[] { "heldOn", "clip", "attendees", "fault0.moment", "fault0.causes", "fault0.correction", "fault0.owner", "fault0.dueOn" })
            Assert.Contains($"data-error=\"{field}\"", html);
        Assert.Contains(">未起身</textarea>", html);
        Assert.Equal(1, await SessionsOfTeamAsync(setUp.A.TeamId));

        var none = await FootageForms.RecordAsync(manager, form, Session(form.SubmissionKey, setUp.A.TeamId, Factory.Today, setUp.ClipId, setUp.A.MemberIds));
        Assert.Contains("请至少填写一个问题", await none.Content.ReadAsStringAsync());

        var tooMany = await FootageForms.RecordAsync(manager, form, Session(form.SubmissionKey, setUp.A.TeamId, Factory.Today, setUp.ClipId, setUp.A.MemberIds,
            [.. Enumerable.Range(0, 21).Select(i => Fault(i, "00:01", setUp.A.MemberIds[0], Factory.Today))]));
        Assert.Contains("每次学习最多记录 20 个问题", await tooMany.Content.ReadAsStringAsync());
        Assert.Equal(1, await SessionsOfTeamAsync(setUp.A.TeamId));

        // "One more fault" adds a row and saves nothing.
        var more = await FootageForms.RecordAsync(manager, form, [.. Session(form.SubmissionKey, setUp.A.TeamId, Factory.Today, setUp.ClipId, setUp.A.MemberIds,
            Fault(0, "00:05", setUp.A.MemberIds[0], Factory.Today)), ("more", "1")]);
        var moreHtml = await more.Content.ReadAsStringAsync();
        Assert.Contains("name=\"fault1.description\"", moreHtml);
        Assert.DoesNotContain("data-error", moreHtml);
        Assert.Equal(1, await SessionsOfTeamAsync(setUp.A.TeamId));
        Assert.Empty(setUp.UnexpectedErrors);
    }
}
