using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TrainingLms.BrowserTests.Infrastructure;
using TrainingLms.Domain.Clips;
using static Microsoft.Playwright.Assertions;

namespace TrainingLms.BrowserTests;

/// <summary>The demo's Smile Discovery recording of its new hire: she is told, agrees on her phone, and later withdraws.</summary>
[Collection(BrowserCollection.Name)]
public class FilmingConsentTests(BrowserFixture fixture)
{
    private const string Slug = "smile-discovery-cuihu-lobby";

    /// <summary>The demo's new hire, filmed in the lobby; the demo leaves her notice unanswered.</summary>
    private const string Filmed = "E0001";

    /// <summary>The manager of the site she was filmed at, who may see its recordings before they are published.</summary>
    private const string SiteManager = "M0001";

    [Fact]
    public async Task FilmedNewHire_IsToldOnTheHomePage_AgreesOnHerPhone_AndWithdrawsInEnglish()
    {
        var clipId = await fixture.App.WithDbAsync(db => db.Clips.Where(c => c.Slug == Slug).Select(c => c.Id).SingleAsync());
        Assert.Equal(FilmingConsent.Pending, await ConsentAsync(clipId));
        var phone = await fixture.SignedInPageAsync(Filmed, 390);

        await phone.GotoAsync("/");
        var homeNotice = phone.Locator("section.filming-notice");
        await Expect(homeNotice).ToContainTextAsync("有 1 段您出镜的视频等待您答复");
        await phone.ScreenshotAsync(fixture, "consent-home-390");
        await homeNotice.GetByRole(AriaRole.Link, new() { Name = "去答复" }).ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex("/clips/mine$"));
        var recording = phone.Locator("article.recording-of-me", new() { Has = phone.Locator($"a[href='/clips/{clipId}']") });
        await Expect(recording.Locator("[role=status]")).ToContainTextAsync("您尚未答复");
        Assert.True(await phone.FitsTheScreenAsync(), "Recordings of me scrolls sideways at 390 px");
        await phone.ScreenshotAsync(fixture, "consent-mine-waiting-390");

        await recording.GetByRole(AriaRole.Button, new() { Name = "同意展示" }).ClickAsync();

        await Expect(recording.Locator("[role=status]")).ToContainTextAsync("这段视频可以在培训中展示");
        await Expect(recording.GetByRole(AriaRole.Button, new() { Name = "撤回同意" })).ToBeVisibleAsync();
        Assert.Equal(FilmingConsent.Given, await ConsentAsync(clipId));
        await phone.ScreenshotAsync(fixture, "consent-mine-agreed-390");
        await phone.Context.CloseAsync();
        Assert.Equal(200, await StatusForAsync(SiteManager, $"/clips/{clipId}"));

        var desktop = await fixture.SignedInPageAsync(Filmed, 1280, "en-US");
        await desktop.GotoAsync($"/clips/{clipId}");
        var notice = desktop.Locator("section.filming-notice");
        await Expect(notice.Locator("[role=status]")).ToContainTextAsync("You agreed on");
        await notice.GetByRole(AriaRole.Button, new() { Name = "Withdraw my agreement" }).ClickAsync();

        await Expect(notice.Locator("[role=status]")).ToContainTextAsync("You said no on");
        await Expect(desktop).ToHaveURLAsync(new Regex($"/clips/{clipId}$"));
        await Expect(desktop.Locator("video")).ToBeVisibleAsync(); // she still sees herself
        Assert.Equal(FilmingConsent.Withdrawn, await ConsentAsync(clipId));
        await desktop.ScreenshotAsync(fixture, "consent-clip-withdrawn-1280-en");
        await desktop.Context.CloseAsync();
        Assert.Equal(403, await StatusForAsync(SiteManager, $"/clips/{clipId}"));
    }

    private Task<FilmingConsent> ConsentAsync(int clipId) =>
        fixture.App.WithDbAsync(db => db.ClipFeaturedPeople.Where(f => f.ClipId == clipId).Select(f => f.Consent).SingleAsync());

    private async Task<int> StatusForAsync(string identifier, string path)
    {
        var page = await fixture.ReusingSignInPageAsync(identifier, 1280, "zh-CN");
        var status = (await page.GotoAsync(path))!.Status;
        await page.Context.CloseAsync();
        return status;
    }
}
