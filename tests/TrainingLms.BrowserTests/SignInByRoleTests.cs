using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrainingLms.BrowserTests.Infrastructure;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Demo;
using static Microsoft.Playwright.Assertions;

namespace TrainingLms.BrowserTests;

[Collection(BrowserCollection.Name)]
public class SignInByRoleTests(BrowserFixture fixture)
{
    public static TheoryData<string, string, int, string> RolesAndLanguages => new()
    {
        { Roles.Admin, "zh-CN", 390, "组织概况" },
        { Roles.Admin, "en-US", 1280, "Organisation" },
        { Roles.Trainer, "zh-CN", 1280, "待培训的新员工" },
        { Roles.Trainer, "en-US", 390, "New hires to train" },
        { Roles.Manager, "zh-CN", 390, "翠湖花园 的班组" },
        { Roles.Manager, "en-US", 1280, "Teams at 翠湖花园" },
        { Roles.ClassLeader, "zh-CN", 390, "我的班组：客服班" },
        { Roles.ClassLeader, "en-US", 1280, "My team: 客服班" },
        { Roles.Employee, "zh-CN", 390, "我的岗位" },
        { Roles.Employee, "en-US", 1280, "My post" },
    };

    [Theory]
    [MemberData(nameof(RolesAndLanguages))]
    public async Task DemoAccount_SignsIn_AndReachesTheirHomePage(string role, string culture, int width, string panelHeading)
    {
        var account = DemoSeeder.Accounts.Single(a => a.Role == role);
        var page = await fixture.NewPageAsync(width);
        await page.GotoAsync("/account/signin");
        if (culture != "zh-CN") await page.ChooseLanguageAsync(culture);

        await page.SignInAsync(account.EmployeeNumber);

        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        await Expect(page.Locator("h1.home-greeting")).ToContainTextAsync(account.FullName);
        await Expect(page.GetByText(panelHeading).First).ToBeVisibleAsync();
        Assert.True(await page.FitsTheScreenAsync(), $"home of {role} at {width}px scrolls sideways");
        await page.ScreenshotAsync(fixture, $"home-{role}-{culture}-{width}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Employee_OpensAnAdministratorPage_SeesNoAccessAt403_OnAPhone()
    {
        var page = await fixture.SignedInPageAsync("E0001", 390);

        var response = await page.GotoAsync("/admin/people");

        Assert.Equal(403, response!.Status);
        await Expect(page).ToHaveURLAsync(new Regex("/admin/people$")); // no redirect: a reload asks again
        await Expect(page.Locator("h1")).ToHaveTextAsync("无权访问");
        await Expect(page.Locator("nav, header").First).ToBeVisibleAsync(); // the app's own layout, with the way home
        Assert.True(await page.FitsTheScreenAsync());
        await page.ScreenshotAsync(fixture, "denied-Employee-390");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WrongPassword_ShowsTheErrorOnAPhone()
    {
        var page = await fixture.NewPageAsync(390);
        await page.GotoAsync("/account/signin");

        await page.SignInAsync("E0001", "not-the-password1");

        await Expect(page.Locator(".validation-errors, .alert-danger").First).ToContainTextAsync("登录失败");
        await Expect(page.Locator("#identifier")).ToHaveValueAsync("E0001");
        await page.Context.CloseAsync();
    }
}
