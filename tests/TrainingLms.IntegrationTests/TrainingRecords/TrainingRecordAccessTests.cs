using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data.Identity;
using TrainingLms.Domain;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.TrainingRecords;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.IntegrationTests.ShiftReviews;
using static TrainingLms.IntegrationTests.TrainingRecords.TrainingForms;

namespace TrainingLms.IntegrationTests.TrainingRecords;

/// <summary>Who may record, read, countersign and correct: every page and form, whatever the menu shows.</summary>
public class TrainingRecordAccessTests : IAsyncLifetime
{
    private readonly ShiftReviewsFactory factory = new();
    private int siteA, siteB;
    private TeamSetUp teamA = default!, teamB = default!;
    private int recordA, recordB;

    public async ValueTask InitializeAsync()
    {
        siteA = await factory.CreateSiteAsync("A1");
        siteB = await factory.CreateSiteAsync("B1");
        teamA = await factory.CreateTeamAsync(siteA, "客服班", "AL1", null, "AE1", "AE2");
        teamB = await factory.CreateTeamAsync(siteB, "客服班", "BL1", null, "BE1");
        recordA = await RecordForAsync("AL1", teamA);
        recordB = await RecordForAsync("BL1", teamB);
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<int> RecordForAsync(string leaderNumber, TeamSetUp team)
    {
        var leader = await factory.SignedInAsync(leaderNumber);
        var form = await OpenAsync(leader, "/training-records/new");
        return RecordId(await RecordAsync(leader, form, Routine(form.SubmissionKey, team.TeamId, SiteTime.Today(factory.Clock.UtcNow, null), team.MemberIds)));
    }

    private Task<TrainingRecordStatus> StatusAsync(int id) =>
        factory.WithDbAsync(db => db.TrainingRecords.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());

    [Fact]
    public async Task Employee_EveryPage_Refused()
    {
        var employee = await factory.SignedInAsync("AE1");

        foreach (var path in new[] { "/training-records", "/training-records/new", $"/training-records/{recordA}" })
            Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync(path)).StatusCode);
        Assert.DoesNotContain("href=\"/training-records\"", await employee.GetStringAsync("/"));
    }

    [Fact]
    public async Task Leader_RecordsOnlyForTheTeamTheyLead_AndSeesOnlyItsRecords()
    {
        var leader = await factory.SignedInAsync("AL1");
        var form = await OpenAsync(leader, "/training-records/new");

        var forOtherTeam = await RecordAsync(leader, form, Routine(form.SubmissionKey, teamB.TeamId, SiteTime.Today(factory.Clock.UtcNow, null), teamB.MemberIds));
        var openOtherTeam = await leader.GetAsync($"/training-records/new?team={teamB.TeamId}");
        var otherRecord = await leader.GetAsync($"/training-records/{recordB}");
        var list = await leader.GetStringAsync("/training-records");

        Assert.Equal(HttpStatusCode.Forbidden, forOtherTeam.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, openOtherTeam.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherRecord.StatusCode);
        Assert.Contains($"/training-records/{recordA}", list);
        Assert.DoesNotContain($"/training-records/{recordB}", list);
        Assert.Equal(2, await factory.WithDbAsync(db => db.TrainingRecords.CountAsync()));
    }

    [Fact]
    public async Task Leader_CannotCountersignOrReturnTheirOwn_NotEvenWhenAlsoTheSitesManager()
    {
        var leader = await factory.SignedInAsync("AL1");
        var signed = await ActAsync(leader, recordA, "countersign");
        Assert.Equal(HttpStatusCode.Forbidden, signed.StatusCode);

        await factory.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<Person>>();
            return await users.AddToRoleAsync((await users.FindByNameAsync("AL1"))!, Roles.Manager);
        });
        var leaderAndManager = await factory.SignedInAsync("AL1");
        Assert.Contains("这是您记录的培训", await leaderAndManager.GetStringAsync($"/training-records/{recordA}"));
        var ownSigned = await ActAsync(leaderAndManager, recordA, "countersign");
        var ownReturned = await ActAsync(leaderAndManager, recordA, "return", ("comment", "自己退回"));

        Assert.Equal(HttpStatusCode.Forbidden, ownSigned.StatusCode);
        Assert.Contains("不能确认或退回自己记录的培训", await ownSigned.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, ownReturned.StatusCode);
        Assert.Equal(TrainingRecordStatus.Submitted, await StatusAsync(recordA));
    }

    [Fact]
    public async Task Manager_OnlyTheirSitesRecords()
    {
        var manager = await factory.OverseerAsync("AM1", Roles.Manager, siteA);

        var list = await manager.GetStringAsync("/training-records");
        var other = await manager.GetAsync($"/training-records/{recordB}");
        var signOther = await PostAsync(manager, $"/training-records/{recordB}", "countersign", (await OpenAsync(manager, $"/training-records/{recordA}")).Token, []);
        var own = await manager.GetStringAsync($"/training-records/{recordA}");

        Assert.Contains($"/training-records/{recordA}", list);
        Assert.DoesNotContain($"/training-records/{recordB}", list);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, signOther.StatusCode);
        Assert.Equal(TrainingRecordStatus.Submitted, await StatusAsync(recordB));
        Assert.Contains("确认签字", own);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/training-records/new")).StatusCode);
    }

    [Fact]
    public async Task Manager_WithoutASite_SeesNothingAndCannotCountersign()
    {
        var manager = await factory.OverseerAsync("NM1", Roles.Manager, null);

        Assert.Contains("没有符合条件的培训记录", await manager.GetStringAsync("/training-records"));
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/training-records/{recordA}")).StatusCode);
    }

    [Fact]
    public async Task TrainerAndAdministrator_SeeEverySite()
    {
        var trainer = await factory.OverseerAsync("AT1", Roles.Trainer, null);
        await factory.CreatePersonAsync("AA1", [Roles.Employee, Roles.Admin]);
        var admin = await factory.SignedInAsync("AA1");

        foreach (var client in new[] { trainer, admin })
        {
            var list = await client.GetStringAsync("/training-records");
            Assert.Contains($"/training-records/{recordA}", list);
            Assert.Contains($"/training-records/{recordB}", list);
        }
        // An administrator may record for any team.
        Assert.Contains("测试BE1", await admin.GetStringAsync($"/training-records/new?team={teamB.TeamId}"));
    }

    [Fact]
    public async Task Correct_OnlyTheLeader_AndOnlyAReturnedRecord()
    {
        var manager = await factory.OverseerAsync("AM2", Roles.Manager, siteA);
        var leader = await factory.SignedInAsync("AL1");
        var today = SiteTime.Today(factory.Clock.UtcNow, null);

        var notReturned = await ActAsync(leader, recordA, "correct", [.. Routine("", teamA.TeamId, today, teamA.MemberIds, ("minutes", "30"))]);
        Assert.Equal(HttpStatusCode.Conflict, notReturned.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(manager, recordA, "return", ("comment", "补充内容"))).StatusCode);
        var byManager = await ActAsync(manager, recordA, "correct", [.. Routine("", teamA.TeamId, today, teamA.MemberIds, ("minutes", "30"))]);

        Assert.Equal(HttpStatusCode.Forbidden, byManager.StatusCode);
        Assert.Equal(TrainingRecordStatus.Returned, await StatusAsync(recordA));
        Assert.Equal(15, await factory.WithDbAsync(db => db.TrainingRecords.Where(r => r.Id == recordA).Select(r => r.Minutes).SingleAsync()));
    }
}
