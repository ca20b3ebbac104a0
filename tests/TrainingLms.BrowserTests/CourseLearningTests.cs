using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TrainingLms.BrowserTests.Infrastructure;
using TrainingLms.Domain.Courses;
using TrainingLms.Web.Features.Courses.Content;
using static Microsoft.Playwright.Assertions;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.BrowserTests;

[Collection(BrowserCollection.Name)]
public class CourseLearningTests(BrowserFixture fixture)
{
    private const string Slug = "meet-smile-greet-rise";

    [Fact]
    public async Task NewHire_OnAPhone_ReadsTheLessons_FailsThenPassesTheQuiz_AndCompletesTheCourse()
    {
        var lessons = RepositoryContent.Course(Slug).Lessons.OrderBy(l => l.Order).ToList();
        var quiz = lessons[^1].Quiz ?? throw new InvalidOperationException("the course's last lesson holds its knowledge check");
        var page = await fixture.SignedInPageAsync("E0001", 390);

        await page.GotoAsync("/learning");
        await page.ScreenshotAsync(fixture, "learning-E0001-390");
        await page.Locator($"a[href='/learning/{Slug}']").First.ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("见面、微笑、问好、起身");
        Assert.True(await page.FitsTheScreenAsync(), "the course page scrolls sideways at 390 px");
        await page.ScreenshotAsync(fixture, "course-E0001-390");

        await page.GetByRole(AriaRole.Link, new() { Name = "开始学习" }).ClickAsync();
        foreach (var lesson in lessons.SkipLast(1))
        {
            await Expect(page).ToHaveURLAsync(new Regex($"/learning/{Slug}/{lesson.Key}$"));
            await Expect(page.Locator("h1")).ToContainTextAsync(lesson.Title.Zh);
            Assert.True(await page.FitsTheScreenAsync(), $"lesson {lesson.Key} scrolls sideways at 390 px");
            if (lesson.RequiredClips.Count > 0) await WatchTheClipAsync(page);
            if (lesson.Order == 2) await page.ScreenshotAsync(fixture, $"lesson-{lesson.Key}-390");
            await page.GetByRole(AriaRole.Button, new() { Name = "我已学完本课" }).ClickAsync();
        }

        await Expect(page).ToHaveURLAsync(new Regex($"/learning/{Slug}/{lessons[^1].Key}$"));
        await page.StartCheckAsync();
        await page.AnswerCheckAsync(quiz, wrong: true);
        await Expect(page.Locator("#knowledge-check .alert")).ToContainTextAsync("标为“答错”的题目提示你回到课文里再看看");
        await Expect(page.Locator("#knowledge-check .quiz-feedback")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(fixture, "quiz-failed-390");

        await page.StartCheckAsync();
        await page.AnswerCheckAsync(quiz, wrong: false);
        await Expect(page.Locator("#knowledge-check .alert")).ToContainTextAsync("以 100% 通过");
        await Expect(page.GetByText("课程已完成，做得好！")).ToBeVisibleAsync();
        Assert.True(await page.FitsTheScreenAsync(), "the knowledge check scrolls sideways at 390 px");
        await page.ScreenshotAsync(fixture, "quiz-passed-390");

        await page.GotoAsync($"/learning/{Slug}");
        await Expect(page.Locator(".alert-success")).ToContainTextAsync("完成本课程（第 2 版）");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Plays the lesson's required clip in Chromium, as a learner does (muted, at double speed to save time): its
    /// currentTime advances, the player reports what it played, and the watched share that counts is reached.
    /// </summary>
    private async Task WatchTheClipAsync(IPage page)
    {
        var player = page.Locator("[data-clip-player]");
        await Expect(player.Locator("[data-required-badge]")).ToContainTextAsync("看满 90% 算作看完");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('[data-clip-player] video').canPlayType('video/mp4; codecs=\"avc1.64001E, mp4a.40.2\"') !== ''"));
        await page.EvaluateAsync("async () => { const v = document.querySelector('[data-clip-player] video'); v.muted = true; v.playbackRate = 2; await v.play(); }");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-clip-player] video').currentTime > 2");
        await Expect(player).ToHaveAttributeAsync("data-watched", "true", new() { Timeout = 60_000 });
        await Expect(player.Locator("[data-watched-share]")).Not.ToHaveTextAsync("0%");
        var learner = (await fixture.App.FindPersonAsync("E0001"))!.Id;
        var watched = await fixture.App.WithDbAsync(db => db.ClipViews.Where(v => v.PersonId == learner).Select(v => v.ReachedRequiredShareAtUtc).SingleAsync());
        Assert.NotNull(watched);
    }

    [Theory]
    [InlineData("T0001", "/courses/manage", 390, "zh-CN")]
    [InlineData("T0001", "/courses/manage/meet-smile-greet-rise/02-smile/edit", 390, "zh-CN")]
    [InlineData("T0001", "/courses/manage/meet-smile-greet-rise/02-smile/edit", 1280, "en-US")]
    [InlineData("T0001", "/courses/manage/courtesy-language/assign", 390, "en-US")]
    [InlineData("T0001", "/courses/manage/meet-smile-greet-rise/analysis", 390, "zh-CN")]
    [InlineData("T0001", "/courses/manage/meet-smile-greet-rise/analysis", 1280, "en-US")]
    [InlineData("T0001", "/courses/manage/meet-smile-greet-rise/learners", 390, "zh-CN")]
    [InlineData("A0001", "/admin/content", 390, "zh-CN")]
    [InlineData("A0001", "/courses/overdue", 1280, "en-US")]
    [InlineData("C0001", "/courses/overdue", 390, "zh-CN")]
    [InlineData("E0001", "/learning/courtesy-language/01-three-sounds", 1280, "en-US")]
    [InlineData("E0001", "/catalogue", 390, "zh-CN")]
    [InlineData("E0001", "/learning/meet-smile-greet-rise", 390, "en-US")]
    public Task CoursePage_FitsPhoneAndDesktop_InBothLanguages(string account, string path, int width, string culture) =>
        fixture.PageFitsAsync(account, path, width, culture, $"courses-{account}-{path.Trim('/').Replace('/', '_')}-{culture}-{width}");

    [Fact]
    public async Task Trainer_TypesInTheEditor_PreviewShowsTheLearnersRendering_WithNothingLive()
    {
        var page = await fixture.SignedInPageAsync("T0001", 1280);
        await page.GotoAsync($"/courses/manage/{Slug}/01-meet/edit");

        await page.Locator("#body-zh").FillAsync("## 预览标题\n\n<img src=x onerror=\"window.pwned=1\"> [链接](javascript:window.pwned=1)\n\n```clip\nslug: meet-demo\nrequired: true\n```\n");

        await Expect(page.Locator("#preview-zh h2", new() { HasText = "预览标题" })).ToBeVisibleAsync();
        await Expect(page.Locator("#preview-zh h2")).ToHaveCountAsync(1); // the saved text is replaced, not appended to
        await Expect(page.Locator("#preview-zh .clip-missing")).ToContainTextAsync("培训视频暂未上线");
        Assert.Equal(0, await page.Locator("#preview-zh img, #preview-zh a[href^='javascript']").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"));
        await page.ScreenshotAsync(fixture, "editor-preview-1280");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Trainer_TypesAQuiz_PreviewShowsTheKnowledgeCheck_ThenItsProblemWithTheLine()
    {
        var page = await fixture.SignedInPageAsync("T0001", 1280);
        await page.GotoAsync($"/courses/manage/{Slug}/01-meet/edit");
        const string quiz = "```quiz\nquestions:\n  - type: single\n    prompt: { zh-CN: 目光相遇时怎么做？, en: When eyes meet? }\n    options:\n"
            + "      - text: { zh-CN: 微笑点头, en: Smile and nod }\n        correct: true\n        explanation: { zh-CN: 标准动作, en: Standard }\n"
            + "      - text: { zh-CN: 低头走开, en: Look away }\n        explanation: { zh-CN: 显得冷淡, en: Cold }\n    id: eyes-meet\n```\n";

        await page.Locator("#body-zh").FillAsync("## 小测验\n\n" + quiz);

        var preview = page.Locator("#preview-zh .quiz.is-preview");
        await Expect(preview.Locator("legend")).ToContainTextAsync("目光相遇时怎么做？");
        await Expect(preview.Locator("input[type=radio]:checked")).ToHaveCountAsync(1);
        await Expect(preview.Locator("input[type=radio]").First).ToBeDisabledAsync();
        await page.ScreenshotAsync(fixture, "editor-preview-quiz-1280");

        await page.Locator("#body-zh").FillAsync("## 小测验\n\n" + quiz.Replace("        correct: true\n", "", StringComparison.Ordinal));

        await Expect(page.Locator("#preview-zh .preview-problems li")).ToContainTextAsync("第 5 行");
        await Expect(page.Locator("#preview-zh .quiz")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(fixture, "editor-preview-quiz-problem-1280");
        await page.Context.CloseAsync();
    }
}
