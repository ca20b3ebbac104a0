using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TrainingLms.BrowserTests.Infrastructure;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Courses;
using static Microsoft.Playwright.Assertions;

namespace TrainingLms.BrowserTests;

/// <summary>The courses of content/ behind Chromium, with a clock the test moves: cool-downs are waited out, not slept.</summary>
public sealed class KnowledgeCheckBrowserFixture() : BrowserFixture(new KnowledgeCheckFactory())
{
    public KnowledgeCheckFactory Checks => (KnowledgeCheckFactory)App;
}

[CollectionDefinition(Name)]
public sealed class KnowledgeCheckCollection : ICollectionFixture<KnowledgeCheckBrowserFixture>
{
    public const string Name = "knowledge-check-browser";
}

[Collection(KnowledgeCheckCollection.Name)]
public class KnowledgeCheckTests(KnowledgeCheckBrowserFixture fixture)
{
    private const string Course = "meet-smile-greet-rise";

    [Theory]
    [InlineData("zh-CN", "K1")]
    [InlineData("en-US", "K2")]
    public async Task Learner_OnAPhone_FailsSeesOnlyWrongQuestions_WaitsOutTheCoolDown_RetakesInANewOrder_Passes(string culture, string number)
    {
        var (_, lesson, quiz) = (await fixture.Checks.ChecksAsync()).Last(c => c.Course == Course);
        await fixture.App.CreatePersonAsync(number, [Roles.Employee]);
        var page = await fixture.SignedInPageAsync(number, 390, culture);
        var shot = $"check-{culture}-390";
        await page.GotoAsync($"/learning/{Course}/{lesson}");
        await page.ScreenshotAsync(fixture, $"{shot}-1-before");

        var firstOrder = await page.StartCheckAsync();
        Assert.Equal(quiz.Draw, firstOrder.Count);
        await page.ScreenshotAsync(fixture, $"{shot}-2-open");
        await page.AnswerCheckAsync(quiz, wrong: true);
        // Only which questions were wrong: no option marked right, no explanation.
        await Expect(page.Locator("#knowledge-check legend .badge.text-bg-danger").First).ToBeVisibleAsync();
        await Expect(page.Locator("#knowledge-check .quiz-feedback")).ToHaveCountAsync(0);
        Assert.True(await page.FitsTheScreenAsync(), "the failed check scrolls sideways at 390 px");
        await page.ScreenshotAsync(fixture, $"{shot}-3-failed");

        for (var attempt = 2; attempt <= quiz.MaxAttempts; attempt++)
        {
            await page.StartCheckAsync();
            await page.AnswerCheckAsync(quiz, wrong: true);
        }
        // The round is spent: every explanation now, and when the next round opens; no way to start.
        await Expect(page.Locator("#knowledge-check .quiz-feedback.is-right").First).ToBeVisibleAsync();
        await Expect(page.Locator("#knowledge-check .alert-secondary")).ToBeVisibleAsync();
        await Expect(page.Locator("#knowledge-check button[value=start]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(fixture, $"{shot}-4-round-spent");

        var personId = (await fixture.App.FindPersonAsync(number))!.Id;
        var last = await fixture.App.WithDbAsync(db => db.QuizAttempts.Where(a => a.PersonId == personId).MaxAsync(a => a.FinishedAtUtc));
        fixture.Checks.Clock.UtcNow = last!.Value.AddHours(quiz.RetakeAfterHours);
        await page.ReloadAsync();
        var retakeOrder = await page.StartCheckAsync();
        Assert.NotEqual(firstOrder, retakeOrder);
        await page.AnswerCheckAsync(quiz, wrong: false);

        await Expect(page.Locator("#knowledge-check .alert-success")).ToBeVisibleAsync();
        await Expect(page.Locator("#knowledge-check .quiz-feedback").First).ToBeVisibleAsync();
        Assert.True(await page.FitsTheScreenAsync(), "the passed check scrolls sideways at 390 px");
        await page.ScreenshotAsync(fixture, $"{shot}-5-passed");
        await page.Context.CloseAsync();
    }
}
