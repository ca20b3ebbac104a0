using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.IntegrationTests.ShiftReviews;
using TrainingLms.Web.Components.Shared;
using TrainingLms.Web.Features.Evaluations.Rankings;

namespace TrainingLms.IntegrationTests.Evaluations.Rankings;

/// <summary>
/// The trends chart, the period export and the appeals page, over months whose publications are inserted as the
/// publisher and an amendment would leave them: September published, October closed but never published, November
/// published and amended for one team, December open with a draft only. The months are of last year: the app
/// opens the current month's period by itself.
/// </summary>
public class RankingExtrasTests : IAsyncLifetime
{
    private const string Formula = "=HYPERLINK(\"http://x\",\"点我\")";
    private readonly ShiftReviewsFactory factory = new();
    private int siteR;
    private int siteS;
    private int november;
    private int novemberPublication;
    private readonly Dictionary<(int Month, string Team), int> targets = [];

    public async ValueTask InitializeAsync()
    {
        siteR = await factory.CreateSiteAsync("R");
        siteS = await factory.CreateSiteAsync("S");
        var east = await factory.CreateTeamAsync(siteR, "东区客服班", "L910");
        var west = await factory.CreateTeamAsync(siteR, "西区保洁班", "L911");
        var north = await factory.CreateTeamAsync(siteS, "北区安保班", "L912");
        var strict = await factory.CreatePersonAsync("T913", [Roles.Trainer]);
        var lenient = await factory.CreatePersonAsync("T914", [Roles.Trainer]);
        var adminId = (await factory.FindPersonAsync(LmsFactory.AdministratorNumber))!.Id;
        (TeamSetUp Team, int Site, string Name, string SiteName)[] teams =
            [(east, siteR, "东区客服班", "项目R"), (west, siteR, "西区保洁班", "项目R"), (north, siteS, "北区安保班", "项目S")];
        await factory.WithDbAsync(async db =>
        {
            var text = new LocalizedText("班组月度评价", "Team evaluation");
            var form = new EvaluationForm { Slug = "team-monthly", Revisions = [new EvaluationFormRevision { Version = 1, Number = 1, Subject = EvaluationSubject.Team, Title = text, Summary = text }] };
            db.EvaluationForms.Add(form);
            await db.SaveChangesAsync();
            var periods = new Dictionary<int, EvaluationPeriod>();
            foreach (var month in new[] { 9, 10, 11, 12 })
            {
                var period = new EvaluationPeriod
                {
                    Year = 2025, Month = month, Deadline = new DateOnly(2025, month, 28), OpenedAtUtc = new DateTime(2025, month, 1, 0, 0, 0, DateTimeKind.Utc),
                    ClosedAtUtc = month == 12 ? null : new DateTime(2025, month, 28, 0, 0, 0, DateTimeKind.Utc),
                };
                foreach (var (team, site, name, siteName) in teams)
                {
                    period.Targets.Add(new EvaluationTarget
                    {
                        FormRevisionId = form.Revisions[0].Id, Subject = EvaluationSubject.Team, TeamId = team.TeamId, SiteId = site, SubjectName = name, SiteName = siteName,
                        Evaluators = [new() { EvaluatorId = strict, EvaluatorName = "严老师" }, new() { EvaluatorId = lenient, EvaluatorName = "宽老师" }],
                        Evaluations = [new() { EvaluatorId = strict, EvaluatorName = "严老师", Percent = 70 + month, SubmittedAtUtc = period.OpenedAtUtc }],
                    });
                }
                periods[month] = period;
                db.EvaluationPeriods.Add(period);
            }
            // A supervisor line whose name would run as a spreadsheet formula, scored by both, in an unpublished subject kind.
            periods[11].Targets.Add(new EvaluationTarget
            {
                FormRevisionId = form.Revisions[0].Id, Subject = EvaluationSubject.Supervisor, SiteId = siteR, SubjectName = Formula, SiteName = "项目R",
                Evaluators = [new() { EvaluatorId = strict, EvaluatorName = "严老师" }],
                Evaluations = [new() { EvaluatorId = strict, EvaluatorName = "严老师", Percent = 62.5, SubmittedAtUtc = DateTime.UtcNow }, new() { EvaluatorId = lenient, EvaluatorName = "宽老师", Percent = 91, SubmittedAtUtc = DateTime.UtcNow }],
            });
            await db.SaveChangesAsync();
            foreach (var (month, period) in periods)
                foreach (var target in period.Targets.Where(t => t.Subject == EvaluationSubject.Team)) targets[(month, target.SubjectName)] = target.Id;

            RankingPublication Published(int month, int revision, params (string Team, double Score)[] lines) => new()
            {
                PeriodId = periods[month].Id, Subject = EvaluationSubject.Team, Revision = revision, PublishedAtUtc = DateTime.UtcNow, PublishedById = adminId, PublishedByName = "管理员",
                Entries = RankingCalculator.Rerank(lines.Select(l => new RankingEntry(targets[(month, l.Team)], l.Team, teams.Single(t => t.Name == l.Team).SiteName, 0, l.Score, 70 + month, 1, ["严老师"]))),
            };
            var novemberFirst = Published(11, 1, ("东区客服班", 60), ("西区保洁班", 90), ("北区安保班", 85));
            db.RankingPublications.AddRange(
                Published(9, 1, ("东区客服班", 80), ("西区保洁班", 70), ("北区安保班", 90)),
                novemberFirst,
                Published(11, 2, ("东区客服班", 70), ("西区保洁班", 90), ("北区安保班", 85)));
            await db.SaveChangesAsync();
            db.RankingAppeals.AddRange(
                new RankingAppeal { PublicationId = novemberFirst.Id, TargetId = targets[(11, "西区保洁班")], AppellantId = west.LeaderId, AppellantName = "西班长", Reason = "漏算了一次抽查", FiledAtUtc = DateTime.UtcNow },
                new RankingAppeal { PublicationId = novemberFirst.Id, TargetId = targets[(11, "北区安保班")], AppellantId = north.LeaderId, AppellantName = "北班长", Reason = "评价人弄错了班次", FiledAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            (november, novemberPublication) = (periods[11].Id, novemberFirst.Id);
            return 0;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private Task<int> AppealIdAsync(string team)
    {
        var targetId = targets[(11, team)];
        return factory.WithDbAsync(db => db.RankingAppeals.Where(a => a.TargetId == targetId).Select(a => a.Id).SingleAsync());
    }

    [Fact]
    public async Task Trends_PublishedMonthsOnly_AmendedRevisionWins_SiteIsMeanOfItsTeams()
    {
        var trends = await factory.WithScopeAsync(s => s.GetRequiredService<RankingTrends>().BoardAsync(siteR));
        var other = await factory.WithScopeAsync(s => s.GetRequiredService<RankingTrends>().BoardAsync(siteS));
        var page = await (await factory.SignedInAsync("L910")).GetStringAsync($"/rankings/trends?site={siteS}");

        // Twelve months up to November, the latest published: December's draft does not count, October is a gap.
        Assert.Equal(12, trends.Months.Count);
        Assert.Equal(new DateOnly(2024, 12, 1), trends.Months[0]);
        Assert.Equal(new DateOnly(2025, 11, 1), trends.Months[^1]);
        Assert.Equal([(siteR, "项目R"), (siteS, "项目S")], trends.Sites.Select(s => (s.Id, s.Name)));
        Assert.Equal(siteR, trends.Site?.Id);
        double?[] Last3(TrendSeries series) => [.. series.Scores.TakeLast(3)];
        Assert.Equal(["项目R", "项目S"], trends.SiteSeries.Select(s => s.Label));
        Assert.Equal([75.0, null, 80.0], Last3(trends.SiteSeries[0]));
        Assert.Equal([90.0, null, 85.0], Last3(trends.SiteSeries[1]));
        Assert.All(trends.SiteSeries, s => Assert.All(s.Scores.Take(9), Assert.Null));
        Assert.Equal(["东区客服班", "西区保洁班"], trends.TeamSeries.Select(s => s.Label));
        Assert.Equal([80.0, null, 70.0], Last3(trends.TeamSeries[0]));
        Assert.Equal([70.0, null, 90.0], Last3(trends.TeamSeries[1]));
        Assert.Equal(["北区安保班"], other.TeamSeries.Select(s => s.Label));

        Assert.Contains("<svg class=\"trend-chart\"", page);
        Assert.Contains("<details", page);
        Assert.Contains("北区安保班", page);
        Assert.DoesNotContain("东区客服班", page);
        // The component's scoped-CSS attribute stands between an attribute and the cell's text.
        Assert.Matches("data-label=\"2025-11\"[^>]*>85.0</td>", page);
        Assert.Matches("data-label=\"2025-10\"[^>]*>–</td>", page);
        Assert.Contains($"<option value=\"{siteS}\" selected", page);
    }

    [Fact]
    public async Task Export_StaffFilter_KeepsTheTeamsWithTheChosenStaff()
    {
        var contractorId = await factory.WithDbAsync(async db =>
        {
            var contractor = new ContractorCompany { Name = "洁美保洁服务公司" };
            db.ContractorCompanies.Add(contractor);
            await db.SaveChangesAsync();
            await db.Users.Where(p => p.UserName == "L911").ExecuteUpdateAsync(s => s.SetProperty(p => p.ContractorCompanyId, contractor.Id));
            return contractor.Id;
        });
        var admin = await factory.AdministratorClientAsync();

        var contracted = await admin.GetStringAsync($"/admin/evaluations/{november}/export.csv?contractor={contractorId}");
        var own = await admin.GetStringAsync($"/admin/evaluations/{november}/export.csv?contractor=own");
        var hostile = await admin.GetAsync($"/admin/evaluations/{november}/export.xlsx?contractor=%27%20OR%201%3D1");
        var page = await admin.GetStringAsync($"/admin/evaluations/{november}");

        Shows.Only(contracted, ["西区保洁班"], ["东区客服班", "北区安保班"]);
        Shows.Only(own, ["东区客服班", "北区安保班"], ["西区保洁班"]);
        Assert.Equal(HttpStatusCode.OK, hostile.StatusCode);
        Assert.Contains($"<option value=\"{contractorId}\">洁美保洁服务公司</option>", page); // the period page's export form offers the filter
    }

    [Fact]
    public async Task Export_Csv_Xlsx_EveryTarget_Quoted_FormulaNeutralised_AdministratorsOnly()
    {
        var admin = await factory.AdministratorClientAsync();
        var csv = await admin.GetAsync($"/admin/evaluations/{november}/export.csv");
        var xlsx = await admin.GetAsync($"/admin/evaluations/{november}/export.xlsx");
        var unknown = await admin.GetAsync("/admin/evaluations/99999/export.csv");
        var leader = await factory.SignedInAsync("L910");
        var refusedCsv = await leader.GetAsync($"/admin/evaluations/{november}/export.csv");
        var refusedXlsx = await leader.GetAsync($"/admin/evaluations/{november}/export.xlsx");
        var anonymous = await factory.CreateSessionClient().GetAsync($"/admin/evaluations/{november}/export.csv");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("evaluations-2025-11.csv", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName);
        var lines = await ExportFiles.CsvLinesAsync(csv);
        Assert.Equal(
        [
            "类别,名称,项目,所属单位,指派的评价人,评价数,各评价（评价人及百分比）,原始平均分,已发布名次,已发布得分",
            "主管/领班,\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",项目R,,严老师,2,严老师 62.5、宽老师 91.0,76.8,,",
            "班组,东区客服班,项目R,,严老师、宽老师,1,严老师 81.0,81,3,70",
            "班组,西区保洁班,项目R,,严老师、宽老师,1,严老师 81.0,81,1,90",
            "班组,北区安保班,项目S,,严老师、宽老师,1,严老师 81.0,81,2,85",
        ], lines);

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(Formula, rows[0]["名称"]);
        Assert.Equal("西区保洁班", rows[2]["名称"]);
        Assert.Equal(90.0, Convert.ToDouble(rows[2]["已发布得分"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1.0, Convert.ToDouble(rows[2]["已发布名次"], System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedCsv.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedXlsx.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/signin", anonymous.RedirectPath(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AppealsPage_UpholdAndAmend_OverHttp_InvalidKeepsInput_SecondDecisionRefused()
    {
        const string Page = "/admin/appeals";
        var admin = await factory.AdministratorClientAsync();
        var west = await AppealIdAsync("西区保洁班");
        var north = await AppealIdAsync("北区安保班");
        var leader = await factory.SignedInAsync("L911");

        var refused = await leader.GetAsync(Page);
        var rankings = await admin.GetStringAsync("/rankings?month=2025-11");
        var listed = await admin.GetStringAsync(Page);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("href=\"/admin/appeals\"", rankings);
        Assert.Contains($"/admin/evaluations/{november}/export.xlsx", rankings);
        Assert.DoesNotContain("export.csv", await leader.GetStringAsync("/rankings?month=2025-11"));
        Assert.Contains("漏算了一次抽查", listed);
        Assert.Contains("西班长", listed);
        Assert.Contains("90.0", listed);

        var noNote = await admin.PostFormAsync(Page, $"decide-{west}", new() { ["decision"] = "uphold", ["note"] = " " });
        var badScore = await admin.PostFormAsync(Page, $"decide-{north}", new() { ["decision"] = "amend", ["note"] = "补计一次抽查", ["score"] = "101" });
        Assert.Contains("请填写处理说明", await noNote.Content.ReadAsStringAsync());
        var badScoreHtml = await badScore.Content.ReadAsStringAsync();
        Assert.Contains("新得分须为 0–100 之间的数字", badScoreHtml);
        Assert.Contains(">补计一次抽查</textarea>", badScoreHtml);
        Assert.Contains("value=\"101\"", badScoreHtml);

        var upheld = await admin.PostFormAsync(Page, $"decide-{west}", new() { ["decision"] = "uphold", ["note"] = "抽查记录无误" });
        var amended = await admin.PostFormAsync(Page, $"decide-{north}", new() { ["decision"] = "amend", ["note"] = "补计一次抽查", ["score"] = "95.5" });
        var again = await admin.PostFormAsync(Page, $"decide-{west}", new() { ["decision"] = "amend", ["note"] = "改主意了", ["score"] = "99" });

        Assert.Equal(HttpStatusCode.Redirect, upheld.StatusCode);
        Assert.Equal($"/admin/appeals?decided={west}", upheld.RedirectPath());
        Assert.Equal(HttpStatusCode.Redirect, amended.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("该申诉已处理", await again.Content.ReadAsStringAsync());
        var appeals = await factory.WithDbAsync(db => db.RankingAppeals.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([(AppealStatus.Upheld, "抽查记录无误", (double?)null), (AppealStatus.Amended, "补计一次抽查", 95.5)],
            appeals.Select(a => (a.Status, a.Decision!, a.AmendedScore)));
        var periodId = november;
        var latest = await factory.WithDbAsync(db => db.RankingPublications.AsNoTracking().Where(p => p.PeriodId == periodId).OrderByDescending(p => p.Revision).FirstAsync());
        Assert.Equal(3, latest.Revision);
        Assert.Equal(95.5, latest.Entries.Single(e => e.TargetId == targets[(11, "北区安保班")]).Score);
        Assert.Equal(novemberPublication, appeals[0].PublicationId);

        var decided = await admin.GetStringAsync(Page);
        Assert.Contains("暂无待处理的申诉", decided);
        Assert.Contains("新得分 95.5", decided);
        Assert.DoesNotContain("href=\"/admin/appeals\"", await admin.GetStringAsync("/rankings?month=2025-11"));
    }
}
