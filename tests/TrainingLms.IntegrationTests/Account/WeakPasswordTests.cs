using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.IntegrationTests.People;
using TrainingLms.Web.Features.People.Import;

namespace TrainingLms.IntegrationTests.Account;

/// <summary>Easily guessed passwords are refused wherever a password is set, each with its own message.</summary>
public class WeakPasswordTests(LmsFactory factory) : IClassFixture<LmsFactory>
{
    public static TheoryData<string, string, string> Refused => new()
    {
        { "W101", "password123", "该密码属于最常见的密码" },
        { "W102", "iloveyou1", "该密码属于最常见的密码" },
        { "W103", "xw103-spring9", "密码不能包含工号" },
        { "W104", "me+13912340104", "密码不能包含手机号" },
        { "W105", "139-1234-0105a", "密码不能包含手机号" },
        { "W106", "abc1234", "密码长度至少为 8 位" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ChangePassword_WeakNewPassword_RefusedWithItsMessage_OldPasswordStillWorks(string number, string weak, string message)
    {
        await factory.CreatePersonAsync(number, [Roles.Employee], phone: "139123401" + number[^2..]);
        var client = await factory.SignedInAsync(number);

        var response = await client.PostFormAsync("/account/password", "password", new()
        {
            ["Input.CurrentPassword"] = LmsFactory.Password,
            ["Input.NewPassword"] = weak,
            ["Input.ConfirmPassword"] = weak,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal("/", (await factory.CreateSessionClient().SignInAsync(number)).RedirectPath());
    }

    [Fact]
    public async Task ChangePassword_StrongEnough_IsAccepted()
    {
        await factory.CreatePersonAsync("W110", [Roles.Employee], phone: "13912340110");
        var client = await factory.SignedInAsync("W110");

        var response = await client.PostFormAsync("/account/password", "password", new()
        {
            ["Input.CurrentPassword"] = LmsFactory.Password,
            ["Input.NewPassword"] = "lotus-pond-2027",
            ["Input.ConfirmPassword"] = "lotus-pond-2027",
        });

        Assert.Contains("密码已修改", await response.Content.ReadAsStringAsync());
        Assert.Equal("/", (await factory.CreateSessionClient().SignInAsync("W110", "lotus-pond-2027")).RedirectPath());
    }

    [Theory]
    [InlineData("C201", "password123", "该密码属于最常见的密码")]
    [InlineData("C202", "xc202-spring9", "密码不能包含工号")]
    [InlineData("C203", "me+13912340203", "密码不能包含手机号")]
    [InlineData("C204", "abc1234", "密码长度至少为 8 位")]
    public async Task AdministratorCreate_WeakInitialPassword_RefusedWithItsMessage(string number, string weak, string message)
    {
        var administrator = await factory.AdministratorClientAsync();

        var response = await administrator.PostFormAsync("/admin/people/new", "person", new()
        {
            ["Input.EmployeeNumber"] = number,
            ["Input.FullName"] = "新人",
            ["Input.Phone"] = "139123402" + number[^2..],
            ["Input.IsEmployee"] = "true",
            ["Input.Password"] = weak,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Null(await factory.FindPersonAsync(number));
    }

    [Fact]
    public async Task AdministratorCreate_TheDemoPassword_IsAccepted()
    {
        var administrator = await factory.AdministratorClientAsync();

        var response = await administrator.PostFormAsync("/admin/people/new", "person", new()
        {
            ["Input.EmployeeNumber"] = "W120",
            ["Input.FullName"] = "新人",
            ["Input.IsEmployee"] = "true",
            ["Input.Password"] = LmsFactory.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(await factory.FindPersonAsync("W120"));
    }

    [Theory]
    [InlineData("W131", "12345678", "该密码属于最常见的密码")]
    [InlineData("W132", "w132-temporary1", "密码不能包含工号")]
    [InlineData("W133", "x13912340133", "密码不能包含手机号")]
    public async Task AdministratorReset_WeakPassword_RefusedWithItsMessage(string number, string weak, string message)
    {
        var personId = await factory.CreatePersonAsync(number, [Roles.Employee], phone: "139123401" + number[^2..]);
        var administrator = await factory.AdministratorClientAsync();

        var response = await administrator.PostFormAsync($"/admin/people/{personId}", "reset-password", new() { ["Reset.NewPassword"] = weak });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal("/", (await factory.CreateSessionClient().SignInAsync(number)).RedirectPath());
    }

    [Theory]
    // A service called outside a request speaks English.
    [InlineData("qwerty123", "one of the most common")]
    [InlineData("start-w141-go", "must not contain the employee number")]
    public async Task Import_WeakInitialPassword_NothingImported_ProblemNamed(string weak, string message)
    {
        var csv = PeopleCsvFile.Utf8WithBom([PeopleCsvFile.Row("W140", "甲", "13912340140"), PeopleCsvFile.Row("W141", "乙", "13912340141")]);

        var outcome = await factory.WithScopeAsync(services => services.GetRequiredService<PeopleImporter>()
            .ImportAsync(csv, "员工名单.csv", new ImportSettings(CreateMissing: true, InitialPassword: weak, CheckOnly: false), importedById: null));

        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.PasswordProblems, problem => problem.Contains(message, StringComparison.Ordinal));
        Assert.Null(await factory.FindPersonAsync("W141"));
    }
}
