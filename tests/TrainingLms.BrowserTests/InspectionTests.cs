using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrainingLms.BrowserTests.Infrastructure;
using TrainingLms.Data;
using TrainingLms.IntegrationTests.Inspections;
using static Microsoft.Playwright.Assertions;

namespace TrainingLms.BrowserTests;

/// <summary>
/// An on-site inspection on a phone: the demo site manager inspects the demo class leader's post with two items not OK
/// and a photo; the class leader closes both rectifications; the manager verifies one and reopens the other.
/// </summary>
[Collection(BrowserCollection.Name)]
public class InspectionTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Manager_InspectsAPost_TwoNotOk_LeaderCloses_ManagerVerifiesOneReopensOne()
    {
        var teamId = await LeadersTeamAtManagersSiteAsync();
        var photo = Path.Combine(Path.GetTempPath(), $"inspection-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(photo, TestPhotos.JpegWithGps(2400, 1800));
        try
        {
            var manager = await fixture.SignedInPageAsync("M0001", 390);
            await manager.Locator("nav.app-nav").GetByRole(AriaRole.Link, new() { Name = "现场检查" }).ClickAsync();
            await manager.GetByRole(AriaRole.Link, new() { Name = "新建检查" }).ClickAsync();
            await manager.SelectOptionAsync("#site", new SelectOptionValue { Index = 1 });
            await manager.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
            await Expect(manager.Locator(".post-list")).ToBeVisibleAsync();
            Assert.True(await manager.FitsTheScreenAsync(), "post picker scrolls sideways at 390px");
            await manager.ScreenshotAsync(fixture, "inspection-pick-post-390");
            await manager.Locator($".post-list a[href='/inspections/new?team={teamId}']").ClickAsync();

            // The form page has arrived whole once its address is the post's and its last control, the submit button, shows.
            var items = manager.Locator("li.inspection-item");
            await Expect(manager).ToHaveURLAsync(new Regex($"/inspections/new\\?team={teamId}$"));
            await Expect(manager.GetByRole(AriaRole.Button, new() { Name = "提交检查" })).ToBeVisibleAsync();
            var count = await items.CountAsync();
            Assert.True(count >= 8, $"{count} items");
            for (var i = 0; i < count; i++)
            {
                var notOk = i == 2 || i == count - 1;
                await items.Nth(i).Locator(notOk ? "label[for$='-NotOk']" : "label[for$='-Ok']").ClickAsync();
            }
            var first = items.Nth(2);
            await first.Locator("summary").ClickAsync();
            await first.Locator("textarea").FillAsync("访客进门时未主动问好");
            await first.Locator("input[type=file]").SetInputFilesAsync(photo);
            Assert.True(await manager.FitsTheScreenAsync(), "inspection form scrolls sideways at 390px");
            await manager.ScreenshotAsync(fixture, "inspection-form-390");
            await manager.GetByRole(AriaRole.Button, new() { Name = "提交检查" }).ClickAsync();

            await Expect(manager).ToHaveURLAsync(new Regex("/inspections/\\d+\\?sent="));
            await Expect(manager.Locator(".alert-success")).ToContainTextAsync("2 个不合格项已生成整改单");
            await Expect(manager.Locator(".photo-strip img")).ToHaveCountAsync(1);
            // The element is there before its picture has arrived: wait for the browser to finish with it, loaded or not.
            var shown = manager.Locator(".photo-strip img");
            await Expect(shown).ToHaveJSPropertyAsync("complete", true);
            Assert.Equal(1600, await shown.EvaluateAsync<int>("img => img.naturalWidth"));
            Assert.True(await manager.FitsTheScreenAsync(), "inspection page scrolls sideways at 390px");
            await manager.ScreenshotAsync(fixture, "inspection-filed-390");
            var rectifications = await manager.Locator("a[href^='/rectifications/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            Assert.Equal(2, rectifications.Length);

            var leader = await fixture.SignedInPageAsync("C0001", 390);
            await Expect(leader.Locator(".rectification-notice")).ToBeVisibleAsync();
            await leader.Locator("nav.app-nav").GetByRole(AriaRole.Link, new() { Name = "整改" }).ClickAsync();
            foreach (var path in rectifications) await Expect(leader.Locator($".rectification-list a[href='{path}']")).ToBeVisibleAsync();
            Assert.DoesNotContain("Rectifications.", await leader.Locator("main").InnerTextAsync());
            Assert.True(await leader.FitsTheScreenAsync(), "rectification list scrolls sideways at 390px");
            await leader.ScreenshotAsync(fixture, "rectifications-leader-390");
            foreach (var path in rectifications)
            {
                await leader.GotoAsync(path);
                await leader.FillAsync("#whatWasDone", "班前会重新演练，已当面纠正");
                // The leader closes; verifying is for the inspector or the site manager, and is not offered.
                await Expect(leader.GetByRole(AriaRole.Button, new() { Name = "验证通过" })).ToBeHiddenAsync();
                if (path == rectifications[0]) await leader.ScreenshotAsync(fixture, "rectification-close-390");
                await leader.GetByRole(AriaRole.Button, new() { Name = "已整改，关闭" }).ClickAsync();
                await Expect(leader.Locator("main .badge").First).ToContainTextAsync("待验证");
            }
            await leader.Context.CloseAsync();

            await manager.GotoAsync(rectifications[0]);
            await manager.GetByRole(AriaRole.Button, new() { Name = "验证通过" }).ClickAsync();
            await Expect(manager.Locator("main .badge").First).ToContainTextAsync("已验证");
            await manager.GotoAsync(rectifications[1]);
            await manager.FillAsync("#reason", "复查时仍未主动问好");
            await manager.GetByRole(AriaRole.Button, new() { Name = "退回重新整改" }).ClickAsync();
            await Expect(manager.Locator("main .badge").First).ToContainTextAsync("待整改");
            await Expect(manager.Locator(".rectification-reopened")).ToContainTextAsync("复查时仍未主动问好");
            await Expect(manager.GetByRole(AriaRole.Button, new() { Name = "退回重新整改" })).ToBeHiddenAsync();
            Assert.True(await manager.FitsTheScreenAsync(), "reopened rectification scrolls sideways at 390px");
            await manager.ScreenshotAsync(fixture, "rectification-reopened-390");

            // The site's figures, reached from the inspections list: the post's inspection is counted, the chart drawn.
            await manager.GotoAsync("/inspections");
            await manager.Locator("main").GetByRole(AriaRole.Link, new() { Name = "检查统计" }).ClickAsync();
            await Expect(manager).ToHaveURLAsync(new Regex("/inspections/oversight$"));
            await Expect(manager.Locator("svg.trend-chart")).ToBeVisibleAsync();
            Assert.NotEqual("0", await manager.Locator("[data-figure=held]").InnerTextAsync());
            Assert.True(await manager.FitsTheScreenAsync(), "inspection oversight scrolls sideways at 390px");
            await manager.ScreenshotAsync(fixture, "inspection-oversight-390");
            await manager.Context.CloseAsync();

            var english = await fixture.SignedInPageAsync("M0001", 390, "en-US");
            await english.GotoAsync(rectifications[1]);
            await Expect(english.Locator("main .badge").First).ToContainTextAsync("Open");
            Assert.True(await english.FitsTheScreenAsync(), "rectification in English scrolls sideways at 390px");
            await english.ScreenshotAsync(fixture, "rectification-reopened-390-en");
            await english.GotoAsync("/inspections/oversight");
            await Expect(english.Locator("h1")).ToContainTextAsync("Inspection oversight");
            Assert.True(await english.FitsTheScreenAsync(), "inspection oversight in English scrolls sideways at 390px");
            await english.ScreenshotAsync(fixture, "inspection-oversight-390-en");
            await english.Context.CloseAsync();
        }
        finally
        {
            File.Delete(photo);
        }
    }

    private async Task<int> LeadersTeamAtManagersSiteAsync()
    {
        using var scope = fixture.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LmsDbContext>>().CreateDbContextAsync();
        var siteId = await db.Users.Where(p => p.UserName == "M0001").Select(p => p.SiteId).SingleAsync();
        var leaderId = await db.Users.Where(p => p.UserName == "C0001").Select(p => p.Id).SingleAsync();
        return await db.Teams.Where(t => t.SiteId == siteId && t.ClassLeaderId == leaderId && t.IsActive).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
    }
}
