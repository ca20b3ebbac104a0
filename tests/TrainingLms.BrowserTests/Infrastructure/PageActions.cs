using Microsoft.Playwright;
using TrainingLms.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TrainingLms.BrowserTests.Infrastructure;

public static class PageActions
{
    /// <summary>Chooses the language with the switcher in the app bar, as a person would.</summary>
    public static async Task ChooseLanguageAsync(this IPage page, string culture)
    {
        await page.Locator($".language-switcher button[value='{culture}']").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>A new page <paramref name="width"/> px wide, signed in as <paramref name="identifier"/>, in <paramref name="culture"/>.</summary>
    public static async Task<IPage> SignedInPageAsync(this BrowserFixture fixture, string identifier, int width, string culture = "zh-CN")
    {
        var page = await fixture.NewPageAsync(width);
        await page.GotoAsync("/account/signin");
        if (culture != "zh-CN") await page.ChooseLanguageAsync(culture);
        await page.SignInAsync(identifier);
        return page;
    }

    /// <summary>
    /// Like <see cref="SignedInPageAsync"/>, but from the cookies of an earlier sign-in with the same account and
    /// language where there is one: signing in again proves nothing to a test that only looks at a page.
    /// </summary>
    public static async Task<IPage> ReusingSignInPageAsync(this BrowserFixture fixture, string identifier, int width, string culture)
    {
        if (fixture.SignIns.TryGetValue((identifier, culture), out var cookies)) return await fixture.NewPageAsync(width, cookies);
        var page = await fixture.SignedInPageAsync(identifier, width, culture);
        fixture.SignIns[(identifier, culture)] = await page.Context.StorageStateAsync();
        return page;
    }

    public static async Task SignInAsync(this IPage page, string identifier, string password = LmsFactory.Password)
    {
        await page.FillAsync("#identifier", identifier);
        await page.FillAsync("#password", password);
        await page.Locator("form[action^='/account/signin'] button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>True when nothing sticks out sideways: the page needs no horizontal scrolling.</summary>
    public static Task<bool> FitsTheScreenAsync(this IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    /// <summary>
    /// Opens <paramref name="path"/> signed in as <paramref name="account"/> at a width and language, checks that it
    /// answers 200 with a heading and needs no sideways scrolling, and saves a screenshot under <paramref name="screenshot"/>.
    /// </summary>
    public static async Task PageFitsAsync(this BrowserFixture fixture, string account, string path, int width, string culture, string screenshot)
    {
        var page = await fixture.ReusingSignInPageAsync(account, width, culture);

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        Assert.Equal(path.Split('?')[0], new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        Assert.True(await page.FitsTheScreenAsync(), $"{path} scrolls sideways at {width} px in {culture}");
        await page.ScreenshotAsync(fixture, screenshot);
        await page.Context.CloseAsync();
    }

    public static Task ScreenshotAsync(this IPage page, BrowserFixture fixture, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotFolder, name + ".png"), FullPage = true });
}
