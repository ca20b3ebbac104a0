using TrainingLms.Web.Infrastructure;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.ShiftReviews;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.ShiftReviews;

namespace TrainingLms.IntegrationTests.ShiftReviews;

/// <summary>Trends, search and exports: each shows only the teams the viewer oversees.</summary>
public class ReviewOversightPagesTests : IAsyncLifetime
{
    private readonly ShiftReviewsFactory factory = new();
    private TeamSetUp east = default!;
    private TeamSetUp west = default!;
    private int westSite;

    public async ValueTask InitializeAsync()
    {
        var eastSite = await factory.CreateSiteAsync("E");
        east = await factory.CreateTeamAsync(eastSite, "东区客服班", "L300", null, "E301");
        westSite = await factory.CreateSiteAsync("W");
        west = await factory.CreateTeamAsync(westSite, "西区客服班", "L310", null, "E311");
        await factory.CreatePersonAsync("M320", [Roles.Employee, Roles.Manager]);
        await factory.WithDbAsync(db => db.Users.Where(p => p.UserName == "M320").ExecuteUpdateAsync(p => p.SetProperty(x => x.SiteId, eastSite)));
        var today = SiteTime.Today(factory.Clock.UtcNow, null);
        for (var i = 1; i <= 6; i++)
        {
            await FileAsync(east, today.AddDays(-i), EtiquettePoint.Rise | (i % 2 == 0 ? EtiquettePoint.Greet : 0), "东区：访客到前台时未起身" + i);
            await FileAsync(west, today.AddDays(-i), EtiquettePoint.Hygiene, "西区：地面有积水" + i);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private Task<Outcome<FilingStatus>> FileAsync(TeamSetUp team, DateOnly date, EtiquettePoint fellShort, string text) =>
        factory.WithScopeAsync(services => services.GetRequiredService<ReviewFiling>().FileAsync(team.LeaderId, team.TeamId, new ReviewInput
        {
            ShiftDate = date, ShiftKey = ShiftCalendar.DailyKey, FellShortPoints = fellShort, FellShort = text, WentWellPoints = EtiquettePoint.Smile,
        }));

    [Fact]
    public async Task Trends_CountTheTeamsShortcomings_OtherTeamsLeaderIsRefused()
    {
        var trend = await (await factory.SignedInAsync("M320")).GetStringAsync($"/reviews/teams/{east.TeamId}/trends");
        var refused = await (await factory.SignedInAsync("L310")).GetAsync($"/reviews/teams/{east.TeamId}/trends");

        Assert.Contains("最常见的不足", trend);
        Assert.Matches("起身</span>\\s*<span class=\"bar pct-100\"></span>\\s*<span class=\"count\">6</span>", trend);
        Assert.Matches("问好</span>\\s*<span class=\"bar pct-50\"></span>\\s*<span class=\"count\">3</span>", trend);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Search_FindsReviewText_OnlyInTheManagersSite()
    {
        var manager = await factory.SignedInAsync("M320");

        var found = await manager.GetStringAsync("/reviews/search?q=" + Uri.EscapeDataString("未起身"));
        var hidden = await manager.GetStringAsync("/reviews/search?q=" + Uri.EscapeDataString("积水"));

        Assert.Contains("东区：访客到前台时未起身3", found);
        Assert.DoesNotContain("积水", hidden.Replace("value=\"积水\"", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_CsvAndXlsx_ManagersSiteOnly_ClassLeaderRefused()
    {
        var manager = await factory.SignedInAsync("M320");

        var csv = await manager.GetAsync("/reviews/export.csv");
        var xlsx = await manager.GetAsync("/reviews/export.xlsx");
        var leader = await (await factory.SignedInAsync("L300")).GetAsync("/reviews/export.csv");

        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(7, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("东区：访客到前台时未起身1", text);
        Assert.DoesNotContain("西区", text);
        var workbook = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), workbook[..2]);
        Assert.Equal(HttpStatusCode.Forbidden, leader.StatusCode);
    }

    [Fact]
    public async Task Export_Xlsx_HoldsTheManagersSiteReviewsInColumns()
    {
        var manager = await factory.SignedInAsync("M320");

        var response = await manager.GetAsync("/reviews/export.xlsx");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var rows = await XlsxRowsAsync(response);
        Assert.Equal(6, rows.Count);
        Assert.All(rows, row => Assert.Equal(("项目E", "东区客服班"), ((string)row["项目"]!, (string)row["班组"]!)));
        Assert.Contains(rows, row => (string)row["不足之处"]! == "东区：访客到前台时未起身1");
        Assert.Contains(rows, row => ((string)row["不足要点"]!).Contains("起身", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, row => row.Values.Any(v => v?.ToString()?.Contains("西区", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task Export_ManagerAskingForAnotherSite_GetsNoRows()
    {
        var manager = await factory.SignedInAsync("M320");

        var csv = await (await manager.GetAsync($"/reviews/export.csv?site={westSite}")).Content.ReadAsStringAsync();
        var xlsx = await XlsxRowsAsync(await manager.GetAsync($"/reviews/export.xlsx?site={westSite}"));

        Assert.Single(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)); // the header only
        Assert.Empty(xlsx);
    }

    [Fact]
    public async Task Export_FormulaInReviewText_IsNeutralisedInTheCsv()
    {
        await FileAsync(east, SiteTime.Today(factory.Clock.UtcNow, null), EtiquettePoint.Smile, "=HYPERLINK(\"http://evil.example\",\"点我\")");

        var csv = await (await (await factory.SignedInAsync("M320")).GetAsync("/reviews/export.csv")).Content.ReadAsStringAsync();

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\"", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
    }

    [Fact]
    public async Task Export_RangeLongerThanAYear_IsCutTo366Days_NotToAMonth()
    {
        var today = SiteTime.Today(factory.Clock.UtcNow, null);
        await factory.WithDbAsync(db =>
        {
            db.ShiftReviews.Add(new ShiftReview
            {
                TeamId = east.TeamId, ShiftDate = today.AddDays(-200), ShiftKey = ShiftCalendar.DailyKey, SubmissionKey = Guid.NewGuid(),
                FiledById = east.LeaderId, FiledAtUtc = factory.Clock.UtcNow.AddDays(-200), UpdatedAtUtc = factory.Clock.UtcNow.AddDays(-200),
                FellShort = "两百天前的讲评", FellShortPoints = EtiquettePoint.Greet,
            });
            db.ShiftReviews.Add(new ShiftReview
            {
                TeamId = east.TeamId, ShiftDate = today.AddDays(-400), ShiftKey = ShiftCalendar.DailyKey, SubmissionKey = Guid.NewGuid(),
                FiledById = east.LeaderId, FiledAtUtc = factory.Clock.UtcNow.AddDays(-400), UpdatedAtUtc = factory.Clock.UtcNow.AddDays(-400),
                FellShort = "四百天前的讲评", FellShortPoints = EtiquettePoint.Greet,
            });
            return db.SaveChangesAsync();
        });

        var csv = await (await (await factory.SignedInAsync("M320")).GetAsync($"/reviews/export.csv?from={today.AddYears(-3):yyyy-MM-dd}&to={today:yyyy-MM-dd}")).Content.ReadAsStringAsync();

        Assert.Contains("两百天前的讲评", csv);
        Assert.DoesNotContain("四百天前的讲评", csv);
        Assert.Contains("东区：访客到前台时未起身1", csv);
    }

    [Fact]
    public async Task Grid_Manager_SeesOnlyTheirSitesTeams_EvenAskingForAnotherSite()
    {
        var manager = await factory.SignedInAsync("M320");

        var grid = await manager.GetStringAsync("/reviews/oversight");
        var otherSite = await manager.GetStringAsync($"/reviews/oversight?site={westSite}");

        Assert.Contains("东区客服班", grid);
        Assert.DoesNotContain("西区客服班", grid);
        Assert.DoesNotContain("西区客服班", otherSite);
        Assert.Contains("没有可显示的班组", otherSite);
    }

    private static async Task<List<IDictionary<string, object?>>> XlsxRowsAsync(HttpResponseMessage response)
    {
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>()];
    }
}
