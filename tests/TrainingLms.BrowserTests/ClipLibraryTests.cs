using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using TrainingLms.BrowserTests.Infrastructure;
using TrainingLms.Web.Features.Clips.Media;
using TrainingLms.Web.Features.Demo;
using TrainingLms.Web.Features.Media;
using static Microsoft.Playwright.Assertions;

namespace TrainingLms.BrowserTests;

[Collection(BrowserCollection.Name)]
public class ClipLibraryTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Trainer_OnAPhone_UploadsAClip_AndSeesProcessingReachDone()
    {
        var folder = Directory.CreateTempSubdirectory("traininglms-upload-").FullName;
        var file = Path.Combine(folder, "前台接待.mov");
        await SampleVideos.MakeAsync(new VideoTools(Options.Create(new MediaOptions())), SampleVideo.MovH264, file, 4);
        var page = await fixture.SignedInPageAsync("T0001", 390);

        await page.GotoAsync("/clips/upload");
        await page.SetInputFilesAsync("#file", file);
        await page.FillAsync("#title", "前台接待示范");
        await page.FillAsync("#slug", "front-desk-greeting");
        await page.SelectOptionAsync("#kind", new SelectOptionValue { Label = "标杆故事" });
        await page.FillAsync("#description", "客服前台起身迎客、主动问好。");
        Assert.True(await page.FitsTheScreenAsync(), "the upload form scrolls sideways at 390 px");
        await page.ScreenshotAsync(fixture, "clip-upload-390");
        await page.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(new Regex(@"/clips/\d+$"), new() { Timeout = 60_000 });
        await page.ScreenshotAsync(fixture, "clip-processing-390");
        // The page follows the job live and shows the player once transcoding is done.
        await Expect(page.Locator("[data-clip-player] video")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Expect(page.Locator(".transcode")).ToContainTextAsync("处理完成，可以播放。");
        Assert.True(await page.FitsTheScreenAsync(), "the clip page scrolls sideways at 390 px");
        await page.ScreenshotAsync(fixture, "clip-done-390");
        Assert.True(await fixture.App.WithDbAsync(db => db.Clips.AnyAsync(c => c.Slug == "front-desk-greeting" && c.Status == Domain.Clips.ClipStatus.Ready)));
        await page.Context.CloseAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("E0001", "/clips", 390, "zh-CN")]
    [InlineData("E0001", "/clips", 1280, "en-US")]
    [InlineData("T0001", "/clips", 390, "en-US")]
    [InlineData("T0001", "/clips/smile-discovery-cuihu-lobby", 390, "zh-CN")]
    [InlineData("T0001", "/clips/smile-discovery-cuihu-lobby/edit", 390, "zh-CN")]
    [InlineData("T0001", "/clips/smile-standard-demo/edit", 1280, "en-US")]
    [InlineData("M0001", "/clips/benchmark-front-desk-story", 1280, "zh-CN")]
    [InlineData("E0001", "/clips/smile-standard-demo", 390, "en-US")]
    public async Task ClipPages_FitPhoneAndDesktop_InBothLanguages(string identifier, string path, int width, string culture)
    {
        var page = await fixture.ReusingSignInPageAsync(identifier, width, culture);
        var slug = path.Split('/').ElementAtOrDefault(2);
        if (slug is not null)
        {
            var id = await fixture.App.WithDbAsync(db => db.Clips.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());
            path = path.Replace(slug, id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        Assert.Equal(path, new Uri(page.Url).AbsolutePath);
        Assert.True(await page.FitsTheScreenAsync(), $"{path} scrolls sideways at {width} px");
        await page.ScreenshotAsync(fixture, $"clips-{identifier}-{path.Trim('/').Replace('/', '_')}-{culture}-{width}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Library_ToAClip_ByAnEnhancedNavigation_ThePlayersOwnScriptRunsOnce()
    {
        var page = await fixture.ReusingSignInPageAsync("T0001", 1280, "zh-CN");
        await page.GotoAsync("/clips");
        Assert.Equal(0, await page.Locator("script[data-page-script]").CountAsync()); // the library page needs no script

        // A link click inside the app is an enhanced navigation: the clip page is patched in, its script tag not run by the browser.
        await page.Locator("a.clip-thumb").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/clips/[0-9]+$"));

        await Expect(page.Locator("[data-clip-player][data-attached='1']").First).ToBeAttachedAsync();
        Assert.Equal(1, await page.EvaluateAsync<int>("() => [...document.scripts].filter(s => s.src.includes('clip-player') && !s.hasAttribute('data-page-script')).length"));
        await page.Context.CloseAsync();
    }
}
