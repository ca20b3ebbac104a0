using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using static TrainingLms.IntegrationTests.Drills.DrillForms;

namespace TrainingLms.IntegrationTests.Drills;

/// <summary>
/// The person's drills on their home page are kept in memory between views (DrillHomeQueries.MineAsync); whatever changes them shows
/// on the very next view: a session, a signed result, an annulment asked for and countersigned (its certificate revoked),
/// an acknowledgement, a role given.
/// </summary>
public class MyDrillsHomeTests(DrillsFactory factory) : IClassFixture<DrillsFactory>
{
    [Fact]
    public async Task Home_ShowsEachChangeToThePersonsDrills_OnTheNextView()
    {
        var drill = await factory.SessionAsync("MH");
        var candidate = await factory.SignedInAsync(drill.CandidateNumber);
        var home = await MyDrillsAsync(candidate);
        Assert.Contains("data-status=\"NotCleared\"", home);
        Assert.Contains("已安排演练：", home);

        var trainer = await factory.SignedInAsync(drill.TrainerNumber);
        await SignAsync(trainer, drill.AttemptId, FullMarks);
        home = await MyDrillsAsync(candidate);
        Assert.Contains("data-status=\"Cleared\"", home);
        Assert.DoesNotContain("已安排演练：", home);
        Assert.Contains($"href=\"/drills/results/{drill.AttemptId}\"", home);
        Assert.Contains("下载我的证书", home);

        await factory.CreateStaffAsync("MH-T2", drill.SiteId, null, "复核培训师", Roles.Trainer, Roles.Employee);
        var path = $"/drills/attempts/{drill.AttemptId}";
        Assert.Equal($"{path}?done=requested", (await trainer.PostFieldsAsync(path, "annul", [new("reason", "微笑项误记"), new("password", LmsFactory.Password)])).RedirectPath());
        Assert.Contains("作废待复核", await MyDrillsAsync(candidate));

        var second = await factory.SignedInAsync("MH-T2");
        Assert.Equal($"{path}?done=annulled", (await second.PostFieldsAsync(path, "countersign", [new("password", LmsFactory.Password)])).RedirectPath());
        home = await MyDrillsAsync(candidate);
        Assert.Contains("data-status=\"NotCleared\"", home);
        Assert.DoesNotContain($"href=\"/drills/results/{drill.AttemptId}\"", home);
        Assert.DoesNotContain("下载我的证书", home);
    }

    [Fact]
    public async Task Home_ShowsAnAcknowledgement_AndWhatARoleGivenRequires_OnTheNextView()
    {
        var drill = await factory.SessionAsync("MR");
        var trainer = await factory.SignedInAsync(drill.TrainerNumber);
        await SignAsync(trainer, drill.AttemptId, FullMarks);
        var candidate = await factory.SignedInAsync(drill.CandidateNumber);
        var home = await MyDrillsAsync(candidate);
        Assert.Contains("data-status=\"Cleared\"", home);
        Assert.Contains($"href=\"/drills/results/{drill.AttemptId}\"", home);

        var acknowledged = await candidate.PostFieldsAsync($"/drills/results/{drill.AttemptId}", "acknowledge", []);
        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);
        Assert.DoesNotContain($"href=\"/drills/results/{drill.AttemptId}\"", await MyDrillsAsync(candidate));

        // A grassroots manager must also pass the pre-posting drill.
        await factory.WithScopeAsync(async services =>
        {
            var people = services.GetRequiredService<UserManager<Person>>();
            return await people.AddToRoleAsync((await people.FindByIdAsync(drill.CandidateId))!, Roles.Manager);
        });

        Assert.Contains("data-status=\"NotCleared\"", await MyDrillsAsync(candidate));
    }

    private static async Task<string> MyDrillsAsync(HttpClient person)
    {
        var home = await person.GetStringAsync("/");
        var start = home.IndexOf("class=\"panel my-drills\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no drills panel on the home page");
        return home[start..home.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}
