using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data.Identity;
using TrainingLms.Domain;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Organisation;
using TrainingLms.Web.Features.People;

namespace TrainingLms.IntegrationTests.Organisation;

/// <summary>The rules of the organisation's sites, posts and teams, through the service the administrator's pages use.</summary>
public class OrganisationAdministrationTests(LmsFactory factory) : IClassFixture<LmsFactory>
{
    private Task<T> WithServiceAsync<T>(Func<OrganisationAdministration, Task<T>> action) =>
        factory.WithScopeAsync(services => action(services.GetRequiredService<OrganisationAdministration>()));

    private async Task<int> SiteAsync(string code) =>
        (await WithServiceAsync(o => o.SaveSiteAsync(null, new SiteInput(code, "项目" + code, null, SiteTime.DefaultTimeZoneId)))).Id!.Value;

    [Fact]
    public async Task Site_BlankUnknownZoneOrTakenCodeAndName_RefusedByField()
    {
        await SiteAsync("S1");

        var blank = await WithServiceAsync(o => o.SaveSiteAsync(null, new SiteInput(" ", "", null, "Mars/Olympus")));
        var taken = await WithServiceAsync(o => o.SaveSiteAsync(null, new SiteInput("S1", "项目S1", null, SiteTime.DefaultTimeZoneId)));

        Assert.Equal(OrganisationStatus.Invalid, blank.Status);
        Assert.Equal(["Code", "Name", "TimeZoneId"], blank.FieldErrors.Keys.Order());
        Assert.Equal(("Validation.Duplicate", "Validation.Duplicate"), (taken.FieldErrors["Code"], taken.FieldErrors["Name"]));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Sites.CountAsync(s => s.Code == "S1")));
    }

    [Fact]
    public async Task Position_NameTakenRefused_ChangedPostBringsItsHoldersTheirCourses()
    {
        // Opted out of the company-wide courses, so that only facing customers brings meet-smile-greet-rise below.
        var saved = await WithServiceAsync(o => o.SavePositionAsync(null, new PositionInput("绿化养护", LineOfWork.Greening, false, false, true)));
        var duplicate = await WithServiceAsync(o => o.SavePositionAsync(null, new PositionInput(" 绿化养护 ", LineOfWork.Greening, false, false, false)));
        var unknownLine = await WithServiceAsync(o => o.SavePositionAsync(saved.Id, new PositionInput("绿化养护", (LineOfWork)99, false, false, false)));

        Assert.Equal(OrganisationStatus.Saved, saved.Status);
        Assert.Equal("Validation.Duplicate", duplicate.FieldErrors["Name"]);
        Assert.Equal("Validation.Unknown", unknownLine.FieldErrors["LineOfWork"]);
        Assert.Equal(OrganisationStatus.NotFound, (await WithServiceAsync(o => o.SavePositionAsync(9999, new PositionInput("无", LineOfWork.Greening, false, false, false)))).Status);

        // The post now faces customers: its holder is assigned the customer-facing courses in the same save.
        var holderId = (await factory.WithScopeAsync(services => services.GetRequiredService<PeopleAdministration>().CreateAsync(
            new PersonInput { EmployeeNumber = "PH1", FullName = "测试PH1", PositionId = saved.Id, Roles = [Roles.Employee] }, LmsFactory.Password, false))).PersonId!;
        Assert.False(await factory.WithDbAsync(db => db.CourseAssignments.AnyAsync(a => a.PersonId == holderId && a.Course!.Slug == "meet-smile-greet-rise")));
        await WithServiceAsync(o => o.SavePositionAsync(saved.Id, new PositionInput("绿化养护", LineOfWork.Greening, true, false, true)));
        Assert.True(await factory.WithDbAsync(db => db.CourseAssignments.AnyAsync(a => a.PersonId == holderId && a.Course!.Slug == "meet-smile-greet-rise")));
    }

    [Fact]
    public async Task Team_LeaderMustBeItsOwnPersonAndGetsTheRole_TeamWithPeopleStaysAtItsSite()
    {
        var siteId = await SiteAsync("T1");
        var otherSiteId = await SiteAsync("T2");
        var team = await WithServiceAsync(o => o.SaveTeamAsync(null, new TeamInput(siteId, "保洁一班", LineOfWork.Cleaning, null, "白班 08:00-20:00")));
        var memberId = await factory.CreatePersonAsync("TM1", [Roles.Employee]);
        var outsiderId = await factory.CreatePersonAsync("TO1", [Roles.Employee]);
        await factory.WithDbAsync(async db =>
        {
            var member = await db.Users.SingleAsync(p => p.Id == memberId);
            (member.SiteId, member.TeamId) = (siteId, team.Id);
            (await db.Users.SingleAsync(p => p.Id == outsiderId)).SiteId = otherSiteId;
            return await db.SaveChangesAsync();
        });

        var outsider = await WithServiceAsync(o => o.SaveTeamAsync(team.Id, new TeamInput(siteId, "保洁一班", LineOfWork.Cleaning, outsiderId, null)));
        var moved = await WithServiceAsync(o => o.SaveTeamAsync(team.Id, new TeamInput(otherSiteId, "保洁一班", LineOfWork.Cleaning, null, null)));
        var badShift = await WithServiceAsync(o => o.SaveTeamAsync(team.Id, new TeamInput(siteId, "保洁一班", LineOfWork.Cleaning, null, "白班 25:00-26:00")));
        var led = await WithServiceAsync(o => o.SaveTeamAsync(team.Id, new TeamInput(siteId, "保洁一班", LineOfWork.Cleaning, memberId, "白班 08:00-20:00")));

        Assert.Equal("Teams.LeaderNotInTeam", outsider.FieldErrors["ClassLeaderId"]);
        Assert.Equal("Teams.SiteChangeWithMembers", moved.FieldErrors["SiteId"]);
        Assert.StartsWith("Teams.ShiftProblem.", badShift.FieldErrors["Shifts"]);
        Assert.Equal(OrganisationStatus.Saved, led.Status);
        var (leaderId, leaderRole) = await factory.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<Person>>();
            var leader = await users.FindByIdAsync(memberId);
            return ((await factory.WithDbAsync(db => db.Teams.Where(t => t.Id == team.Id).Select(t => t.ClassLeaderId).SingleAsync())), await users.IsInRoleAsync(leader!, Roles.ClassLeader));
        });
        Assert.Equal((memberId, true), (leaderId, leaderRole));
    }

    [Fact]
    public async Task SetActive_SiteTeamAndPost_SwitchedOffAndOnAgain()
    {
        var siteId = await SiteAsync("A1");

        await WithServiceAsync(async o => { await o.SetSiteActiveAsync(siteId, false); return 0; });
        var off = await factory.WithDbAsync(db => db.Sites.Where(s => s.Id == siteId).Select(s => s.IsActive).SingleAsync());
        await WithServiceAsync(async o => { await o.SetSiteActiveAsync(siteId, true); return 0; });

        Assert.False(off);
        Assert.True(await factory.WithDbAsync(db => db.Sites.Where(s => s.Id == siteId).Select(s => s.IsActive).SingleAsync()));
    }
}
