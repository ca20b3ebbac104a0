using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Account;

public class SetupTests : IAsyncLifetime
{
    private readonly LmsFactory factory = new() { EmptyDatabase = true };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => factory.DisposeAsync();

    [Fact]
    public async Task EmptyDatabase_SignInPage_LeadsToSetup()
    {
        var response = await factory.CreateSessionClient().GetAsync("/account/signin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup", response.RedirectPath());
    }

    [Fact]
    public async Task Setup_OnEmptyDatabase_CreatesTheFirstAdministratorWhoCanSignIn()
    {
        var client = factory.CreateSessionClient();

        var response = await client.PostFormAsync("/setup", "setup", SetupForm("A1", "张管理"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/signin", response.RedirectPath());
        Assert.Equal(["A1"], await AdministratorsAsync());
        Assert.Equal("/", (await client.SignInAsync("A1", "first-admin-2026")).RedirectPath());
    }

    [Fact]
    public async Task Setup_MismatchedPasswords_ShowsTheErrorAndCreatesNobody()
    {
        var form = SetupForm("A1", "张管理");
        form["Input.ConfirmPassword"] = "something-else-1";

        var response = await factory.CreateSessionClient().PostFormAsync("/setup", "setup", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("两次输入的密码不一致", await response.Content.ReadAsStringAsync());
        Assert.Empty(await AdministratorsAsync());
    }

    [Fact]
    public async Task Setup_Twice_SecondAttemptCreatesNoOne()
    {
        var client = factory.CreateSessionClient();
        await client.PostFormAsync("/setup", "setup", SetupForm("A1", "张管理"));

        var second = await client.PostFormAsync("/setup", "setup", SetupForm("EVIL", "冒名者"));

        Assert.NotEqual(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(["A1"], await AdministratorsAsync());
        Assert.Null(await factory.FindPersonAsync("EVIL"));
        Assert.Contains("首位管理员已设置完成", await client.GetStringAsync("/setup"));
    }

    [Fact]
    public async Task Setup_AfterEveryAdministratorIsGone_StaysClosed()
    {
        var client = factory.CreateSessionClient();
        await client.PostFormAsync("/setup", "setup", SetupForm("A1", "张管理"));
        await factory.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<Person>>();
            return await users.RemoveFromRoleAsync((await users.FindByNameAsync("A1"))!, Roles.Admin);
        });

        // A fresh process, as after a restart: nothing cached.
        await using var restarted = factory.WithWebHostBuilder(_ => { });
        var page = await restarted.CreateClient().GetStringAsync("/setup");

        Assert.Contains("首位管理员已设置完成", page);
        Assert.Empty(await AdministratorsAsync());
    }

    private static Dictionary<string, string> SetupForm(string number, string name) => new()
    {
        ["Input.CompanyName"] = "锦绣物业",
        ["Input.EmployeeNumber"] = number,
        ["Input.FullName"] = name,
        ["Input.Password"] = "first-admin-2026",
        ["Input.ConfirmPassword"] = "first-admin-2026",
    };

    private Task<List<string>> AdministratorsAsync() => factory.WithScopeAsync(async services =>
        (await services.GetRequiredService<UserManager<Person>>().GetUsersInRoleAsync(Roles.Admin)).Select(p => p.UserName!).ToList());
}
