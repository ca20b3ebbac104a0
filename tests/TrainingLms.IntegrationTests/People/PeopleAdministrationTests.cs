using System.Net;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.People;

/// <summary>The administrator's person page, driven over HTTP.</summary>
public class PeopleAdministrationTests(LmsFactory factory) : IClassFixture<LmsFactory>
{
    [Fact]
    public async Task Create_HalfFilledForm_ShowsErrorsAndKeepsWhatWasTyped()
    {
        var client = await factory.AdministratorClientAsync();

        var response = await client.PostFormAsync("/admin/people/new", "person", new()
        {
            ["Input.EmployeeNumber"] = "N100",
            ["Input.FullName"] = "",
            ["Input.Phone"] = "13812345678",
            ["Input.IsEmployee"] = "true",
            ["Input.Password"] = "welcome2026",
        });

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请输入姓名", page);
        Assert.Contains("value=\"13812345678\"", page);
        Assert.Null(await factory.FindPersonAsync("N100"));
    }

    [Fact]
    public async Task Create_ValidForm_CreatesPersonWhoMustChangePassword()
    {
        var client = await factory.AdministratorClientAsync();

        var response = await client.PostFormAsync("/admin/people/new", "person", new()
        {
            ["Input.EmployeeNumber"] = "N200",
            ["Input.FullName"] = "陈晓",
            ["Input.Phone"] = "138 1234 5600",
            ["Input.IsEmployee"] = "true",
            ["Input.IsClassLeader"] = "true",
            ["Input.Password"] = "welcome2026",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var person = await factory.FindPersonAsync("N200");
        Assert.Equal(("陈晓", "13812345600", true), (person!.FullName, person.PhoneNumber, person.MustChangePassword));
        var newcomer = factory.CreateSessionClient();
        await newcomer.SignInAsync("N200", "welcome2026");
        Assert.Equal("/account/password", (await newcomer.GetAsync("/")).RedirectPath());
    }

    [Fact]
    public async Task Create_DuplicateEmployeeNumber_IsRefused()
    {
        await factory.CreatePersonAsync("N300", [Roles.Employee]);
        var client = await factory.AdministratorClientAsync();

        var response = await client.PostFormAsync("/admin/people/new", "person", new()
        {
            ["Input.EmployeeNumber"] = "n300",
            ["Input.FullName"] = "重复",
            ["Input.IsEmployee"] = "true",
            ["Input.Password"] = "welcome2026",
        });

        Assert.Contains("该工号已被其他人员使用", await response.Content.ReadAsStringAsync());
        Assert.Equal("测试N300", (await factory.FindPersonAsync("N300"))!.FullName);
    }

    [Fact]
    public async Task Deactivate_FromThePersonPage_StopsSignInButKeepsThePerson()
    {
        var id = await factory.CreatePersonAsync("N400", [Roles.Employee]);
        var client = await factory.AdministratorClientAsync();

        var response = await client.PostFormAsync($"/admin/people/{id}", "person-status", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var person = await factory.FindPersonAsync("N400");
        Assert.False(person!.IsActive);
        Assert.NotNull(person.DeactivatedAtUtc);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateSessionClient().SignInAsync("N400")).StatusCode);
    }

    [Fact]
    public async Task Deactivate_LastAdministrator_IsRefused()
    {
        var admin = await factory.FindPersonAsync(LmsFactory.AdministratorNumber);
        var client = await factory.AdministratorClientAsync();

        var response = await client.PostFormAsync($"/admin/people/{admin!.Id}", "person-status", []);

        Assert.Contains("不能停用最后一位在职管理员", await response.Content.ReadAsStringAsync());
        Assert.True((await factory.FindPersonAsync(LmsFactory.AdministratorNumber))!.IsActive);
    }

    [Fact]
    public async Task PeopleList_Search_FindsByNameAndPhone()
    {
        await factory.CreatePersonAsync("N500", [Roles.Employee], phone: "13955550500");
        var client = await factory.AdministratorClientAsync();

        var byPhone = await client.GetStringAsync("/admin/people?q=1395555");
        var byNumber = await client.GetStringAsync("/admin/people?q=n500");
        var byWildcard = await client.GetStringAsync("/admin/people?q=%25");

        Assert.Contains("测试N500", byPhone);
        Assert.Contains("测试N500", byNumber);
        Assert.DoesNotContain("测试N500", byWildcard);
        Assert.DoesNotContain("管理员", (await client.GetStringAsync("/admin/people?q=N500")).Split("<tbody>").Last());
    }
}
