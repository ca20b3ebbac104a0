using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrainingLms.BrowserTests.Infrastructure;
using TrainingLms.Data;
using static Microsoft.Playwright.Assertions;

namespace TrainingLms.BrowserTests;

/// <summary>
/// Drills on a phone: the demo trainer scores and signs the demo manager's pre-posting drill, the manager then shows as
/// cleared and downloads the certificate; and the drill and clearance pages fit a phone and a desktop in both languages.
/// </summary>
[Collection(BrowserCollection.Name)]
public class DrillTests(BrowserFixture fixture)
{
    // The pre-posting rubric's criteria, each at full marks.
    private static readonly (string Key, string Score)[] FullMarks =
    [
        ("approach-eye-contact", "4"), ("standard-smile", "4"), ("greet-first", "4"), ("rise-to-serve", "1"),
        ("three-sounds", "4"), ("no-forbidden-phrases", "1"), ("appearance", "4"), ("first-inquiry", "4"),
    ];

    [Fact]
    public async Task Trainer_ScoresAndSignsOnAPhone_ManagerIsThenCleared_AndDownloadsTheCertificate()
    {
        var trainer = await fixture.SignedInPageAsync("T0001", 390);
        await trainer.Locator(".upcoming-drills a", new() { HasText = "基层管理人员上岗前礼仪演练考核" }).First.ClickAsync();
        await Expect(trainer).ToHaveURLAsync(new Regex("/drills/sessions/\\d+$"));
        await trainer.Locator(".session-candidate[data-person='M0001'] a.candidate-link").ClickAsync();
        await Expect(trainer).ToHaveURLAsync(new Regex("/drills/attempts/\\d+$"));
        await Expect(trainer.Locator(".attempt-header")).ToContainTextAsync("王建国");

        foreach (var (key, score) in FullMarks)
            await trainer.Locator("label.chip", new() { Has = trainer.Locator($"input[name='score.{key}'][value='{score}']") }).ClickAsync();
        // The rule's verdict shows as the scores are tapped (the server decides again when it signs).
        await Expect(trainer.Locator(".sign-box")).ToHaveAttributeAsync("data-outcome", "pass");
        await Expect(trainer.Locator(".sign-box [data-live]")).ToContainTextAsync("得分 100%，按规则判定为通过");
        await trainer.Locator("label.chip", new() { Has = trainer.Locator("input[name='score.standard-smile'][value='2']") }).ClickAsync();
        await Expect(trainer.Locator(".sign-box")).ToHaveAttributeAsync("data-outcome", "fail");
        await trainer.Locator("label.chip", new() { Has = trainer.Locator("input[name='score.standard-smile'][value='4']") }).ClickAsync();
        await Expect(trainer.Locator(".sign-box")).ToHaveAttributeAsync("data-outcome", "pass");
        await trainer.FillAsync("#comment-first-inquiry", "主动登记并承诺回访，处置到位");
        await trainer.FillAsync("#comment", "八项动作规范，准予上岗");
        Assert.True(await trainer.FitsTheScreenAsync(), "scoring form scrolls sideways at 390px");
        await trainer.ScreenshotAsync(fixture, "drill-score-form-390");

        // A wrong password signs nothing and keeps every score.
        await trainer.FillAsync("#password", "not-the-password1");
        await trainer.Locator("button[name=action][value=sign]").ClickAsync();
        await Expect(trainer.Locator(".password-confirm")).ToContainTextAsync("密码不正确");
        await Expect(trainer.Locator("input[name='score.first-inquiry'][value='4']")).ToBeCheckedAsync();

        await trainer.FillAsync("#password", "smile2026");
        await trainer.Locator("button[name=action][value=sign]").ClickAsync();
        await Expect(trainer.Locator(".alert-success")).ToContainTextAsync("已签核");
        await Expect(trainer.Locator(".result-summary")).ToContainTextAsync("通过");
        Assert.True(await trainer.FitsTheScreenAsync(), "signed record scrolls sideways at 390px");
        await trainer.ScreenshotAsync(fixture, "drill-signed-390");
        await trainer.Context.CloseAsync();

        var manager = await fixture.SignedInPageAsync("M0001", 390);
        await Expect(manager.Locator(".my-drills [data-status]").First).ToHaveAttributeAsync("data-status", "Cleared");
        await Expect(manager.Locator(".my-drills")).ToContainTextAsync("准予上岗");
        await manager.ScreenshotAsync(fixture, "home-manager-cleared-390");
        await manager.Locator(".my-drills a", new() { HasText = "上岗资格与证书" }).ClickAsync();
        await Expect(manager.Locator(".person-clearance")).ToHaveAttributeAsync("data-status", "Cleared");
        Assert.True(await manager.FitsTheScreenAsync(), "clearance page scrolls sideways at 390px");
        await manager.ScreenshotAsync(fixture, "clearance-me-390");

        var download = await manager.RunAndWaitForDownloadAsync(() => manager.Locator(".certificate-row a[href$='lang=zh-CN']").First.ClickAsync());
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        await File.WriteAllBytesAsync(Path.Combine(fixture.ScreenshotFolder, "certificate-M0001-zh-CN.pdf"), pdf);

        // On his site's clearance board as well.
        await manager.GotoAsync("/clearance");
        await Expect(manager.Locator("tr[data-person='M0001']")).ToHaveAttributeAsync("data-status", "Cleared");
        Assert.True(await manager.FitsTheScreenAsync(), "clearance board scrolls sideways at 390px");
        await manager.ScreenshotAsync(fixture, "board-manager-cleared-390");

        // The result, with its feedback, to acknowledge.
        await manager.GotoAsync("/clearance/me");
        await manager.Locator(".my-results a").First.ClickAsync();
        await Expect(manager.Locator(".criteria-results")).ToContainTextAsync("主动登记并承诺回访");
        await manager.Locator(".acknowledge-form button").ClickAsync();
        await Expect(manager.Locator(".alert-success")).ToContainTextAsync("已确认阅读结果");
        await manager.ScreenshotAsync(fixture, "drill-result-acknowledged-390");
        await manager.Context.CloseAsync();
    }

    [Theory]
    [InlineData("T0001", "/drills", 390, "zh-CN")]
    [InlineData("T0001", "/drills", 1280, "en-US")]
    [InlineData("T0001", "/drills/sessions/new?adhoc=true&site=1", 390, "en-US")]
    [InlineData("T0001", "/drills/sessions/new?site=1", 390, "zh-CN")]
    [InlineData("T0001", "/drills/rubrics/pre-posting-etiquette", 390, "zh-CN")]
    [InlineData("A0001", "/clearance", 390, "zh-CN")]
    [InlineData("A0001", "/clearance", 1280, "en-US")]
    [InlineData("M0001", "/clearance", 1280, "zh-CN")]
    [InlineData("A0001", "/admin/clearance", 390, "en-US")]
    [InlineData("E0001", "/", 390, "zh-CN")]
    [InlineData("T0001", "/", 390, "en-US")]
    public Task DrillPage_FitsPhoneAndDesktop_InBothLanguages(string account, string path, int width, string culture) =>
        fixture.PageFitsAsync(account, path, width, culture, $"drills-{account}-{Name(path)}-{culture}-{width}");

    /// <summary>Pages reached from a record rather than the menu; their addresses come from the demo company's drill history.</summary>
    [Theory]
    [InlineData("failed-result", 390, "zh-CN")]
    [InlineData("failed-result", 1280, "en-US")]
    [InlineData("failed-clearance", 390, "en-US")]
    [InlineData("session", 390, "zh-CN")]
    [InlineData("signed-attempt", 390, "en-US")]
    [InlineData("person-clearance", 1280, "zh-CN")]
    [InlineData("position-rules", 390, "zh-CN")]
    public async Task DrillRecordPage_FitsPhoneAndDesktop_InBothLanguages(string target, int width, string culture)
    {
        var (account, path) = await TargetAsync(target);

        await fixture.PageFitsAsync(account, path, width, culture, $"drills-{target}-{culture}-{width}");
    }

    [Theory]
    [InlineData(390, "zh-CN")]
    [InlineData(1280, "en-US")]
    public async Task ScoringForm_OfTheNewHiresComingDrill_FitsTheScreen(int width, string culture)
    {
        var page = await fixture.ReusingSignInPageAsync("T0001", width, culture);
        var attemptId = await DemoAsync(db => db.DrillAttempts.Where(a => db.Users.Any(p => p.Id == a.CandidateId && p.UserName == "E0001")).Select(a => a.Id).FirstAsync());

        await page.GotoAsync($"/drills/attempts/{attemptId}");

        await Expect(page.Locator(".criterion-field")).ToHaveCountAsync(4);
        Assert.True(await page.FitsTheScreenAsync(), $"scoring form scrolls sideways at {width} px in {culture}");
        await page.ScreenshotAsync(fixture, $"drill-score-form-{culture}-{width}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(390, "zh-CN")]
    [InlineData(1280, "en-US")]
    public async Task VerifyPage_WithoutSignIn_ShowsTheCertificatesStatus(int width, string culture)
    {
        var code = await DemoAsync(db => db.Certificates.OrderBy(c => c.Id).Select(c => c.Code).FirstAsync());
        var page = await fixture.NewPageAsync(width);
        await page.GotoAsync("/account/signin");
        if (culture != "zh-CN") await page.ChooseLanguageAsync(culture);

        await page.GotoAsync($"/verify/{code}");

        await Expect(page.Locator(".verify-result")).ToHaveAttributeAsync("data-status", new Regex("Valid|Expired"));
        Assert.True(await page.FitsTheScreenAsync(), $"verify page scrolls sideways at {width} px");
        await page.ScreenshotAsync(fixture, $"verify-{culture}-{width}");
        await page.Context.CloseAsync();
    }

    /// <summary>Who opens which page: the failed demo candidate's result and clearance, the session and signed record behind it, an expiring person, a position's rules.</summary>
    private Task<(string Account, string Path)> TargetAsync(string target) => DemoAsync<(string, string)>(async db =>
    {
        var failed = await db.DrillAttempts.Where(a => a.SignedAtUtc != null && a.Passed == false)
            .Select(a => new { a.Id, a.SessionId, Number = db.Users.Where(p => p.Id == a.CandidateId).Select(p => p.UserName!).First() })
            .FirstAsync();
        return target switch
        {
            "failed-result" => (failed.Number, $"/drills/results/{failed.Id}"),
            "failed-clearance" => (failed.Number, "/clearance/me"),
            "session" => ("T0001", $"/drills/sessions/{failed.SessionId}"),
            "signed-attempt" => ("A0001", $"/drills/attempts/{failed.Id}"),
            "person-clearance" => ("A0001", $"/clearance/people/{await db.Users.Where(p => p.UserName == "E0002").Select(p => p.Id).SingleAsync()}"),
            "position-rules" => ("A0001", $"/admin/clearance/{await db.Positions.Where(p => p.Name == "客服前台").Select(p => p.Id).SingleAsync()}"),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
        };
    });

    private async Task<T> DemoAsync<T>(Func<LmsDbContext, Task<T>> read)
    {
        using var scope = fixture.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<LmsDbContext>());
    }

    private static string Name(string path) => Regex.Replace(path.Trim('/'), "[^a-z0-9-]+", "_") is { Length: > 0 } name ? name : "home";
}
