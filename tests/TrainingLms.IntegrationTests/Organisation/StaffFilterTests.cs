using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain;
using TrainingLms.Domain.Drills;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.ShiftReviews;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.IntegrationTests.ShiftReviews;
using TrainingLms.Web.Features.ShiftReviews;

namespace TrainingLms.IntegrationTests.Organisation;

/// <summary>One site of own and contractor staff, set up once: the filter tests only read it.</summary>
public sealed class StaffFilterCompany : IAsyncLifetime
{
    public ShiftReviewsFactory Factory { get; } = new();
    public int SiteId { get; private set; }
    public int ContractorId { get; private set; }
    public int OtherContractorId { get; private set; }

    // Own staff: the customer-service team; contractor staff: the cleaning team of 洁美. Numbers are not substrings of each other.
    public static readonly string[] Own = ["OWNLD", "OWNA1"];
    public static readonly string[] Contracted = ["EXTLD", "EXTB1"];

    public async ValueTask InitializeAsync()
    {
        SiteId = await Factory.CreateSiteAsync("SF");
        var own = await Factory.CreateTeamAsync(SiteId, "自有客服班", Own[0], null, Own[1]);
        var contracted = await Factory.CreateTeamAsync(SiteId, "外包保洁班", Contracted[0], null, Contracted[1]);
        (ContractorId, OtherContractorId) = await Factory.WithDbAsync(async db =>
        {
            var contractor = new ContractorCompany { Name = "洁美保洁服务公司" };
            var other = new ContractorCompany { Name = "绿源环境公司" };
            var post = new Position { Name = "保洁员", LineOfWork = LineOfWork.Cleaning };
            db.AddRange(contractor, other, post);
            await db.SaveChangesAsync();
            // A course the post requires and nobody has done: everyone on it is on the clearance board as not cleared.
            db.ClearanceRequirements.Add(new ClearanceRequirement { PositionId = post.Id, Kind = RequirementKind.Course, Slug = "not-done-yet" });
            await db.SaveChangesAsync();
            string[] everyone = [.. Own, .. Contracted];
            await db.Users.Where(p => everyone.Contains(p.UserName!)).ExecuteUpdateAsync(s => s.SetProperty(p => p.PositionId, post.Id));
            await db.Users.Where(p => Contracted.Contains(p.UserName!)).ExecuteUpdateAsync(s => s.SetProperty(p => p.ContractorCompanyId, contractor.Id));
            return (contractor.Id, other.Id);
        });
        var yesterday = SiteTime.Today(Factory.Clock.UtcNow, null).AddDays(-1);
        foreach (var team in new[] { own, contracted })
        {
            await Factory.WithScopeAsync(services => services.GetRequiredService<ReviewFiling>().FileAsync(team.LeaderId, team.TeamId, new ReviewInput
            {
                ShiftDate = yesterday, ShiftKey = ShiftCalendar.DailyKey, WentWellPoints = EtiquettePoint.Smile, FellShort = "无",
            }));
        }
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// The staff filter (all / own staff / one contractor company, <c>?contractor=</c>) on the oversight pages and their
/// exports: each shows only the chosen staff, and a hand-edited value shows everyone instead of failing.
/// </summary>
public class StaffFilterTests(StaffFilterCompany company) : IClassFixture<StaffFilterCompany>
{
    private static readonly string[] Own = StaffFilterCompany.Own;
    private static readonly string[] Contracted = StaffFilterCompany.Contracted;

    private static readonly string[] PersonPages = ["/admin/people?", "/clearance?site={site}&", "/clearance/export.csv?site={site}&"];
    private static readonly string[] TeamPages = ["/reviews/oversight?", "/reviews/export.csv?"];

    [Fact]
    public async Task PersonPagesAndExports_OwnStaff_ShowOnlyOwnStaff_AContractor_OnlyItsStaff()
    {
        var admin = await company.Factory.AdministratorClientAsync();
        foreach (var page in PersonPages)
        {
            var path = page.Replace("{site}", company.SiteId.ToString());
            var own = await admin.GetStringAsync(path + "contractor=own");
            var contracted = await admin.GetStringAsync(path + $"contractor={company.ContractorId}");
            var other = await admin.GetStringAsync(path + $"contractor={company.OtherContractorId}");
            var everyone = await admin.GetStringAsync(path + "contractor=");

            Shows.Only(own, Own, Contracted, path);
            Shows.Only(contracted, Contracted, Own, path);
            Shows.Only(other, [], [.. Own, .. Contracted], path);
            Shows.Only(everyone, [.. Own, .. Contracted], [], path);
            // Each person's employer is a column of the page and of the export.
            var csv = path.Contains(".csv", StringComparison.Ordinal);
            Assert.Contains(csv ? ",洁美保洁服务公司," : "data-label=\"所属单位\">洁美保洁服务公司</td>", contracted);
            Assert.Contains(csv ? ",本公司员工," : "data-label=\"所属单位\">本公司员工</td>", own);
        }
    }

    [Fact]
    public async Task ShiftReviewOversightAndExport_OwnStaff_ShowTheOwnTeam_AContractor_ItsTeam()
    {
        var admin = await company.Factory.AdministratorClientAsync();
        foreach (var path in TeamPages)
        {
            var own = await admin.GetStringAsync(path + "contractor=own");
            var contracted = await admin.GetStringAsync(path + $"contractor={company.ContractorId}");
            var other = await admin.GetStringAsync(path + $"contractor={company.OtherContractorId}");
            var everyone = await admin.GetStringAsync(path);

            Shows.Only(own, ["自有客服班"], ["外包保洁班"], path);
            Shows.Only(contracted, ["外包保洁班"], ["自有客服班"], path);
            Shows.Only(other, [], ["自有客服班", "外包保洁班"], path);
            Shows.Only(everyone, ["自有客服班", "外包保洁班"], [], path);
        }
        // The pages' export links carry the filter.
        Assert.Matches("/reviews/export\\.csv\\?[^\"]*contractor=own\"", await admin.GetStringAsync("/reviews/oversight?contractor=own"));
        Assert.Matches("/clearance/export\\.csv\\?[^\"]*contractor=own\"", await admin.GetStringAsync($"/clearance?site={company.SiteId}&contractor=own"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("99999")]
    [InlineData("2147483648")]
    [InlineData("own' OR 1=1 --")]
    [InlineData("%00")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("１")]
    public async Task EveryFilteredPage_HostileValue_IsIgnored_NotAFailure(string value)
    {
        var admin = await company.Factory.AdministratorClientAsync();
        var query = "contractor=" + Uri.EscapeDataString(value);
        foreach (var page in PersonPages.Concat(TeamPages).Append("/courses/overdue?").Append("/reviews/export.xlsx?"))
        {
            var response = await admin.GetAsync(page.Replace("{site}", company.SiteId.ToString()) + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (page.EndsWith("xlsx?", StringComparison.Ordinal) || page.StartsWith("/courses", StringComparison.Ordinal)) continue;
            var body = await response.Content.ReadAsStringAsync();
            Shows.Only(body, page.StartsWith("/reviews", StringComparison.Ordinal) ? ["自有客服班", "外包保洁班"] : [.. Own, .. Contracted], [], page);
            Assert.DoesNotContain("<script>alert(1)", body);
        }
        var longValue = await admin.GetAsync("/admin/people?contractor=" + new string('9', 4000));
        Assert.Equal(HttpStatusCode.OK, longValue.StatusCode);
    }
}
