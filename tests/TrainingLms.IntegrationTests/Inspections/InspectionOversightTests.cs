using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain;
using TrainingLms.Domain.FollowUps;
using TrainingLms.Domain.Inspections;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Inspections;

/// <summary>
/// The oversight page and its exports on known data: October 2026 (ISO weeks 40–44), two sites, three posts, five
/// inspections in the month and two just outside it (the company's days, not UTC's), four rectifications.
/// The clock stands at 20 November 2026, so the default period is November.
/// </summary>
public class InspectionOversightTests(InspectionOversightTests.Fixture fixture) : IClassFixture<InspectionOversightTests.Fixture>
{
    private const string Zone = SiteTime.DefaultTimeZoneId;
    private const string October = "from=2026-10-01&to=2026-10-31";

    /// <summary>One app for the class, its data set up once.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public InspectionsFactory Factory { get; } = new();
        public PostSetUp ASecurity { get; private set; } = default!;
        public PostSetUp ACleaning { get; private set; } = default!;
        public PostSetUp BSecurity { get; private set; } = default!;

        public async ValueTask InitializeAsync()
        {
            Factory.Clock.SetLocal(new DateTime(2026, 11, 20, 10, 0, 0), Zone);
            var siteA = await Factory.CreateSiteAsync("OA");
            var siteB = await Factory.CreateSiteAsync("OB");
            ASecurity = await Factory.CreatePostAsync(siteA, "甲秩序班", LineOfWork.Security, "OLA1", "OEA1");
            ACleaning = await Factory.CreatePostAsync(siteA, "甲保洁班", LineOfWork.Cleaning, "OLA2");
            BSecurity = await Factory.CreatePostAsync(siteB, "乙秩序班", LineOfWork.Security, "OLB1");
            var manager = await Factory.CreateManagerAsync("OMA", siteA);
            await Factory.CreateManagerAsync("OMB", siteB);
            await Factory.CreatePersonAsync("OT1", [Roles.Trainer]);
            await Factory.CreatePersonAsync("OAD", [Roles.Admin]);

            const ItemVerdict Ok = ItemVerdict.Ok, No = ItemVerdict.NotOk, Unseen = ItemVerdict.NotSeen;
            await Factory.WithDbAsync(async db =>
            {
                var form = await db.InspectionFormRevisions.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
                Inspection Held(PostSetUp post, bool announced, DateTime local, ItemVerdict meet, ItemVerdict smile, ItemVerdict? greet = null, ItemVerdict? rise = null) => new()
                {
                    SubmissionKey = Guid.NewGuid(), FormRevisionId = form, SiteId = post.SiteId, TeamId = post.TeamId, InspectorId = manager, Announced = announced,
                    InspectedAtUtc = SiteTime.ToUtc(local, Zone),
                    Results = [new("meet", meet, ""), new("smile", smile, ""), .. greet is { } g ? [new ItemResult("greet", g, "")] : Array.Empty<ItemResult>(),
                        .. rise is { } r ? [new ItemResult("rise", r, "")] : Array.Empty<ItemResult>()],
                };
                var first = Held(ASecurity, true, new(2026, 10, 2, 9, 0, 0), Ok, No, Ok, Unseen);       // W40
                var second = Held(ASecurity, false, new(2026, 10, 14, 9, 0, 0), Ok, No, No, Ok);       // W42
                var third = Held(ACleaning, false, new(2026, 10, 15, 9, 0, 0), Ok, Ok, Ok, Ok);        // W42
                var fourth = Held(BSecurity, true, new(2026, 10, 20, 9, 0, 0), No, Ok, Ok, Ok);        // W43
                var fifth = Held(ASecurity, false, new(2026, 10, 1, 0, 30, 0), Ok, Ok);                 // W40: 30 September in UTC
                var november = Held(ASecurity, false, new(2026, 11, 2, 9, 0, 0), No, Ok);
                var september = Held(ASecurity, false, new(2026, 9, 30, 23, 30, 0), No, No);
                db.Inspections.AddRange(first, second, third, fourth, fifth, november, september);
                await db.SaveChangesAsync();
                Rectification Opened(Inspection inspection, string key, FollowUpStatus status, DateTime dueLocal) => new()
                {
                    InspectionId = inspection.Id, ItemKey = key, SiteId = inspection.SiteId, TeamId = inspection.TeamId, Status = status,
                    OpenedAtUtc = inspection.InspectedAtUtc, DueAtUtc = SiteTime.ToUtc(dueLocal, Zone),
                };
                db.Rectifications.AddRange(
                    Opened(first, "smile", FollowUpStatus.Open, new(2026, 10, 5, 9, 0, 0)),         // overdue
                    Opened(second, "smile", FollowUpStatus.Closed, new(2026, 10, 17, 9, 0, 0)),     // awaiting verification
                    Opened(second, "greet", FollowUpStatus.Verified, new(2026, 10, 17, 9, 0, 0)),
                    Opened(fourth, "meet", FollowUpStatus.Open, new(2026, 11, 25, 9, 0, 0)),        // reopened, due later
                    Opened(november, "meet", FollowUpStatus.Open, new(2026, 11, 5, 9, 0, 0)));      // overdue, but November's
                return await db.SaveChangesAsync();
            });
        }

        public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
    }

    private InspectionsFactory Factory => fixture.Factory;

    internal static string Figure(string html, string name) =>
        Regex.Match(html, $"data-figure=\"{name}\"[^>]*>([^<]*)<").Groups[1].Value;

    internal static string Row(string html, string attribute, string key)
    {
        var match = Regex.Match(html, $"<tr {attribute}=\"{key}\"[^>]*>(.*?)</tr>", RegexOptions.Singleline);
        return string.Join("|", Regex.Matches(match.Groups[1].Value, "<td[^>]*>([^<]*)</td>").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task Page_WholeCompany_ExactFigures()
    {
        var html = await (await Factory.SignedInAsync("OT1")).GetStringAsync($"/inspections/oversight?{October}");

        Assert.Equal(("5", "2", "3"), (Figure(html, "held"), Figure(html, "announced"), Figure(html, "walk-by")));
        // OK 13 (meet 4, smile 3, greet 3, rise 3) of 17 judged; the one "not seen" left out.
        Assert.Equal("76.5%", Figure(html, "pass-rate"));
        Assert.Equal("4|1|0|80.0%", Row(html, "data-item", "meet"));
        Assert.Equal("3|2|0|60.0%", Row(html, "data-item", "smile"));
        Assert.Equal("3|1|0|75.0%", Row(html, "data-item", "greet"));
        Assert.Equal("3|0|1|100.0%", Row(html, "data-item", "rise"));
        Assert.Contains("“未见”的项目不计入", html);
        // Most failed: smile twice; then greet and meet once each, the lower pass rate first.
        var mostFailed = Regex.Matches(html, "<li data-item=\"([a-z-]+)\"[^>]*>").Select(m => m.Groups[1].Value);
        Assert.Equal(["smile", "greet", "meet"], mostFailed);
        Assert.Equal(("4", "2", "1", "1"), (Figure(html, "raised"), Figure(html, "open"), Figure(html, "overdue"), Figure(html, "awaiting")));
        // Weeks 40–44: inspections, OK, not OK, pass rate.
        Assert.Equal("2|4|1|80.0%", Row(html, "data-week", "2026-W40"));
        Assert.Equal("0|0|0|–", Row(html, "data-week", "2026-W41"));
        Assert.Equal("2|6|2|75.0%", Row(html, "data-week", "2026-W42"));
        Assert.Equal("1|3|1|75.0%", Row(html, "data-week", "2026-W43"));
        Assert.Equal("0|0|0|–", Row(html, "data-week", "2026-W44"));
        Assert.Contains("<svg class=\"trend-chart\"", html);
        Assert.Equal(3, Regex.Matches(html, "<circle ").Count);
    }

    [Fact]
    public async Task Page_Filters_SiteTeamLine_AndDefaultPeriodIsTheCurrentMonth()
    {
        var admin = await Factory.SignedInAsync("OAD");

        Assert.Equal("1", Figure(await admin.GetStringAsync($"/inspections/oversight?{October}&site={fixture.BSecurity.SiteId}"), "held"));
        Assert.Equal("1", Figure(await admin.GetStringAsync($"/inspections/oversight?{October}&team={fixture.ACleaning.TeamId}"), "held"));
        Assert.Equal("1", Figure(await admin.GetStringAsync($"/inspections/oversight?{October}&line=Cleaning"), "held"));
        Assert.Equal("4", Figure(await admin.GetStringAsync($"/inspections/oversight?{October}&line=Security"), "held"));
        var november = await admin.GetStringAsync("/inspections/oversight");
        Assert.Contains("2026-11-01 至 2026-11-30", november);
        Assert.Equal(("1", "1", "1"), (Figure(november, "held"), Figure(november, "raised"), Figure(november, "overdue")));
    }

    [Fact]
    public async Task Scope_ManagerSeesOwnSite_ClassLeaderOwnTeam_OtherSiteFilterGivesNothing()
    {
        var managerA = await Factory.SignedInAsync("OMA");
        var siteA = await managerA.GetStringAsync($"/inspections/oversight?{October}");
        var askingForB = await managerA.GetStringAsync($"/inspections/oversight?{October}&site={fixture.BSecurity.SiteId}&team={fixture.BSecurity.TeamId}");
        var managerB = await (await Factory.SignedInAsync("OMB")).GetStringAsync($"/inspections/oversight?{October}");
        var cleaningLeader = await (await Factory.SignedInAsync("OLA2")).GetStringAsync($"/inspections/oversight?{October}");

        Assert.Equal(("4", "1", "3"), (Figure(siteA, "held"), Figure(siteA, "announced"), Figure(siteA, "walk-by")));
        Assert.Equal("4|0|0|100.0%", Row(siteA, "data-item", "meet"));
        Assert.Equal("2|2|0|50.0%", Row(siteA, "data-item", "smile"));
        Assert.Equal("2|1|0|66.7%", Row(siteA, "data-item", "greet"));
        Assert.Equal(("3", "1", "1", "1"), (Figure(siteA, "raised"), Figure(siteA, "open"), Figure(siteA, "overdue"), Figure(siteA, "awaiting")));
        Assert.DoesNotContain("乙秩序班", siteA);
        Assert.Equal(("0", "0"), (Figure(askingForB, "held"), Figure(askingForB, "raised")));
        Assert.Equal(("1", "1", "0"), (Figure(managerB, "held"), Figure(managerB, "open"), Figure(managerB, "overdue")));
        Assert.Equal(("1", "100.0%", "0"), (Figure(cleaningLeader, "held"), Figure(cleaningLeader, "pass-rate"), Figure(cleaningLeader, "raised")));
        Assert.DoesNotContain("甲秩序班", cleaningLeader);
    }

    [Fact]
    public async Task Employee_RefusedOnPageAndBothExports()
    {
        var employee = await Factory.SignedInAsync("OEA1");

        foreach (var path in new[] { "/inspections/oversight", "/inspections/oversight/export.csv", "/inspections/oversight/export.xlsx" })
            Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"{path}?{October}")).StatusCode);
        Assert.DoesNotContain("/inspections/oversight", await employee.GetStringAsync("/"));
    }

    [Fact]
    public async Task Csv_SameFiguresAsThePage_InTheViewersScope()
    {
        var response = await (await Factory.SignedInAsync("OT1")).GetAsync($"/inspections/oversight/export.csv?{October}");
        var managerB = await (await (await Factory.SignedInAsync("OMB")).GetAsync($"/inspections/oversight/export.csv?{October}")).Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = await ExportFiles.CsvLinesAsync(response);
        Assert.Equal(
        [
            "类别,名称,数量,合格,不合格,未见,合格率",
            "期间,2026-10-01 – 2026-10-31,5,13,4,1,76.5",
            "检查次数,预先通知,2,,,,",
            "检查次数,暗访巡查,3,,,,",
            "各项目合格率,微笑,,3,2,0,60",
            "各项目合格率,问好,,3,1,0,75",
            "各项目合格率,见面,,4,1,0,80",
            "各项目合格率,起身,,3,0,1,100",
            "按周趋势,2026-W40,2,4,1,,80",
            "按周趋势,2026-W41,0,0,0,,",
            "按周趋势,2026-W42,2,6,2,,75",
            "按周趋势,2026-W43,1,3,1,,75",
            "按周趋势,2026-W44,0,0,0,,",
            "整改,开出,4,,,,",
            "整改,未整改,2,,,,",
            "整改,已逾期,1,,,,",
            "整改,待验证,1,,,,",
        ], lines);
        Assert.Contains("期间,2026-10-01 – 2026-10-31,1,3,1,0,75", managerB);
    }

    [Fact]
    public async Task Xlsx_OneSheet_SameRowsAsTheCsv()
    {
        var client = await Factory.SignedInAsync("OMA");

        var response = await client.GetAsync($"/inspections/oversight/export.xlsx?{October}");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var rows = ExportFiles.XlsxRows(await response.Content.ReadAsByteArrayAsync(), 7);
        Assert.Equal(["类别", "名称", "数量", "合格", "不合格", "未见", "合格率"], rows[0]);
        // Site A: OK 10 (meet 4, smile 2, greet 2, rise 2) of 13 judged.
        Assert.Equal(["期间", "2026-10-01 – 2026-10-31", "4", "10", "3", "1", "76.9"], rows[1]);
        Assert.Contains(["各项目合格率", "问好", "", "2", "1", "0", "66.7"], rows);
        Assert.Contains(["整改", "已逾期", "1", "", "", "", ""], rows);
        Assert.Equal(17, rows.Count);
    }

    [Theory]
    [InlineData("from=not-a-date&to=2026-13-45")]
    [InlineData("from=0001-01-01&to=9999-12-31")]
    [InlineData("site=abc&team=99999999999&line=7")]
    [InlineData("team=-1&line=%27%3Bdrop&site=2147483647")]
    [InlineData("from=2026-10-31&to=2026-10-01")]
    public async Task HostileQuery_ClearAnswer_Never500(string query)
    {
        var admin = await Factory.SignedInAsync("OAD");

        foreach (var path in new[] { "/inspections/oversight", "/inspections/oversight/export.csv", "/inspections/oversight/export.xlsx" })
        {
            var response = await admin.GetAsync($"{path}?{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Empty(Factory.Errors.Entries);
    }

    [Fact]
    public async Task Period_BackwardsIsSwapped_OverAYearKeepsTheLatestYear()
    {
        var admin = await Factory.SignedInAsync("OAD");

        var backwards = await admin.GetStringAsync("/inspections/oversight?from=2026-10-31&to=2026-10-01");
        var long_ = await admin.GetStringAsync("/inspections/oversight?from=2000-01-01&to=2026-10-31");

        Assert.Contains("2026-10-01 至 2026-10-31", backwards);
        Assert.Equal("5", Figure(backwards, "held"));
        Assert.Contains("2025-10-31 至 2026-10-31", long_);
    }
}
