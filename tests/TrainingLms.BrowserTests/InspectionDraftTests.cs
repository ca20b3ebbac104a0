using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrainingLms.BrowserTests.Infrastructure;
using TrainingLms.Data;
using static Microsoft.Playwright.Assertions;

namespace TrainingLms.BrowserTests;

/// <summary>The inspection draft kept in the phone's browser follows the post whose form is shown, across enhanced navigation.</summary>
[Collection(BrowserCollection.Name)]
public class InspectionDraftTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Draft_AfterMovingToAnotherPostsForm_EachPostKeepsItsOwnTicks()
    {
        var (first, second) = await TwoTeamsAtManagersSiteAsync();
        var manager = await fixture.SignedInPageAsync("M0001", 390);
        await OpenFormAsync(manager, first, enhanced: false);
        await manager.Locator("li.inspection-item").Nth(0).Locator("label[for$='-Ok']").ClickAsync();

        // In-app navigation, as the post picker's links do: Blazor may keep the <form> element and change its attributes.
        await OpenFormAsync(manager, second, enhanced: true);
        await manager.Locator("li.inspection-item").Nth(1).Locator("label[for$='-NotOk']").ClickAsync();

        var drafts = await manager.EvaluateAsync<Dictionary<string, string>>(
            "() => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('inspection-draft:')).map(k => [k, localStorage.getItem(k)]))");
        var firstDraft = Assert.Single(drafts, d => d.Key.StartsWith($"inspection-draft:{first}:", StringComparison.Ordinal)).Value;
        var secondDraft = Assert.Single(drafts, d => d.Key.StartsWith($"inspection-draft:{second}:", StringComparison.Ordinal)).Value;
        Assert.Contains("\"Ok\"", firstDraft);
        Assert.DoesNotContain("\"NotOk\"", firstDraft);
        Assert.Contains("\"NotOk\"", secondDraft);
        Assert.DoesNotContain("\"Ok\"", secondDraft);
        await manager.Context.CloseAsync();
    }

    private static async Task OpenFormAsync(IPage page, int teamId, bool enhanced)
    {
        var path = $"/inspections/new?team={teamId}";
        if (enhanced) await page.EvaluateAsync("path => Blazor.navigateTo(path)", path);
        else await page.GotoAsync(path);
        // The form has arrived whole once its address is the post's, the draft script has taken up the post's key, and
        // its submit button shows.
        await Expect(page).ToHaveURLAsync(new Regex($"/inspections/new\\?team={teamId}$"));
        await Expect(page.Locator("form[data-inspection-draft]")).ToHaveAttributeAsync("data-draft-attached", new Regex($"^inspection-draft:{teamId}:"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "提交检查" })).ToBeVisibleAsync();
    }

    private async Task<(int First, int Second)> TwoTeamsAtManagersSiteAsync()
    {
        using var scope = fixture.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LmsDbContext>>().CreateDbContextAsync();
        var siteId = await db.Users.Where(p => p.UserName == "M0001").Select(p => p.SiteId).SingleAsync();
        var teams = await db.Teams.Where(t => t.SiteId == siteId && t.IsActive).OrderBy(t => t.Id).Select(t => t.Id).Take(2).ToListAsync();
        return (teams[0], teams[1]);
    }
}
