using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrainingLms.BrowserTests.Infrastructure;
using TrainingLms.Data;
using static Microsoft.Playwright.Assertions;

namespace TrainingLms.BrowserTests;

/// <summary>
/// The Content-Security-Policy in force in Chromium: every page each demo role opens (and the public ones) is served
/// with the policy, and nothing on it — Blazor's script, the app's scripts, styles, images, the clip player, the
/// upload, scoring and review forms, the editor's live preview — is refused by it or throws.
/// </summary>
[Collection(BrowserCollection.Name)]
public class SecurityPolicyTests(BrowserFixture fixture)
{
    /// <summary>Collects what the browser refused (the securitypolicyviolation events), console errors and uncaught errors.</summary>
    private const string ViolationRecorder = """
        window.__violations = [];
        document.addEventListener("securitypolicyviolation", e =>
            window.__violations.push(`${e.effectiveDirective} refused ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
        """;

    [Fact]
    public async Task Administrator_Pages_KeepToThePolicy()
    {
        var codeId = await DemoAsync(db => db.FeedbackCodes.Where(c => c.Code == "CUIHUKEFUA").Select(c => c.Id).SingleAsync());
        var period = await DemoAsync(db => db.EvaluationPeriods.OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync());
        await VisitAsync("A0001",
            "/", "/admin/people", "/admin/people/new", "/admin/people/import", "/admin/sites", "/admin/teams", "/admin/positions",
            "/admin/clearance", "/admin/content", "/admin/evaluations", $"/admin/evaluations/{period}", "/admin/appeals",
            "/benchmark/codes", $"/benchmark/codes/{codeId}/card", "/rankings", "/rankings/trends", "/reviews/oversight", "/courses/manage");
    }

    [Fact]
    public async Task Trainer_Pages_KeepToThePolicy_ScoringUploadingAndEditing()
    {
        var (attemptId, sessionId) = await DemoAsync(db => db.DrillAttempts
            .Where(a => db.Users.Any(p => p.Id == a.CandidateId && p.UserName == "E0001"))
            .Select(a => new ValueTuple<int, int>(a.Id, a.SessionId)).FirstAsync());
        var clipId = await DemoAsync(db => db.Clips.Where(c => c.Slug == "smile-discovery-cuihu-lobby").Select(c => c.Id).SingleAsync());

        var page = await VisitAsync("T0001", keepOpen: true,
            "/", "/drills", $"/drills/sessions/{sessionId}", "/clips", $"/clips/{clipId}", $"/clips/{clipId}/edit", "/clips/upload",
            "/benchmark/stories", "/courses/manage", $"/drills/attempts/{attemptId}");

        // The scoring form's live verdict (drill-score.js) runs under the policy.
        await page.Locator("label.chip").First.ClickAsync();
        await Expect(page.Locator(".sign-box")).ToHaveAttributeAsync("data-outcome", new System.Text.RegularExpressions.Regex("."));
        // The editor's live preview fetches rendered Markdown and shows it in the page.
        await OpenAsync(page, "/courses/manage/meet-smile-greet-rise/01-meet/edit");
        await page.Locator("#body-zh").FillAsync("## 预览\n\n| 动作 | 要点 |\n|:--|--:|\n| 微笑 | 露齿 |\n");
        await Expect(page.Locator("#preview-zh h2", new() { HasText = "预览" })).ToBeVisibleAsync();
        await AssertKeptToThePolicyAsync(page, "the editor's preview");
        // A click on a link is an enhanced navigation: Blazor patches the page in place.
        await page.Locator("a[href='/clips']").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/clips$"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await AssertKeptToThePolicyAsync(page, "an enhanced navigation");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Manager_Pages_KeepToThePolicy()
    {
        var teamId = await DemoAsync(db => db.Users.Where(p => p.UserName == "C0001").Select(p => p.TeamId!.Value).SingleAsync());
        await VisitAsync("M0001", "/", "/reviews/oversight", $"/reviews/teams/{teamId}/trends", "/reviews/search", "/clearance", "/clearance/me",
            "/evaluations", "/rankings", "/rankings/trends", "/courses/overdue", "/benchmark", "/benchmark/star");
    }

    [Fact]
    public async Task ClassLeader_Pages_KeepToThePolicy_TheReviewForm()
    {
        var teamId = await DemoAsync(db => db.Users.Where(p => p.UserName == "C0001").Select(p => p.TeamId!.Value).SingleAsync());
        var page = await VisitAsync("C0001", keepOpen: true, "/", "/reviews", $"/reviews/file/{teamId}");

        // The draft keeper (review-draft.js) runs as the form is filled.
        await page.FillAsync("#fellShort", "问好声音偏小");
        await page.Locator("label.chip").First.ClickAsync();
        await AssertKeptToThePolicyAsync(page, "the review form");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Employee_Pages_KeepToThePolicy_ALessonWithAKnowledgeCheck()
    {
        var lessons = await DemoAsync(db => db.LessonRevisions
            .Where(l => db.Courses.Any(c => c.CurrentRevisionId == l.CourseRevisionId && c.Slug == "meet-smile-greet-rise")).ToListAsync());
        var lesson = lessons.Where(l => l.Quiz is not null).OrderBy(l => l.Order).First().Key;
        var clipId = await DemoAsync(db => db.Clips.Where(c => c.Slug == "smile-standard-demo").Select(c => c.Id).SingleAsync());

        var page = await VisitAsync("E0001", keepOpen: true, "/", "/learning", "/catalogue", "/learning/meet-smile-greet-rise",
            "/clips", $"/clips/{clipId}", "/benchmark", "/benchmark/rate", "/rankings", "/clearance/me", $"/learning/meet-smile-greet-rise/{lesson}");

        await Expect(page.Locator("#knowledge-check")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PublicPages_KeepToThePolicy()
    {
        var certificate = await DemoAsync(db => db.Certificates.OrderBy(c => c.Id).Select(c => c.Code).FirstAsync());
        var page = await fixture.NewPageAsync(390);
        await page.Context.AddInitScriptAsync(ViolationRecorder);
        var errors = Listen(page);

        foreach (var path in new[] { "/account/signin", "/feedback/CUIHUKEFUA", "/verify", $"/verify/{certificate}" })
            await OpenAsync(page, path, errors);

        // The recorder does see a refusal: an inline style and an inline script, as an injected tag would bring.
        await page.EvaluateAsync("""
            () => {
                document.body.setAttribute("style", "background: red");
                const script = document.createElement("script");
                script.textContent = "window.injected = true";
                document.body.append(script);
            }
            """);
        await Expect(page.Locator("body")).ToHaveAttributeAsync("style", "background: red");
        var refused = await page.EvaluateAsync<string[]>("() => window.__violations");
        Assert.Contains(refused, v => v.StartsWith("style-src-attr", StringComparison.Ordinal));
        Assert.Contains(refused, v => v.StartsWith("script-src-elem", StringComparison.Ordinal));
        Assert.True(await page.EvaluateAsync<bool>("() => window.injected === undefined"));
        await page.Context.CloseAsync();
    }

    /// <summary>Opens each page signed in as <paramref name="account"/> (the sign-in reused across tests) and checks it.</summary>
    private Task<IPage> VisitAsync(string account, params string[] paths) => VisitAsync(account, keepOpen: false, paths);

    private async Task<IPage> VisitAsync(string account, bool keepOpen, params string[] paths)
    {
        var page = await fixture.ReusingSignInPageAsync(account, 1280, "zh-CN");
        await page.Context.AddInitScriptAsync(ViolationRecorder);
        var errors = Listen(page);
        pageErrors[page] = errors;
        foreach (var path in paths) await OpenAsync(page, path, errors);
        if (!keepOpen) await page.Context.CloseAsync();
        return page;
    }

    private readonly Dictionary<IPage, List<string>> pageErrors = [];

    private static List<string> Listen(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") lock (errors) errors.Add($"console: {message.Text}"); };
        page.PageError += (_, error) => { lock (errors) errors.Add($"uncaught: {error}"); };
        return errors;
    }

    private Task OpenAsync(IPage page, string path) => OpenAsync(page, path, pageErrors[page]);

    private static async Task OpenAsync(IPage page, string path, List<string> errors)
    {
        var response = await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.True(response!.Status == 200, $"{path} answered {response.Status}");
        var policy = await response.HeaderValueAsync("content-security-policy");
        Assert.True(policy?.Contains("script-src 'self'", StringComparison.Ordinal) == true, $"{path} has no script policy: '{policy}'");
        await AssertKeptToThePolicyAsync(page, path, errors);
    }

    private Task AssertKeptToThePolicyAsync(IPage page, string what) => AssertKeptToThePolicyAsync(page, what, pageErrors[page]);

    private static async Task AssertKeptToThePolicyAsync(IPage page, string what, List<string> errors)
    {
        var violations = await page.EvaluateAsync<string[]>("() => window.__violations ?? []");
        Assert.True(violations.Length == 0, $"{what}: {string.Join("; ", violations)}");
        lock (errors) Assert.True(errors.Count == 0, $"{what}: {string.Join("; ", errors)}");
    }

    private async Task<T> DemoAsync<T>(Func<LmsDbContext, Task<T>> read)
    {
        using var scope = fixture.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<LmsDbContext>());
    }
}
