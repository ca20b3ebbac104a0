using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.People;

namespace TrainingLms.IntegrationTests.Account;

public class SignInTests(LmsFactory factory) : IClassFixture<LmsFactory>
{
    [Theory]
    [InlineData("S100", "S100")]
    [InlineData("S101", "13912340101")]
    [InlineData("S102", "+86 139-1234-0102")]
    [InlineData("S103", "s103@example.com")]
    public async Task SignIn_WithEmployeeNumberPhoneOrEmail_ReachesHome(string employeeNumber, string typed)
    {
        var suffix = employeeNumber[^3..];
        await factory.CreatePersonAsync(employeeNumber, [Roles.Employee], phone: $"13912340{suffix}", email: $"s{suffix}@example.com");
        var client = factory.CreateSessionClient();

        var response = await client.SignInAsync(typed);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.RedirectPath());
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("测试" + employeeNumber, await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorAndNoCookie()
    {
        await factory.CreatePersonAsync("S110", [Roles.Employee]);
        var client = factory.CreateSessionClient();

        var response = await client.SignInAsync("S110", "wrong-password1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("登录失败", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswordsFromOneAddress_EvenTheRightOneMustWait_NoAccountLockout()
    {
        await factory.CreatePersonAsync("S120", [Roles.Employee]);
        var client = factory.CreateSessionClient();

        for (var attempt = 0; attempt < 5; attempt++) await client.SignInAsync("S120", "wrong-password1");
        var withRightPassword = await client.SignInAsync("S120");

        Assert.Equal(HttpStatusCode.TooManyRequests, withRightPassword.StatusCode);
        Assert.Contains("登录尝试次数过多", await withRightPassword.Content.ReadAsStringAsync());
        // Only the counters for this address and identifier wait; Identity's lockout, which a stranger could set off, is unused.
        Assert.Null((await factory.FindPersonAsync("S120"))!.LockoutEnd);
    }

    [Fact]
    public async Task SignIn_DeactivatedPerson_IsRefused()
    {
        var id = await factory.CreatePersonAsync("S130", [Roles.Employee]);
        await factory.WithScopeAsync(services => services.GetRequiredService<PeopleAdministration>().SetActiveAsync(id, active: false));
        var client = factory.CreateSessionClient();

        var response = await client.SignInAsync("S130");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("登录失败", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Deactivation_EndsASessionAlreadyOpen()
    {
        var id = await factory.CreatePersonAsync("S131", [Roles.Employee]);
        var client = factory.CreateSessionClient();
        await client.SignInAsync("S131");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await factory.WithScopeAsync(services => services.GetRequiredService<PeopleAdministration>().SetActiveAsync(id, active: false));
        // The stamp check runs at most once a minute; fast-forwarding is done by forcing the check through the sign-in manager.
        var stillValid = await factory.WithScopeAsync(async services =>
        {
            var signIn = services.GetRequiredService<SignInManager<Person>>();
            var person = await services.GetRequiredService<UserManager<Person>>().FindByIdAsync(id);
            var principal = await signIn.CreateUserPrincipalAsync(person!);
            return await signIn.ValidateSecurityStampAsync(principal);
        });

        Assert.Null(stillValid);
    }

    [Fact]
    public async Task SignOut_WithTheFormToken_EndsTheSession()
    {
        await factory.CreatePersonAsync("S140", [Roles.Employee]);
        var client = factory.CreateSessionClient();
        await client.SignInAsync("S140");

        var response = await client.PostFormAsync("/", "", [], action: "/account/signout");

        Assert.Equal("/account/signin", response.RedirectPath());
        Assert.StartsWith("/account/signin", (await client.GetAsync("/")).RedirectPath());
    }

    [Fact]
    public async Task SignOut_WithoutAToken_IsRefused()
    {
        await factory.CreatePersonAsync("S141", [Roles.Employee]);
        var client = factory.CreateSessionClient();
        await client.SignInAsync("S141");

        var response = await client.PostAsync("/account/signout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }
}
