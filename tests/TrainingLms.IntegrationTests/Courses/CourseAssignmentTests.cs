using TrainingLms.Web.Infrastructure;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Courses;
using TrainingLms.Web.Features.Courses.Caching;
using TrainingLms.Web.Features.Courses.Content;
using TrainingLms.Web.Features.People;
using TrainingLms.Web.Features.People.Import;
using TrainingLms.Web.Features.Content;
using static TrainingLms.IntegrationTests.Courses.CourseTestKit;

namespace TrainingLms.IntegrationTests.Courses;

/// <summary>Who is assigned a course: by audience rules, by hand, and who sees what is overdue.</summary>
public class CourseAssignmentTests
{
    [Fact]
    public async Task Audience_CustomerFacingPost_IsAssignedWithDueDate_OthersAreNot()
    {
        await using var factory = await StartAsync();
        var facing = await CreateLearnerAsync(factory, "E100", facesCustomers: true);
        var backOffice = await CreateLearnerAsync(factory, "E101", facesCustomers: false);

        var assignments = await QueryAsync(factory, db => db.CourseAssignments.AsNoTracking().ToListAsync());
        var assignment = Assert.Single(assignments);
        Assert.Equal(facing, assignment.PersonId);
        Assert.Equal(AssignmentSource.Audience, assignment.Source);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(7), assignment.DueOn);
        Assert.DoesNotContain(assignments, a => a.PersonId == backOffice);
    }

    [Fact]
    public async Task Audience_PersonMovedToCustomerFacingPost_GetsTheCourse()
    {
        await using var factory = await StartAsync();
        var personId = await CreateLearnerAsync(factory, "E102", facesCustomers: false);
        var facingPosition = await QueryAsync(factory, async db =>
        {
            var position = new Position { Name = "前台", LineOfWork = LineOfWork.CustomerService, FacesCustomers = true };
            db.Positions.Add(position);
            await db.SaveChangesAsync();
            return position.Id;
        });
        await factory.WithScopeAsync(services => services.GetRequiredService<PeopleAdministration>().UpdateAsync(personId,
            new PersonInput { EmployeeNumber = "E102", FullName = "学员E102", PositionId = facingPosition, Roles = [Roles.Employee] }));

        Assert.True(await QueryAsync(factory, db => db.CourseAssignments.AnyAsync(a => a.PersonId == personId)));
    }

    [Fact]
    public async Task Audience_PositionEditedToFaceCustomers_ItsHoldersGetTheCourse()
    {
        await using var factory = await StartAsync();
        var holder = await CreateLearnerAsync(factory, "E109", facesCustomers: false);
        var positionId = await QueryAsync(factory, db => db.Users.Where(p => p.Id == holder).Select(p => p.PositionId!.Value).SingleAsync());
        Assert.False(await QueryAsync(factory, db => db.CourseAssignments.AnyAsync()));
        var admin = await factory.AdministratorClientAsync();

        var saved = await admin.PostFormAsync($"/admin/positions/{positionId}", "position", new()
        {
            ["Input.Name"] = "岗位E109",
            ["Input.LineOfWork"] = nameof(LineOfWork.CustomerService),
            ["Input.FacesCustomers"] = "true",
        });

        Assert.Equal("/admin/positions", saved.RedirectPath());
        var assignment = await QueryAsync(factory, db => db.CourseAssignments.AsNoTracking().SingleAsync());
        Assert.Equal((holder, AssignmentSource.Audience), (assignment.PersonId, assignment.Source));
    }

    [Fact]
    public async Task Audience_PersonReactivated_GetsTheCoursePublishedWhileTheyWereAway()
    {
        await using var factory = new CourseContentFactory();
        var personId = await CreateLearnerAsync(factory, "E110", facesCustomers: true); // starts the app with no courses
        Assert.True((await factory.WithScopeAsync(s => s.GetRequiredService<PeopleAdministration>().SetActiveAsync(personId, false))).Succeeded);
        SampleCourse.Write(factory);
        Assert.Equal(SyncOutcome.Added, Assert.Single((await factory.SyncAsync()).Courses).Outcome);
        Assert.False(await QueryAsync(factory, db => db.CourseAssignments.AnyAsync()));

        var reactivated = await factory.WithScopeAsync(s => s.GetRequiredService<PeopleAdministration>().SetActiveAsync(personId, true));

        Assert.True(reactivated.Succeeded);
        var assignment = await QueryAsync(factory, db => db.CourseAssignments.AsNoTracking().SingleAsync());
        Assert.Equal((personId, AssignmentSource.Audience), (assignment.PersonId, assignment.Source));
    }

    [Fact]
    public async Task Audience_ImportedPeople_AreAssignedTheirCourses()
    {
        await using var factory = new CourseContentFactory();
        SampleCourse.Write(factory, audience: "roles: [Employee]");
        var administratorId = (await factory.FindPersonAsync(LmsFactory.AdministratorNumber))!.Id; // starts the app: content is synced
        var csv = Encoding.UTF8.GetBytes("""
            工号,姓名,手机,邮箱,项目,班组,条线,岗位,入职日期,角色
            I001,导入一,13900000001,,翠湖花园,客服一班,客服,,2025-03-01,员工
            I002,导入二,13900000002,,翠湖花园,秩序一班,安防,,2025-03-01,员工
            """);

        var outcome = await factory.WithScopeAsync(services => services.GetRequiredService<PeopleImporter>()
            .ImportAsync(csv, "员工名单.csv", new ImportSettings(CreateMissing: true, InitialPassword: "welcome2026", CheckOnly: false), administratorId));

        Assert.True(outcome.Succeeded);
        var assigned = await QueryAsync(factory, db => db.CourseAssignments.AsNoTracking()
            .Join(db.Users, a => a.PersonId, p => p.Id, (a, p) => new { p.UserName, a.Source }).OrderBy(x => x.UserName).ToListAsync());
        Assert.Equal([("I001", AssignmentSource.Audience), ("I002", AssignmentSource.Audience)], assigned.Select(x => (x.UserName, x.Source)));
    }

    [Fact]
    public async Task Overdue_IsSeenByTheLearner_TheirClassLeader_AndAdministrators_NotByAnotherTeamsLeader()
    {
        await using var factory = await StartAsync();
        var learner = await CreateLearnerAsync(factory, "E109", facesCustomers: true);
        var leader = await factory.CreatePersonAsync("C1", [Roles.Employee, Roles.ClassLeader]);
        var otherLeader = await factory.CreatePersonAsync("C2", [Roles.Employee, Roles.ClassLeader]);
        await QueryAsync(factory, async db =>
        {
            var site = new Site { Code = "CH", Name = "翠湖花园" };
            var team = new Team { Site = site, Name = "客服班", ClassLeaderId = leader };
            db.Teams.AddRange(team, new Team { Site = site, Name = "秩序班", ClassLeaderId = otherLeader });
            await db.SaveChangesAsync();
            await db.Users.Where(p => p.Id == learner).ExecuteUpdateAsync(s => s.SetProperty(p => p.TeamId, team.Id).SetProperty(p => p.SiteId, site.Id));
            return await db.CourseAssignments.Where(a => a.PersonId == learner).ExecuteUpdateAsync(s => s.SetProperty(a => a.DueOn, new DateOnly(2020, 1, 1)));
        });

        Assert.Contains("已逾期", await (await LearnerClientAsync(factory, "E109")).GetStringAsync("/learning"));
        Assert.Contains("学员E109", await (await LearnerClientAsync(factory, "C1")).GetStringAsync("/courses/overdue"));
        Assert.DoesNotContain("学员E109", await (await LearnerClientAsync(factory, "C2")).GetStringAsync("/courses/overdue"));
        Assert.Contains("学员E109", await (await factory.AdministratorClientAsync()).GetStringAsync("/courses/overdue"));
    }

    [Fact]
    public async Task ManualAssignment_ToATeam_AssignsEveryActiveMemberOnce()
    {
        await using var factory = await StartAsync();
        var (teamId, members) = await QueryAsync(factory, async db =>
        {
            var site = new Site { Code = "S1", Name = "一号项目" };
            db.Sites.Add(site);
            await db.SaveChangesAsync();
            var team = new Team { SiteId = site.Id, Name = "保洁班", LineOfWork = LineOfWork.Cleaning };
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            return (team.Id, site.Id);
        });
        foreach (var number in new[] { "C1", "C2" })
            await factory.WithScopeAsync(services => services.GetRequiredService<PeopleAdministration>().CreateAsync(
                new PersonInput { EmployeeNumber = number, FullName = number, SiteId = members, TeamId = teamId, Roles = [Roles.Employee] }, LmsFactory.Password, false));
        var courseId = await QueryAsync(factory, db => db.Courses.Select(c => c.Id).SingleAsync());
        var adminId = (await factory.FindPersonAsync(LmsFactory.AdministratorNumber))!.Id;

        var assigner = (Func<Task<int?>>)(() => factory.WithScopeAsync(services =>
            services.GetRequiredService<CourseAssigner>().AssignAsync(courseId, AssignmentTargetKind.Team, teamId.ToString(), new DateOnly(2030, 1, 31), adminId)));
        Assert.Equal(2, await assigner());
        Assert.Equal(0, await assigner());
        var rows = await QueryAsync(factory, db => db.CourseAssignments.AsNoTracking().ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal((AssignmentSource.Team, new DateOnly(2030, 1, 31), adminId), (r.Source, r.DueOn, r.AssignedById)));

        // A team that does not exist, or no longer works, is an unknown target rather than "0 assigned".
        await QueryAsync(factory, db => db.Teams.Where(t => t.Id == teamId).ExecuteUpdateAsync(s => s.SetProperty(t => t.IsActive, false)));
        Assert.Null(await assigner());
        Assert.Null(await factory.WithScopeAsync(services =>
            services.GetRequiredService<CourseAssigner>().AssignAsync(courseId, AssignmentTargetKind.Team, "9999", null, adminId)));
    }

    [Fact]
    public async Task AssignPage_DueDateInThePast_IsRefusedWithAMessage_AndNothingIsAssigned()
    {
        await using var factory = await StartAsync();
        await CreateLearnerAsync(factory, "E111", facesCustomers: false);
        var admin = await factory.AdministratorClientAsync();

        var response = await admin.PostFieldsAsync($"/courses/manage/{SampleCourse.Slug}/assign", "assign",
            [new("Input.Kind", "Person"), new("Input.EmployeeNumber", "E111"), new("Input.DueOn", "2020-01-01")]);

        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("截止日期不能早于今天", page);
        Assert.Contains("value=\"E111\"", page); // what was typed is kept
        Assert.False(await QueryAsync(factory, db => db.CourseAssignments.AnyAsync()));
    }
}
