using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.People;

namespace TrainingLms.IntegrationTests.Organisation;

/// <summary>Sites, teams and positions, created and edited through the administrator's pages.</summary>
public class OrganisationPagesTests(LmsFactory factory) : IClassFixture<LmsFactory>
{
    [Fact]
    public async Task Site_CreatedThenDuplicateCodeRefused()
    {
        var client = await factory.AdministratorClientAsync();

        var created = await client.PostFormAsync("/admin/sites/new", "site", SiteForm("HX", "海心花园"));
        var duplicate = await client.PostFormAsync("/admin/sites/new", "site", SiteForm("hx", "另一个项目"));

        Assert.Equal(("/admin/sites"), created.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("已被使用", await duplicate.Content.ReadAsStringAsync());
        var sites = await QueryAsync(db => db.Sites.Where(s => s.Code == "HX" || s.Code == "hx").Select(s => s.Name).ToListAsync());
        Assert.Equal(["海心花园"], sites);
    }

    [Fact]
    public async Task Site_UnknownTimeZone_IsRefused()
    {
        var client = await factory.AdministratorClientAsync();
        var form = SiteForm("TZ", "时区花园");
        form["Input.TimeZoneId"] = "Mars/Olympus_Mons";

        var response = await client.PostFormAsync("/admin/sites/new", "site", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await QueryAsync(db => db.Sites.CountAsync(s => s.Code == "TZ")));
    }

    [Fact]
    public async Task Team_NamingAClassLeader_GivesThemTheRoleAndTheirRoster()
    {
        var client = await factory.AdministratorClientAsync();
        await client.PostFormAsync("/admin/sites/new", "site", SiteForm("LD", "领班花园"));
        var siteId = await QueryAsync(db => db.Sites.Where(s => s.Code == "LD").Select(s => s.Id).SingleAsync());
        await client.PostFormAsync("/admin/teams/new", "team", TeamForm(siteId, "保洁二班", leaderId: ""));
        var teamId = await QueryAsync(db => db.Teams.Where(t => t.Name == "保洁二班").Select(t => t.Id).SingleAsync());
        var memberId = await factory.CreatePersonAsync("LD01", [Roles.Employee]);
        var input = new PersonInput { EmployeeNumber = "LD01", FullName = "测试LD01", SiteId = siteId, TeamId = teamId, Roles = [Roles.Employee] };
        await factory.WithScopeAsync(services => services.GetRequiredService<PeopleAdministration>().UpdateAsync(memberId, input));

        var saved = await client.PostFormAsync($"/admin/teams/{teamId}", "team", TeamForm(siteId, "保洁二班", memberId));

        Assert.Equal("/admin/teams", saved.RedirectPath());
        Assert.Equal(memberId, await QueryAsync(db => db.Teams.Where(t => t.Id == teamId).Select(t => t.ClassLeaderId).SingleAsync()));
        var leader = factory.CreateSessionClient();
        await leader.SignInAsync("LD01");
        Assert.Contains("我的班组：保洁二班", await leader.GetStringAsync("/"));
    }

    [Fact]
    public async Task Team_LeaderFromAnotherSite_IsRefused()
    {
        var client = await factory.AdministratorClientAsync();
        await client.PostFormAsync("/admin/sites/new", "site", SiteForm("OS", "别处花园"));
        var siteId = await QueryAsync(db => db.Sites.Where(s => s.Code == "OS").Select(s => s.Id).SingleAsync());
        await client.PostFormAsync("/admin/teams/new", "team", TeamForm(siteId, "工程一班", leaderId: ""));
        var teamId = await QueryAsync(db => db.Teams.Where(t => t.Name == "工程一班" && t.SiteId == siteId).Select(t => t.Id).SingleAsync());
        var outsiderId = await factory.CreatePersonAsync("OS99", [Roles.Employee]);

        var response = await client.PostFormAsync($"/admin/teams/{teamId}", "team", TeamForm(siteId, "工程一班", outsiderId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await QueryAsync(db => db.Teams.Where(t => t.Id == teamId).Select(t => t.ClassLeaderId).SingleAsync()));
    }

    [Fact]
    public async Task Team_WithMembers_CannotMoveToAnotherSite()
    {
        var client = await factory.AdministratorClientAsync();
        await client.PostFormAsync("/admin/sites/new", "site", SiteForm("MA", "搬迁甲"));
        await client.PostFormAsync("/admin/sites/new", "site", SiteForm("MB", "搬迁乙"));
        var (fromId, toId) = await QueryAsync(async db => (
            await db.Sites.Where(s => s.Code == "MA").Select(s => s.Id).SingleAsync(),
            await db.Sites.Where(s => s.Code == "MB").Select(s => s.Id).SingleAsync()));
        await client.PostFormAsync("/admin/teams/new", "team", TeamForm(fromId, "绿化三班", leaderId: ""));
        var teamId = await QueryAsync(db => db.Teams.Where(t => t.Name == "绿化三班").Select(t => t.Id).SingleAsync());
        var memberId = await factory.CreatePersonAsync("MA01", [Roles.Employee]);
        var input = new PersonInput { EmployeeNumber = "MA01", FullName = "测试MA01", SiteId = fromId, TeamId = teamId, Roles = [Roles.Employee] };
        await factory.WithScopeAsync(services => services.GetRequiredService<PeopleAdministration>().UpdateAsync(memberId, input));

        var response = await client.PostFormAsync($"/admin/teams/{teamId}", "team", TeamForm(toId, "绿化三班", leaderId: ""));

        Assert.Contains("班组还有成员，不能换到其他项目", await response.Content.ReadAsStringAsync());
        Assert.Equal(fromId, await QueryAsync(db => db.Teams.Where(t => t.Id == teamId).Select(t => t.SiteId).SingleAsync()));
    }

    [Fact]
    public async Task Position_RecordsWhetherItFacesCustomersAndHasAConcentratedShift()
    {
        var client = await factory.AdministratorClientAsync();

        await client.PostFormAsync("/admin/positions/new", "position", new()
        {
            ["Input.Name"] = "夜班秩序员",
            ["Input.LineOfWork"] = nameof(LineOfWork.Security),
            ["Input.FacesCustomers"] = "true",
            ["Input.HasConcentratedShift"] = "true",
        });
        await client.PostFormAsync("/admin/positions/new", "position", new()
        {
            ["Input.Name"] = "苗木养护工",
            ["Input.LineOfWork"] = nameof(LineOfWork.Greening),
        });

        var positions = await QueryAsync(db => db.Positions.OrderBy(p => p.Name)
            .Where(p => p.Name == "夜班秩序员" || p.Name == "苗木养护工")
            .Select(p => new { p.Name, p.LineOfWork, p.FacesCustomers, p.HasConcentratedShift }).ToListAsync());
        Assert.Contains(new { Name = "夜班秩序员", LineOfWork = LineOfWork.Security, FacesCustomers = true, HasConcentratedShift = true }, positions);
        Assert.Contains(new { Name = "苗木养护工", LineOfWork = LineOfWork.Greening, FacesCustomers = false, HasConcentratedShift = false }, positions);
    }

    private static Dictionary<string, string> SiteForm(string code, string name) => new()
    {
        ["Input.Code"] = code,
        ["Input.Name"] = name,
        ["Input.Address"] = "",
        ["Input.TimeZoneId"] = "Asia/Shanghai",
    };

    private static Dictionary<string, string> TeamForm(int siteId, string name, string leaderId) => new()
    {
        ["Input.SiteId"] = siteId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Name"] = name,
        ["Input.LineOfWork"] = nameof(LineOfWork.Cleaning),
        ["Input.ClassLeaderId"] = leaderId,
    };

    private Task<T> QueryAsync<T>(Func<LmsDbContext, Task<T>> query) =>
        factory.WithScopeAsync(services => query(services.GetRequiredService<LmsDbContext>()));
}
