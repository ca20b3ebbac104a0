using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrainingLms.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TrainingLms.BrowserTests;

/// <summary>Pre-job training on a phone: the demo class leader records it, the demo site manager countersigns it.</summary>
[Collection(BrowserCollection.Name)]
public class TrainingRecordTests(BrowserFixture fixture)
{
    private const string Topic = "门岗问候业主：先微笑再问好";

    [Fact]
    public async Task ClassLeader_RecordsATraining_OnAPhone_ManagerCountersignsIt()
    {
        var leader = await fixture.SignedInPageAsync("C0001", 390);
        await leader.Locator("nav.app-nav").GetByRole(AriaRole.Link, new() { Name = "班前培训" }).ClickAsync();
        await leader.GetByRole(AriaRole.Link, new() { Name = "记录班前培训" }).ClickAsync();
        await Expect(leader).ToHaveURLAsync(new Regex("/training-records/new$"));
        await Expect(leader.Locator("h1")).ToContainTextAsync("记录班前培训");

        // Half filled: no attendee ticked. The form comes back with the message and the topic as typed.
        await leader.FillAsync("#topic", Topic);
        await leader.FillAsync("#minutes", "15");
        // Everyone on the roster comes ticked; untick them all.
        foreach (var chip in await leader.Locator(".chips label.chip").AllAsync()) await chip.ClickAsync();
        await Expect(leader.Locator(".chips input:checked")).ToHaveCountAsync(0);
        await leader.Locator("form.review-form button[type=submit]").ClickAsync();
        await Expect(leader.Locator("[data-error=attendees]")).ToContainTextAsync("请至少勾选一名参训人员");
        await Expect(leader.Locator("#topic")).ToHaveValueAsync(Topic);
        Assert.True(await leader.FitsTheScreenAsync(), "refused training form scrolls sideways at 390px");
        await leader.ScreenshotAsync(fixture, "training-form-refused-390");

        await leader.Locator("label.chip", new() { HasText = "李娜" }).ClickAsync();
        await leader.Locator("label.chip").Nth(1).ClickAsync();
        var lesson = await leader.Locator("#lesson option[value*=':']").First.GetAttributeAsync("value");
        await leader.SelectOptionAsync("#lesson", lesson!);
        Assert.True(await leader.FitsTheScreenAsync(), "training form scrolls sideways at 390px");
        await leader.ScreenshotAsync(fixture, "training-form-390");
        await leader.Locator("form.review-form button[type=submit]").ClickAsync();

        await Expect(leader).ToHaveURLAsync(new Regex("/training-records/\\d+\\?sent="));
        await Expect(leader.Locator("main")).ToContainTextAsync("培训记录已提交");
        await Expect(leader.Locator("main")).ToContainTextAsync(Topic);
        await Expect(leader.Locator(".training-actions")).ToBeHiddenAsync();
        Assert.True(await leader.FitsTheScreenAsync(), "training record scrolls sideways at 390px");
        await leader.ScreenshotAsync(fixture, "training-recorded-390");
        var recordPath = new Uri(leader.Url).AbsolutePath;
        await leader.Context.CloseAsync();

        var manager = await fixture.SignedInPageAsync("M0001", 390);
        await manager.GotoAsync("/training-records?status=Submitted");
        var row = manager.Locator(".training-list li", new() { HasText = Topic });
        await Expect(row).ToContainTextAsync("待确认");
        Assert.True(await manager.FitsTheScreenAsync(), "training list scrolls sideways at 390px");
        await manager.ScreenshotAsync(fixture, "training-list-awaiting-390");
        await row.Locator("a").First.ClickAsync();
        await Expect(manager).ToHaveURLAsync(new Regex(Regex.Escape(recordPath) + "$"));
        await manager.ScreenshotAsync(fixture, "training-countersign-390");
        await manager.GetByRole(AriaRole.Button, new() { Name = "确认签字" }).ClickAsync();

        await Expect(manager.Locator(".alert-success")).ToContainTextAsync("已确认签字");
        await Expect(manager.Locator(".training-summary .badge")).ToContainTextAsync("已确认");
        await Expect(manager.Locator("[data-step=Countersigned]")).ToContainTextAsync("王建国");
        await manager.Context.CloseAsync();

        // The same record in English, as the manager reads it afterwards.
        var english = await fixture.SignedInPageAsync("M0001", 390, "en-US");
        await english.GotoAsync(recordPath);
        await Expect(english.Locator(".training-summary .badge")).ToContainTextAsync("Countersigned");
        await Expect(english.Locator("[data-step=Countersigned]")).ToContainTextAsync("Countersigned by");
        Assert.True(await english.FitsTheScreenAsync(), "training record in English scrolls sideways at 390px");
        await english.ScreenshotAsync(fixture, "training-countersigned-390-en");
        await english.GotoAsync("/training-records");
        await english.ScreenshotAsync(fixture, "training-list-390-en");
        await english.Context.CloseAsync();
    }
}
