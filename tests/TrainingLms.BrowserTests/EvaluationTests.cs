using System.Text.RegularExpressions;
using TrainingLms.BrowserTests.Infrastructure;
using TrainingLms.Domain;
using static Microsoft.Playwright.Assertions;

namespace TrainingLms.BrowserTests;

/// <summary>
/// The month's evaluation on phones: the demo trainer scores the demo class leader, the administrator closes the
/// month and publishes its ranking, a staff member reads it, and a customer answers the QR form without signing in.
/// </summary>
[Collection(BrowserCollection.Name)]
public class EvaluationTests(BrowserFixture fixture)
{
    private static string CurrentMonth => SiteTime.Today(DateTime.UtcNow, SiteTime.DefaultTimeZoneId).ToString("yyyy-MM");

    [Fact]
    public async Task Evaluator_Scores_Administrator_ClosesAndPublishes_Employee_SeesRanking_Customer_Rates()
    {
        var trainer = await fixture.SignedInPageAsync("T0001", 390);
        await trainer.GotoAsync("/");
        await Expect(trainer.Locator(".evaluations-to-score")).ToContainTextAsync("项待评");
        await trainer.Locator(".evaluations-to-score a").ClickAsync();
        await Expect(trainer).ToHaveURLAsync(new Regex("/evaluations$"));
        Assert.True(await trainer.FitsTheScreenAsync(), "/evaluations scrolls sideways at 390px");
        await trainer.ScreenshotAsync(fixture, "evaluations-mine-390");
        await trainer.Locator("li[data-scored=false]", new() { HasText = "陈丽" }).First.Locator("a").ClickAsync();
        await Expect(trainer).ToHaveURLAsync(new Regex("/evaluations/targets/\\d+$"));
        await Expect(trainer.Locator(".computed-value").First).ToContainTextAsync("系统计算");

        // Sent without a score first: refused with the missing line marked, the comment kept.
        var scored = trainer.Locator(".criterion-field[data-source=Scored]");
        await trainer.FillAsync("#comment", "高峰时段也能带头起身问好");
        await trainer.Locator(".evaluation-form button[type=submit]").ClickAsync();
        await Expect(trainer.Locator(".evaluation-form .alert-danger")).ToContainTextAsync("尚未保存");
        await Expect(trainer.Locator("#comment")).ToHaveValueAsync("高峰时段也能带头起身问好");
        await scored.First.Locator("label.chip").Last.ClickAsync();
        for (var i = 1; i < await scored.CountAsync(); i++) await scored.Nth(i).Locator("label.chip").Nth(4).ClickAsync();
        Assert.True(await trainer.FitsTheScreenAsync(), "scoring form scrolls sideways at 390px");
        await trainer.ScreenshotAsync(fixture, "evaluation-sheet-390");
        await trainer.Locator(".evaluation-form button[type=submit]").ClickAsync();
        await Expect(trainer.Locator("main")).ToContainTextAsync("考评已保存");
        await trainer.Context.CloseAsync();

        var admin = await fixture.SignedInPageAsync("A0001", 390);
        await admin.GotoAsync("/admin/evaluations");
        Assert.True(await admin.FitsTheScreenAsync(), "/admin/evaluations scrolls sideways at 390px");
        await admin.ScreenshotAsync(fixture, "evaluation-periods-390");
        await admin.Locator("li[data-period] a").First.ClickAsync();
        await Expect(admin.Locator("tr[data-evaluated=true]", new() { HasText = "陈丽" })).ToBeVisibleAsync();
        await admin.Locator("form button[type=submit]", new() { HasText = "关闭考评周期" }).ClickAsync();
        await Expect(admin.Locator("[data-record=closed]")).ToBeVisibleAsync();
        Assert.True(await admin.FitsTheScreenAsync(), "period record scrolls sideways at 390px");
        await admin.ScreenshotAsync(fixture, "evaluation-period-closed-390");
        await admin.GotoAsync($"/rankings?month={CurrentMonth}");
        await admin.Locator("button[name=publish]").ClickAsync();
        await Expect(admin.Locator("main")).ToContainTextAsync("排名已发布");
        await admin.Context.CloseAsync();

        var employee = await fixture.SignedInPageAsync("E0001", 390);
        await employee.GotoAsync($"/rankings?month={CurrentMonth}");
        await Expect(employee.Locator("main")).ToContainTextAsync("陈丽");
        await Expect(employee.Locator("main")).Not.ToContainTextAsync("排名草稿");
        Assert.True(await employee.FitsTheScreenAsync(), "rankings scroll sideways at 390px");
        await employee.ScreenshotAsync(fixture, "rankings-employee-390");
        await employee.Context.CloseAsync();

        var customer = await fixture.NewPageAsync(390);
        await customer.GotoAsync("/feedback/CUIHUKEFUA");
        await customer.Locator("label[for=smile-5]").ClickAsync();
        await customer.Locator("label[for=greeting-4]").ClickAsync();
        await customer.FillAsync("textarea", "<script>alert(1)</script>前台很热情");
        await customer.Locator(".feedback-form button[type=submit]").ClickAsync();
        await Expect(customer.Locator("section[data-status=thanked]")).ToBeVisibleAsync();
        Assert.True(await customer.FitsTheScreenAsync(), "feedback form scrolls sideways at 390px");
        await customer.ScreenshotAsync(fixture, "feedback-thanked-390");
        await customer.Context.CloseAsync();
    }

    [Theory]
    [InlineData("T0001", "/evaluations", "en-US", 390)]
    [InlineData("T0001", "/evaluations", "zh-CN", 1280)]
    [InlineData("A0001", "/admin/evaluations", "en-US", 1280)]
    [InlineData("A0001", "/admin/appeals", "zh-CN", 390)]
    [InlineData("M0001", "/", "zh-CN", 390)]
    [InlineData("E0001", "/rankings/trends", "zh-CN", 390)]
    [InlineData("E0001", "/rankings/trends", "en-US", 1280)]
    [InlineData("E0001", "/benchmark/rate", "zh-CN", 390)]
    [InlineData("E0001", "/benchmark/stories", "en-US", 390)]
    [InlineData("T0001", "/benchmark/stories/new", "zh-CN", 390)]
    [InlineData("M0001", "/benchmark/star", "zh-CN", 390)]
    [InlineData("M0001", "/benchmark/star", "en-US", 1280)]
    public Task EvaluationPages_FitTheScreen(string account, string path, string culture, int width) =>
        fixture.PageFitsAsync(account, path, width, culture, $"evaluations-{account}-{path.Trim('/').Replace('/', '_')}-{culture}-{width}");
}
