using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Demo;
using TrainingLms.Web.Features.Drills.Clearance;
using TrainingLms.Domain.Drills;

namespace TrainingLms.IntegrationTests.Demo;

public sealed class DemoFactory : LmsFactory
{
    public DemoFactory() => Demo = true;

    /// <summary>The demo's clips, made and transcoded at start: the browser tests show them, the company tests need not wait.</summary>
    public bool DemoClips { get; init; }

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Clips", DemoClips ? "true" : "false");
        builder.UseSetting("Clips:X264Preset", Clips.ClipsFactory.FastestPreset);
    }

    /// <summary>
    /// Waits until the demo's clips, transcoded in the background at first start, are ready. How long that takes depends
    /// on what else the machine runs, so the safety net is on progress: it gives up only when no job moved for three minutes.
    /// </summary>
    public async Task WaitForDemoClipsAsync()
    {
        var lastProgress = "";
        var stalledSince = DateTime.UtcNow;
        while (await WithDbAsync(db => db.Clips.AnyAsync(c => c.Status == ClipStatus.Processing)))
        {
            var progress = string.Join(",", await WithDbAsync(db => db.TranscodeJobs.OrderBy(j => j.Id)
                .Select(j => $"{j.Id}:{j.Status}:{j.ProgressPercent}:{j.Attempts}").ToListAsync()));
            if (progress != lastProgress) (lastProgress, stalledSince) = (progress, DateTime.UtcNow);
            else if (DateTime.UtcNow - stalledSince > TimeSpan.FromMinutes(3)) throw new TimeoutException($"The demo clips' transcoding made no progress for three minutes: {progress}");
            await Task.Delay(250);
        }
    }
}

public class DemoCompanyTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task DemoMode_SeedsTwoSitesSixTeamsAndFortyPeopleWithLeaders()
    {
        var (sites, teams, people, teamsWithoutLeader) = await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LmsDbContext>();
            return (await db.Sites.CountAsync(), await db.Teams.CountAsync(), await db.Users.CountAsync(), await db.Teams.CountAsync(t => t.ClassLeaderId == null));
        });

        Assert.Equal(2, sites);
        Assert.True(teams >= 6, $"{teams} teams");
        Assert.True(people >= 40, $"{people} people");
        Assert.Equal(0, teamsWithoutLeader);
    }

    [Fact]
    public async Task DemoMode_HasAContractorCleaningTeam_LedByItsOwnLeader_WithReviewsAndTheCoursesOfOwnCleaners()
    {
        var (contractorId, members, leaderIsMember, reviews, contractorCourses, ownCleanerCourses, drilled) = await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LmsDbContext>();
            var contractor = await db.ContractorCompanies.SingleAsync(c => c.Name == "洁美保洁服务有限公司");
            var team = await db.Teams.SingleAsync(t => t.Name == "外包保洁班");
            var people = await db.Users.Where(p => p.TeamId == team.Id).ToListAsync();
            var cleaner = people.First(p => p.Id != team.ClassLeaderId);
            var ownCleaner = await db.Users.FirstAsync(p => p.ContractorCompanyId == null && p.PositionId == cleaner.PositionId && !db.Teams.Any(t => t.ClassLeaderId == p.Id));
            Task<List<int>> CoursesOf(string id) => db.CourseAssignments.Where(a => a.PersonId == id).Select(a => a.CourseId).OrderBy(c => c).ToListAsync();
            return (contractor.Id, people.Select(p => p.ContractorCompanyId).ToList(), people.Any(p => p.Id == team.ClassLeaderId),
                await db.ShiftReviews.CountAsync(r => r.TeamId == team.Id), await CoursesOf(cleaner.Id), await CoursesOf(ownCleaner.Id),
                await db.DrillAttempts.CountAsync(a => a.SignedAtUtc != null && db.Users.Any(p => p.Id == a.CandidateId && p.ContractorCompanyId == contractor.Id)));
        });

        Assert.Equal(4, members.Count);
        Assert.All(members, id => Assert.Equal(contractorId, id));
        Assert.True(leaderIsMember);
        Assert.True(reviews > 10, $"{reviews} reviews");
        Assert.NotEmpty(contractorCourses);
        Assert.Equal(ownCleanerCourses, contractorCourses);
        Assert.Equal(2, drilled); // two of them drilled with the company's own cleaners
        var admin = factory.CreateSessionClient();
        await admin.SignInAsync("A0001");
        var list = await admin.GetStringAsync($"/admin/people?contractor={contractorId}");
        Assert.Contains("JM001", list);
        Assert.DoesNotContain("E0002", list);
    }

    [Fact]
    public async Task DemoMode_PublishesTheCourses_AndGivesTheStaffALearningHistory_ButNotTheDemoAccounts()
    {
        var (courses, finished, overdue, accountsLearning) = await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LmsDbContext>();
            var accounts = DemoSeeder.Accounts.Select(a => a.EmployeeNumber).ToList();
            var accountIds = await db.Users.Where(p => accounts.Contains(p.UserName!)).Select(p => p.Id).ToListAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            return (await db.Courses.CountAsync(c => c.IsActive), await db.CourseCompletions.CountAsync(),
                await db.CourseAssignments.CountAsync(a => a.DueOn < today),
                await db.LessonCompletions.CountAsync(l => accountIds.Contains(l.PersonId)));
        });

        Assert.Equal(6, courses);
        Assert.True(finished > 0, "nobody finished a course");
        Assert.True(overdue > 0, "no overdue course");
        Assert.Equal(0, accountsLearning);
        var administrator = factory.CreateSessionClient();
        await administrator.SignInAsync("A0001");
        Assert.Contains("见面、微笑、问好、起身", await administrator.GetStringAsync("/courses/overdue"));
    }

    [Fact]
    public async Task DemoMode_DrillHistory_ManagerToBeScoredToday_OthersClearedOrExpiring()
    {
        var (drills, results, scheduled, statuses, certificates) = await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LmsDbContext>();
            var manager = await db.Users.SingleAsync(p => p.UserName == "M0001");
            var clearance = await services.GetRequiredService<ClearanceService>().EvaluateAsync(db, db.Users.Where(p => p.Site!.Code == "CH"));
            return (await db.Drills.CountAsync(d => d.IsActive),
                await db.DrillAttempts.Where(a => a.SignedAtUtc != null).Select(a => a.Passed!.Value).ToListAsync(),
                await db.DrillAttempts.AnyAsync(a => a.CandidateId == manager.Id && a.SignedAtUtc == null),
                clearance.ToDictionary(c => c.Person.EmployeeNumber, c => c.Result.Status),
                await db.Certificates.CountAsync());
        });

        // The four rubrics in content/drills: pre-posting, pre-job, security post and cleaning post.
        Assert.Equal(4, drills);
        Assert.Contains(true, results);
        Assert.Contains(false, results);
        Assert.True(scheduled, "M0001 has no drill to be scored");
        Assert.Equal(ClearanceStatus.NotCleared, statuses["M0001"]);
        Assert.Contains(ClearanceStatus.Cleared, statuses.Values);
        Assert.Contains(ClearanceStatus.Expiring, statuses.Values);
        Assert.True(certificates >= 2, $"{certificates} certificates");
        var trainer = factory.CreateSessionClient();
        await trainer.SignInAsync("T0001");
        Assert.Contains("基层管理人员上岗前礼仪演练考核", await trainer.GetStringAsync("/"));
    }

    [Fact]
    public async Task DemoMode_GuardsNeedTheSecurityPostDrill_CleanersTheCleaningDrill_WithAHistoryOnBoth()
    {
        var (clearance, postResults) = await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LmsDbContext>();
            var clearance = await services.GetRequiredService<ClearanceService>().EvaluateAsync(db, db.Users.Where(p => p.Position!.Name == "秩序维护员" || p.Position!.Name == "保洁员"));
            var drills = await db.Drills.Where(d => d.Slug == DemoDrillSeeder.SecurityPostDrill || d.Slug == DemoDrillSeeder.CleaningPostDrill).ToDictionaryAsync(d => d.Id, d => d.Slug);
            var postResults = (await db.DrillAttempts.Where(a => a.SignedAtUtc != null && drills.Keys.Contains(a.DrillRevision!.DrillId))
                .Select(a => new { a.DrillRevision!.DrillId, Passed = a.Passed!.Value, Zeroes = a.Scores.Where(s => s.Score == 0).Select(s => s.CriterionKey).ToList() })
                .ToListAsync()).Select(a => (Slug: drills[a.DrillId], a.Passed, a.Zeroes)).ToList();
            return (clearance, postResults);
        });

        var guards = clearance.Where(c => c.Person.PositionName == "秩序维护员").ToList();
        var cleaners = clearance.Where(c => c.Person.PositionName == "保洁员").ToList();
        Assert.NotEmpty(guards);
        Assert.NotEmpty(cleaners);
        Assert.All(guards, g => Assert.Contains(new Requirement(RequirementKind.Drill, DemoDrillSeeder.SecurityPostDrill), g.Required));
        Assert.All(cleaners, c => Assert.Contains(new Requirement(RequirementKind.Drill, DemoDrillSeeder.CleaningPostDrill), c.Required));
        Assert.All(cleaners, c => Assert.DoesNotContain(new Requirement(RequirementKind.Drill, DemoDrillSeeder.SecurityPostDrill), c.Required));
        // A guard who has not yet done the post drill is held back by it, whatever else they passed.
        Assert.Contains(guards, g => g.Result.Gaps.Any(gap => gap.Requirement.Slug == DemoDrillSeeder.SecurityPostDrill && gap.Reason == GapReason.DrillNotPassed));
        Assert.Contains(cleaners, c => c.Result.IsCleared);
        foreach (var slug in new[] { DemoDrillSeeder.SecurityPostDrill, DemoDrillSeeder.CleaningPostDrill })
        {
            var results = postResults.Where(r => r.Slug == slug).ToList();
            Assert.Contains(results, r => r.Passed);
            // The one failed: a minimum action at zero, everything else scored.
            var failed = Assert.Single(results, r => !r.Passed);
            Assert.Contains(Assert.Single(failed.Zeroes), new[] { "meet", "smile", "greet", "rise" });
        }
    }

    [Fact]
    public async Task DemoMode_GreeningWorkers_AreAssignedTheCompanyWideCourses_AndNeedNothingNewForClearance()
    {
        var (courses, clearance) = await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LmsDbContext>();
            var greening = db.Users.Where(p => p.Position!.Name == "绿化工" && p.IsActive);
            var courses = await db.CourseAssignments.Where(a => greening.Any(p => p.Id == a.PersonId))
                .Select(a => new { a.PersonId, a.Course!.Slug, a.Source }).ToListAsync();
            return (courses, await services.GetRequiredService<ClearanceService>().EvaluateAsync(db, greening));
        });

        // A back-office post (not customer-facing): the basics reach it through "everyone: true".
        Assert.NotEmpty(clearance);
        foreach (var worker in clearance)
            Assert.All(new[] { "meet-smile-greet-rise", "courtesy-language" }, slug =>
                Assert.Contains(courses, a => a.PersonId == worker.Person.PersonId && a.Slug == slug && a.Source == Domain.Courses.AssignmentSource.Audience));
        // Clearance is what the post's rules require, not what is assigned: the greening post has none, so nobody is held back.
        Assert.All(clearance, worker => Assert.Equal(ClearanceStatus.NotRequired, worker.Result.Status));
    }

    [Theory]
    [InlineData(Roles.Admin, "组织概况")]
    [InlineData(Roles.Trainer, "待培训的新员工")]
    [InlineData(Roles.Manager, "翠湖花园 的班组")]
    [InlineData(Roles.ClassLeader, "我的班组：客服班")]
    [InlineData(Roles.Employee, "我的岗位")]
    public async Task DemoAccount_SignsInWithThePrintedPassword_AndSeesTheirHome(string role, string expected)
    {
        var account = DemoSeeder.Accounts.Single(a => a.Role == role);
        var client = factory.CreateSessionClient();

        var signIn = await client.SignInAsync(account.Phone);

        Assert.Equal("/", signIn.RedirectPath());
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var page = await home.Content.ReadAsStringAsync();
        Assert.Contains(account.FullName, page);
        Assert.Contains(expected, page);
    }
}
