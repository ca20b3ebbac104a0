using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TrainingLms.BrowserTests.Infrastructure;
using TrainingLms.Domain.Courses;
using TrainingLms.Web.Features.Content;
using TrainingLms.Web.Features.Courses.Content;
using static Microsoft.Playwright.Assertions;

namespace TrainingLms.BrowserTests;

/// <summary>An outside cleaning company's staff learn on the LMS like the company's own, on their own phones.</summary>
[Collection(BrowserCollection.Name)]
public class ContractorLearningTests(BrowserFixture fixture)
{
    private const string Slug = "meet-smile-greet-rise";

    /// <summary>沈国华, a cleaner of 洁美保洁服务有限公司: the demo's learning history has the course's first two lessons done.</summary>
    private const string Cleaner = "JM002";

    [Fact]
    public async Task ContractorCleaner_OnAPhone_SignsIn_CompletesALesson_AndGetsThePocketCard()
    {
        var lessons = RepositoryContent.Course(Slug).Lessons.OrderBy(l => l.Order).ToList();
        var lesson = lessons[2];
        Assert.True(lesson.Quiz is null && lesson.RequiredClips.Count == 0, $"{lesson.Key} is done with the page's button alone");
        var contractor = await fixture.App.WithDbAsync(db => db.Users.Where(p => p.UserName == Cleaner).Select(p => p.ContractorCompany!.Name).SingleAsync());
        Assert.Equal("洁美保洁服务有限公司", contractor);
        var page = await fixture.NewPageAsync(390);

        // My learning asks for a sign-in first and comes back to it afterwards.
        await page.GotoAsync("/learning");
        await Expect(page).ToHaveURLAsync(new Regex("/account/signin\\?ReturnUrl=%2Flearning$"));
        await page.SignInAsync(Cleaner);
        await Expect(page).ToHaveURLAsync(new Regex("/learning$"));
        var card = page.Locator("article.course-card", new() { Has = page.Locator($"a[href='/learning/{Slug}']") });
        await Expect(card.Locator("h3")).ToHaveTextAsync("见面、微笑、问好、起身");
        await Expect(card.Locator(".course-progress")).ToHaveAttributeAsync("aria-valuenow", "40");
        Assert.True(await page.FitsTheScreenAsync(), "My learning scrolls sideways at 390 px");
        await page.ScreenshotAsync(fixture, $"contractor-learning-{Cleaner}-390");

        await card.GetByRole(AriaRole.Link, new() { Name = "继续学习" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/learning/{Slug}/{lesson.Key}$"));
        await Expect(page.Locator("h1")).ToContainTextAsync(lesson.Title.Zh);
        await Expect(page.GetByText($"第 3 课，共 {lessons.Count} 课")).ToBeVisibleAsync();
        await Expect(page.Locator("h1 + .badge")).ToHaveTextAsync("未学习");
        Assert.True(await page.FitsTheScreenAsync(), $"lesson {lesson.Key} scrolls sideways at 390 px");
        await page.ScreenshotAsync(fixture, $"contractor-lesson-{lesson.Key}-390");

        await page.GetByRole(AriaRole.Button, new() { Name = "我已学完本课" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/learning/{Slug}/{lessons[3].Key}$"));
        await Expect(page.Locator(".course-progress")).ToHaveAttributeAsync("aria-valuenow", "60");
        await page.GotoAsync("/learning");
        await Expect(card.Locator(".course-progress")).ToHaveAttributeAsync("aria-valuenow", "60");

        await card.Locator($"a[href='/learning/{Slug}']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/learning/{Slug}$"));
        await Expect(page.Locator(".lesson-list li", new() { Has = page.Locator($"a[href='/learning/{Slug}/{lesson.Key}']") })).ToContainTextAsync("已完成");
        var pocketCard = page.Locator("section.printables li", new() { HasText = "口袋卡" });
        await Expect(pocketCard).ToContainTextAsync("服务礼仪口袋卡");
        var chinese = pocketCard.Locator("a[hreflang='zh-CN']");
        await Expect(chinese).ToHaveAttributeAsync("href", "/printables/card.pdf?lang=zh-CN");
        Assert.True(await page.FitsTheScreenAsync(), "the course page scrolls sideways at 390 px");
        await page.ScreenshotAsync(fixture, $"contractor-course-{Cleaner}-390");

        // The link as the browser would follow it: with the cleaner's own cookies.
        var pdf = await page.APIRequest.GetAsync((await chinese.GetAttributeAsync("href"))!);
        Assert.Equal(200, pdf.Status);
        Assert.StartsWith("application/pdf", pdf.Headers["content-type"]);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString((await pdf.BodyAsync())[..5]));
        await page.Context.CloseAsync();
    }
}
