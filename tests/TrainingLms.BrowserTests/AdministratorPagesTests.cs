using System.Text.RegularExpressions;
using TrainingLms.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TrainingLms.BrowserTests;

/// <summary>The administrator's pages on a phone and on a desktop: they render, fit the screen, and are photographed.</summary>
[Collection(BrowserCollection.Name)]
public class AdministratorPagesTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task AdministratorPages_FitTheScreen(int width)
    {
        var page = await fixture.NewPageAsync(width);
        await page.GotoAsync("/account/signin");
        await page.ScreenshotAsync(fixture, $"signin-{width}");
        Assert.True(await page.FitsTheScreenAsync(), "sign-in page scrolls sideways");
        await page.SignInAsync("A0001");

        foreach (var (path, name, expected) in new[]
        {
            ("/admin/people", "people", "人员"),
            ("/admin/people?q=陈", "people-search", "陈丽"),
            ("/admin/people/import", "import", "导入人员"),
            ("/admin/sites", "sites", "翠湖花园"),
            ("/admin/teams", "teams", "客服班"),
            ("/admin/positions", "positions", "客服前台"),
            ("/admin/contractors", "contractors", "洁美保洁服务有限公司"),
            ("/admin/people?contractor=own", "people-own-staff", "本公司员工"),
            ("/clearance?contractor=own", "clearance-own-staff", "本公司员工"),
        })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("main")).ToContainTextAsync(expected);
            Assert.True(await page.FitsTheScreenAsync(), $"{path} scrolls sideways at {width}px");
            await page.ScreenshotAsync(fixture, $"{name}-{width}");
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_CreatesAPersonOnAPhone_WhoThenSignsIn()
    {
        var page = await fixture.SignedInPageAsync("A0001", 390);
        await page.GotoAsync("/admin/people/new");

        await page.FillAsync("#number", "B0390");
        await page.FillAsync("#name", "手机新建");
        await page.FillAsync("#phone", "137 0000 0390");
        await page.FillAsync("#initial", "welcome2026");
        await page.Locator("form button[type=submit].btn-primary").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/admin/people/[0-9a-f-]{36}$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("手机新建 (B0390)");
        await page.ScreenshotAsync(fixture, "person-edit-390");

        var newcomer = await fixture.NewPageAsync(390);
        await newcomer.GotoAsync("/account/signin");
        await newcomer.SignInAsync("13700000390", "welcome2026");
        await Expect(newcomer).ToHaveURLAsync(new Regex("/account/password$"));
        await newcomer.Context.CloseAsync();
        await page.Context.CloseAsync();
    }
}
