using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.BrowserTests.Infrastructure;
using TrainingLms.Data;
using static Microsoft.Playwright.Assertions;

namespace TrainingLms.BrowserTests;

/// <summary>The end-of-shift review on a phone: the demo class leader files it with a note, the staff member reads it.</summary>
[Collection(BrowserCollection.Name)]
public class ShiftReviewTests(BrowserFixture fixture)
{
    private const string Note = "今天接待访客时微笑自然，继续保持";

    [Fact]
    public async Task ClassLeader_FilesAReviewWithANote_OnAPhone_StaffMemberSeesItAtHome()
    {
        var leader = await fixture.NewPageAsync(390);
        await leader.GotoAsync("/account/signin");
        await leader.SignInAsync("C0001");
        await leader.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "填写班后讲评" }).First.ClickAsync();
        await Expect(leader).ToHaveURLAsync(new Regex("/reviews/file/\\d+$"));
        await Expect(leader.Locator("h1")).ToContainTextAsync("班后讲评");

        // What is typed survives a reload before it is sent (the draft lives in the browser).
        await leader.FillAsync("#fellShort", "高峰时段问好声音偏小");
        await leader.ReloadAsync();
        await Expect(leader.Locator("#fellShort")).ToHaveValueAsync("高峰时段问好声音偏小");

        await leader.Locator("label.chip", new() { HasText = "微笑" }).First.ClickAsync();
        await leader.Locator(".chips.is-short label.chip", new() { HasText = "问好" }).ClickAsync();
        await leader.Locator(".chips.is-absent label.chip").Nth(1).ClickAsync();
        var notes = leader.Locator("details.review-section", new() { HasText = "给员工的点评" });
        if (await notes.GetAttributeAsync("open") is null) await notes.Locator("summary").ClickAsync();
        await leader.SelectOptionAsync("#note0-person", new Microsoft.Playwright.SelectOptionValue { Label = "李娜" });
        await leader.SelectOptionAsync("#note0-points", "Smile");
        await leader.FillAsync("#note0-text", Note);
        Assert.True(await leader.FitsTheScreenAsync(), "review form scrolls sideways at 390px");
        await leader.ScreenshotAsync(fixture, "review-form-390");

        await leader.Locator("form.review-form button[type=submit]").ClickAsync();

        await Expect(leader).ToHaveURLAsync(new Regex("/reviews/\\d+\\?sent="));
        await Expect(leader.Locator("main")).ToContainTextAsync("讲评已提交");
        await Expect(leader.Locator("main")).ToContainTextAsync(Note);
        Assert.True(await leader.FitsTheScreenAsync(), "review page scrolls sideways at 390px");
        await leader.ScreenshotAsync(fixture, "review-filed-390");
        // The server confirmed it, so the browser's draft is gone.
        Assert.Null(await leader.EvaluateAsync<string?>("() => Object.keys(localStorage).find(k => k.startsWith('review-draft:')) ?? null"));
        await leader.Context.CloseAsync();

        var staff = await fixture.NewPageAsync(390);
        await staff.GotoAsync("/account/signin");
        await staff.SignInAsync("E0001");
        var note = staff.Locator(".my-notes li", new() { HasText = Note });
        await Expect(note).ToBeVisibleAsync();
        await Expect(note).ToContainTextAsync("表扬");
        Assert.True(await staff.FitsTheScreenAsync(), "home with notes scrolls sideways at 390px");
        await staff.ScreenshotAsync(fixture, "home-notes-390");

        await note.Locator("button[type=submit]").ClickAsync();
        await Expect(staff.Locator(".my-notes li", new() { HasText = Note })).ToContainTextAsync("已确认");
        await staff.Context.CloseAsync();
    }

    [Fact]
    public async Task ClassLeader_OldDraftTypedOver_IsKeptOnTheOldReviewsPage_AndRefusedNotDropped()
    {
        // A review filed days ago, and a draft of it left in the browser under its submission key.
        var old = await WithDbAsync(db => db.ShiftReviews.AsNoTracking()
            .Where(r => r.ShiftDate < DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2) && db.Teams.Any(t => t.Id == r.TeamId && db.Users.Any(u => u.Id == t.ClassLeaderId && u.UserName == "C0001")))
            .OrderByDescending(r => r.ShiftDate).Select(r => new { r.Id, r.TeamId, r.SubmissionKey, r.ShiftDate, r.ShiftKey, r.WentWell }).FirstAsync());
        var draftKey = $"review-draft:{old.TeamId}";
        var draft = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string[]>
        {
            ["submissionKey"] = [old.SubmissionKey.ToString()], ["shiftDate"] = [old.ShiftDate.ToString("yyyy-MM-dd")],
            ["shiftKey"] = [old.ShiftKey], ["wentWell"] = [old.WentWell],
        });
        var leader = await fixture.SignedInPageAsync("C0001", 390);
        await leader.EvaluateAsync("([key, value]) => localStorage.setItem(key, value)", new[] { draftKey, draft });

        // The old draft is reopened and today's review typed over it.
        await leader.GotoAsync($"/reviews/file/{old.TeamId}");
        await Expect(leader.Locator("#shiftDate")).ToHaveValueAsync(old.ShiftDate.ToString("yyyy-MM-dd"));
        var today = await leader.Locator("#shiftDate").GetAttributeAsync("max");
        await leader.FillAsync("#shiftDate", today!);
        await leader.FillAsync("#wentWell", TypedOver);

        // Opening the old review (whose key the draft carries) no longer throws the typing away.
        await leader.GotoAsync($"/reviews/{old.Id}");
        await Expect(leader.Locator("h1")).ToContainTextAsync("班后讲评");
        Assert.Contains(TypedOver, await leader.EvaluateAsync<string>("key => localStorage.getItem(key)", draftKey));

        // Sent, it is refused with the words kept and a fresh key, not answered "already filed".
        await leader.GotoAsync($"/reviews/file/{old.TeamId}");
        await Expect(leader.Locator("#wentWell")).ToHaveValueAsync(TypedOver);
        await leader.Locator("form.review-form button[type=submit]").ClickAsync();
        await Expect(leader.Locator("form.review-form .alert-danger")).ToContainTextAsync("没有保存：这份草稿此前已经提交过一次");
        await Expect(leader.Locator("#wentWell")).ToHaveValueAsync(TypedOver);
        // The page's script saves the draft again once the answer is shown; wait for that rather than race it.
        await leader.WaitForFunctionAsync("([key, old]) => !(localStorage.getItem(key) ?? '').includes(old)", new[] { draftKey, old.SubmissionKey.ToString() });
        var kept = await leader.EvaluateAsync<string>("key => localStorage.getItem(key)", draftKey);
        Assert.Contains(TypedOver, kept);
        Assert.DoesNotContain(old.SubmissionKey.ToString(), kept);
        Assert.True(await leader.FitsTheScreenAsync(), "refused review form scrolls sideways at 390px");
        await leader.ScreenshotAsync(fixture, "review-key-reused-390");
        await leader.Context.CloseAsync();
    }

    private const string TypedOver = "今天换班时主动起身迎接业主";

    private async Task<T> WithDbAsync<T>(Func<LmsDbContext, Task<T>> query)
    {
        using var scope = fixture.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<LmsDbContext>());
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task Manager_OversightGrid_FitsTheScreen(int width)
    {
        var page = await fixture.NewPageAsync(width);
        await page.GotoAsync("/account/signin");
        await page.SignInAsync("M0001");
        await Expect(page.Locator("main")).ToContainTextAsync("昨日缺失的班后讲评");
        await page.ScreenshotAsync(fixture, $"home-manager-reviews-{width}");

        await page.GotoAsync("/reviews/oversight");
        await Expect(page.Locator("table.review-grid")).ToContainTextAsync("客服班");
        Assert.True(await page.FitsTheScreenAsync(), $"oversight grid scrolls the page sideways at {width}px");
        await page.ScreenshotAsync(fixture, $"review-grid-{width}");
        await page.Context.CloseAsync();
    }
}
