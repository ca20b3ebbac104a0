using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.IntegrationTests.ShiftReviews;
using static TrainingLms.IntegrationTests.TrainingRecords.TrainingForms;

namespace TrainingLms.IntegrationTests.TrainingRecords;

/// <summary>Two teams of one site and their leader signed in, set up once: no test of the class saves a record.</summary>
public sealed class TrainingValidationCompany : IAsyncLifetime
{
    public ShiftReviewsFactory Factory { get; } = new();
    public TeamSetUp Team { get; private set; } = default!;
    public TeamSetUp OtherTeam { get; private set; } = default!;
    public HttpClient Leader { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        var siteId = await Factory.CreateSiteAsync("V1");
        Team = await Factory.CreateTeamAsync(siteId, "客服班", "VL1", null, "VE1", "VE2");
        OtherTeam = await Factory.CreateTeamAsync(siteId, "秩序班", "VL2", null, "VE3");
        Leader = await Factory.SignedInAsync("VL1");
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>A half-filled or hostile record form gets a message by field, keeps what was typed, and never answers 500.</summary>
public class TrainingRecordValidationTests(TrainingValidationCompany company) : IClassFixture<TrainingValidationCompany>, IAsyncLifetime
{
    private readonly ShiftReviewsFactory factory = company.Factory;
    private readonly TeamSetUp team = company.Team;
    private readonly TeamSetUp otherTeam = company.OtherTeam;
    private readonly HttpClient leader = company.Leader;
    private FormPage form = default!;

    /// <summary>Each test fills a form of its own, with its own submission key.</summary>
    public async ValueTask InitializeAsync() => form = await OpenAsync(leader, "/training-records/new");

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private DateOnly Today => SiteTime.Today(factory.Clock.UtcNow, SiteTime.DefaultTimeZoneId);

    private Task<string> RefusedAsync(IEnumerable<(string, string)> fields) => RefusedAsync(leader, form, fields);

    private async Task<string> RefusedAsync(HttpClient client, FormPage page, IEnumerable<(string, string)> fields)
    {
        var response = await RecordAsync(client, page, fields);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {response.RedirectPath()}");
        Assert.Contains("请修改下方标出的内容", html);
        Assert.Equal(0, await factory.WithDbAsync(db => db.TrainingRecords.CountAsync()));
        return html;
    }

    [Fact]
    public async Task Record_NoAttendees_AskedToTickOne_TopicKept()
    {
        var html = await RefusedAsync(Routine(form.SubmissionKey, team.TeamId, Today, [], ("topic", "三度服务")));

        Assert.Contains("data-error=\"attendees\"", html);
        Assert.Contains("请至少勾选一名参训人员", html);
        Assert.Contains("value=\"三度服务\"", html);
    }

    [Fact]
    public async Task Record_AttendeeFromAnotherTeam_Refused_TickedMembersKept()
    {
        var html = await RefusedAsync(Routine(form.SubmissionKey, team.TeamId, Today, [team.MemberIds[0], otherTeam.MemberIds[0]]));

        Assert.Contains("参训人员必须是本班组的在岗成员", html);
        Assert.Matches($"value=\"{team.MemberIds[0]}\" checked", html);
    }

    [Fact]
    public async Task Record_TheLeaderAsAttendee_Refused() =>
        Assert.Contains("参训人员必须是本班组的在岗成员", await RefusedAsync(Routine(form.SubmissionKey, team.TeamId, Today, [team.LeaderId])));

    [Theory]
    [InlineData(1, "培训日期不能晚于今天")]
    [InlineData(-8, "超过 7 天的培训不能再补录")]
    public async Task Record_DateOutOfTheWindow_Refused(int offset, string message)
    {
        var html = await RefusedAsync(Routine(form.SubmissionKey, team.TeamId, Today.AddDays(offset), team.MemberIds));

        Assert.Contains(message, html);
        Assert.Contains($"value=\"{Today.AddDays(offset):yyyy-MM-dd}\"", html);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("121")]
    [InlineData("-5")]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    [InlineData("")]
    public async Task Record_MinutesOutOfRange_Refused(string minutes)
    {
        var html = await RefusedAsync(Routine(form.SubmissionKey, team.TeamId, Today, team.MemberIds, ("minutes", minutes)));

        Assert.Contains("请填写 1 到 120 之间的整数分钟", html);
    }

    [Fact]
    public async Task Record_NoTopicNorLesson_AskedForOne() =>
        Assert.Contains("请选择课程章节或填写培训主题", await RefusedAsync(Routine(form.SubmissionKey, team.TeamId, Today, team.MemberIds, ("topic", ""))));

    [Fact]
    public async Task Record_HostileValues_MessagesByField_Never500()
    {
        var html = await RefusedAsync(
        [
            ("submissionKey", "not-a-guid"), ("teamId", team.TeamId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("trainedOn", "2026-02-30'; DROP TABLE x;--"), ("shiftKey", "<script>alert(1)</script>"), ("lesson", "999999:../../etc"),
            ("topic", new string('微', 5000)), ("minutes", "1e3"), ("clip", "-1"), ("attendees", "' OR 1=1 --"),
        ]);

        foreach (var field in new[] { "trainedOn", "lesson", "topic", "minutes", "clip", "attendees" })
            Assert.Contains($"data-error=\"{field}\"", html);
        Assert.Contains("表单已过期", html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
    }

    [Fact]
    public async Task Record_UnknownShiftOfAShiftTeam_Refused()
    {
        var shifted = await factory.CreateTeamAsync(await factory.CreateSiteAsync("V2"), "秩序班", "VL3",
            [new Domain.Organisation.TeamShift("白班", new(8, 0), new(20, 0)), new Domain.Organisation.TeamShift("夜班", new(20, 0), new(8, 0))], "VE4");
        var shiftLeader = await factory.SignedInAsync("VL3");
        var shiftForm = await OpenAsync(shiftLeader, "/training-records/new");
        Assert.Contains("白班 08:00–20:00", shiftForm.Html);

        var html = await RefusedAsync(shiftLeader, shiftForm, Routine(shiftForm.SubmissionKey, shifted.TeamId, Today, shifted.MemberIds, ("shiftKey", "中班")));

        Assert.Contains("请选择本班组的班次", html);
    }

    [Fact]
    public async Task Record_TeamIdGarbage_NotFound_Not500()
    {
        var response = await RecordAsync(leader, form, [("submissionKey", form.SubmissionKey), ("teamId", "x' or 1=1")]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("?team=abc")]
    [InlineData("?team=999999")]
    [InlineData("?team=-1")]
    public async Task Open_BadTeamInTheAddress_NotFoundOrRefused_Not500(string query)
    {
        var response = await leader.GetAsync("/training-records/new" + query);

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, response.StatusCode.ToString());
    }
}
