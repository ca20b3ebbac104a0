using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Drills;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Courses;
using TrainingLms.Web.Features.Courses.Checks;
using static TrainingLms.IntegrationTests.Drills.DrillForms;
using TrainingLms.Web.Features.Content;
using TrainingLms.Web.Features.Drills.Clearance;

namespace TrainingLms.IntegrationTests.Drills;

/// <summary>Posting clearance over HTTP: the board per site and its export, course versions, expiry and re-drill, managers.</summary>
public class ClearanceTests(DrillsFactory factory) : IClassFixture<DrillsFactory>
{
    private const string Course = "meet-smile-greet-rise";
    private const string Zone = SiteTime.DefaultTimeZoneId;

    private async Task SignAsync(DrillSetUp drill, (string, string)[] scores)
    {
        var trainer = await factory.SignedInAsync(drill.TrainerNumber);
        Assert.Equal($"/drills/attempts/{drill.AttemptId}?done=signed", (await DrillForms.SignAsync(trainer, drill.AttemptId, scores)).RedirectPath());
    }

    /// <summary>The rules are kept in memory (ClearanceCatalogCache): a change is judged by on the very next look.</summary>
    [Fact]
    public async Task Clearance_RuleAddedAndRemoved_CountsAtTheNextLook()
    {
        var siteId = await factory.CreateSiteAsync("CR");
        var positionId = await factory.CreatePositionAsync("规则岗位CR");
        var personId = await factory.CreateStaffAsync("CRE", siteId, positionId, "规则员工");
        var drill = new Requirement(RequirementKind.Drill, DrillsFactory.PreJob);
        Task<bool> RulesAsync(params Requirement[] wanted) => factory.WithScopeAsync(services => services.GetRequiredService<ClearanceRulesAdministration>().SaveAsync(positionId, wanted));
        Task<ClearanceStatus> StatusAsync() => factory.WithScopeAsync(async services => (await services.GetRequiredService<ClearanceService>().ForPersonAsync(personId))!.Result.Status);
        Assert.Equal(ClearanceStatus.NotRequired, await StatusAsync());

        Assert.True(await RulesAsync(drill));
        Assert.Equal(ClearanceStatus.NotCleared, await StatusAsync());

        Assert.True(await RulesAsync());
        Assert.Equal(ClearanceStatus.NotRequired, await StatusAsync());
    }

    private Task<string> BoardCsvAsync(HttpClient client, int siteId) =>
        client.GetStringAsync($"/clearance/export.csv?site={siteId}");

    [Fact]
    public async Task Board_ManagerSeesTheirSiteOnly_OtherSiteRefused_ExportNeutralisesFormulas()
    {
        var drill = await factory.SessionAsync("CA", candidateName: "=HYPERLINK(\"http://evil\")");
        await SignAsync(drill, FullMarks);
        await factory.CreateStaffAsync("CA-W", drill.SiteId, drill.PositionId, "未考核者", Roles.Employee);
        await factory.CreateStaffAsync("CA-M", drill.SiteId, null, "本站经理", Roles.Manager, Roles.Employee);
        var elsewhere = await factory.SessionAsync("CB", candidateName: "外站员工");
        var manager = await factory.SignedInAsync("CA-M");

        var board = await manager.GetStringAsync("/clearance");
        var otherSite = await manager.GetAsync($"/clearance?site={elsewhere.SiteId}");
        var otherExport = await manager.GetAsync($"/clearance/export.csv?site={elsewhere.SiteId}");
        var csv = await BoardCsvAsync(manager, drill.SiteId);

        Assert.Contains("未考核者", board);
        Assert.Contains($"data-person=\"{drill.CandidateNumber}\" data-status=\"Cleared\"", board);
        Assert.Contains("data-person=\"CA-W\" data-status=\"NotCleared\"", board);
        Assert.DoesNotContain("外站员工", board);
        Assert.Equal(HttpStatusCode.Forbidden, otherSite.StatusCode);
        Assert.DoesNotContain("外站员工", await otherSite.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, otherExport.StatusCode);
        Assert.StartsWith("\uFEFF项目,工号,姓名", csv);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
        Assert.Contains("未考核者", csv);
        // The manager, whose post requires nothing, still needs the pre-posting drill.
        Assert.Contains("data-person=\"CA-M\" data-status=\"NotCleared\"", board);
        Assert.Contains("基层管理人员上岗前礼仪演练考核", board);
    }

    [Fact]
    public async Task Board_FilteredByStatusAndName_AdministratorChoosesTheSite_EmployeeRefused()
    {
        var drill = await factory.SessionAsync("CC", candidateName: "通过者");
        await SignAsync(drill, FullMarks);
        await factory.CreateStaffAsync("CC-W", drill.SiteId, drill.PositionId, "等待者", Roles.Employee);
        var administrator = await factory.AdministratorClientAsync();

        var cleared = await administrator.GetStringAsync($"/clearance?site={drill.SiteId}&status=Cleared");
        var byName = await administrator.GetStringAsync($"/clearance?site={drill.SiteId}&q=等待");
        var employee = await (await factory.SignedInAsync(drill.CandidateNumber)).GetAsync("/clearance");

        Assert.Contains("通过者", cleared);
        Assert.DoesNotContain("等待者", cleared);
        Assert.Contains("等待者", byName);
        Assert.DoesNotContain("通过者", byName);
        Assert.True(employee.StatusCode == HttpStatusCode.Forbidden || employee.RedirectPath()?.StartsWith("/account/denied", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Clearance_RequiredCourse_CountsAtItsCurrentVersion_ANewVersionWithChangedLessonsUnclears()
    {
        var drill = await factory.SessionAsync("CD");
        await factory.WithDbAsync(db =>
        {
            db.ClearanceRequirements.Add(new ClearanceRequirement { PositionId = drill.PositionId, Kind = RequirementKind.Course, Slug = Course });
            return db.SaveChangesAsync();
        });
        await SignAsync(drill, FullMarks);
        var candidate = await factory.SignedInAsync(drill.CandidateNumber);
        Assert.Contains("课程“见面、微笑、问好、起身”：未开始", await candidate.GetStringAsync("/clearance/me"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Certificates.CountAsync(c => c.PersonId == drill.CandidateId)));

        await CompleteCourseAsync(drill.CandidateId);
        var cleared = await candidate.GetStringAsync("/clearance/me");
        Assert.Contains("data-status=\"Cleared\"", cleared);
        // Cleared by finishing the course after the sign-off: the certificate is issued when next looked at.
        Assert.Equal(1, await factory.WithDbAsync(db => db.Certificates.CountAsync(c => c.PersonId == drill.CandidateId)));

        await PublishNewVersionAsync(changeLesson: false);
        Assert.Contains("data-status=\"Cleared\"", await candidate.GetStringAsync("/clearance/me"));
        await PublishNewVersionAsync(changeLesson: true);
        var reviewNeeded = await candidate.GetStringAsync("/clearance/me");
        Assert.Contains("data-status=\"NotCleared\"", reviewNeeded);
        Assert.Contains("已更新版本，需重学部分课时", reviewNeeded);
    }

    [Fact]
    public async Task Clearance_ExpiresAtTheSitesMidnight_ShownOnHome_AndReturnsWithANewPass()
    {
        var drill = await factory.SessionAsync("CE", zone: "America/New_York");
        await SignAsync(drill, FullMarks);
        var validThrough = (await factory.WithDbAsync(db => db.DrillAttempts.AsNoTracking().SingleAsync(a => a.Id == drill.AttemptId))).ValidThrough!.Value;
        var candidate = await factory.SignedInAsync(drill.CandidateNumber);
        var realNow = factory.Clock.UtcNow;
        try
        {
            // A sign-in cookie does not outlive a jump of a year: sign in again at each moment.
            factory.Clock.SetLocal(validThrough.AddDays(-10).ToDateTime(new TimeOnly(12, 0)), "America/New_York");
            candidate = await factory.SignedInAsync(drill.CandidateNumber);
            var expiring = await candidate.GetStringAsync("/");
            Assert.Contains("data-status=\"Expiring\"", expiring);
            Assert.Contains("即将到期", expiring);

            factory.Clock.SetLocal(validThrough.ToDateTime(new TimeOnly(23, 59)), "America/New_York");
            candidate = await factory.SignedInAsync(drill.CandidateNumber);
            Assert.Contains("data-status=\"Expiring\"", await candidate.GetStringAsync("/clearance/me"));

            factory.Clock.SetLocal(validThrough.AddDays(1).ToDateTime(new TimeOnly(0, 1)), "America/New_York");
            candidate = await factory.SignedInAsync(drill.CandidateNumber);
            var expired = await candidate.GetStringAsync("/");
            Assert.Contains("data-status=\"Expired\"", expired);
            Assert.Contains("上岗资格已失效", expired);
            var code = await factory.WithDbAsync(db => db.Certificates.Where(c => c.PersonId == drill.CandidateId).Select(c => c.Code).SingleAsync());
            Assert.Contains("data-status=\"Expired\"", await factory.CreateSessionClient().GetStringAsync($"/verify/{code}"));

            // Re-drilled: cleared again, with a new certificate.
            var today = SiteTime.Today(factory.Clock.UtcNow, "America/New_York");
            var sessionId = await factory.ScheduleAsync(drill.TrainerId, DrillsFactory.PreJob, drill.SiteId, today, drill.CandidateId);
            var attemptId = await factory.WithDbAsync(db => db.DrillAttempts.Where(a => a.SessionId == sessionId).Select(a => a.Id).SingleAsync());
            var trainer = await factory.SignedInAsync(drill.TrainerNumber);
            await DrillForms.SignAsync(trainer, attemptId, FullMarks);
            Assert.Contains("data-status=\"Cleared\"", await candidate.GetStringAsync("/clearance/me"));
            Assert.Equal(2, await factory.WithDbAsync(db => db.Certificates.CountAsync(c => c.PersonId == drill.CandidateId)));
        }
        finally
        {
            factory.Clock.UtcNow = realNow;
        }
    }

    [Fact]
    public async Task Clearance_ManagerWithAPassedPrePostingDrill_IsCleared_WithoutIt_Never()
    {
        var drill = await factory.SessionAsync("CF", drill: DrillsFactory.PrePosting);
        await factory.WithDbAsync(db => db.UserRoles.AddAsync(new Microsoft.AspNetCore.Identity.IdentityUserRole<string>
        {
            UserId = drill.CandidateId, RoleId = db.Roles.Single(r => r.Name == Roles.Manager).Id,
        }).AsTask().ContinueWith(_ => db.SaveChangesAsync()).Unwrap());
        var candidate = await factory.SignedInAsync(drill.CandidateNumber);
        Assert.Contains("data-status=\"NotCleared\"", await candidate.GetStringAsync("/clearance/me"));

        var trainer = await factory.SignedInAsync(drill.TrainerNumber);
        (string, string)[] prePostingPass =
        [
            ("approach-eye-contact", "4"), ("standard-smile", "4"), ("greet-first", "4"), ("rise-to-serve", "1"),
            ("three-sounds", "3"), ("no-forbidden-phrases", "1"), ("appearance", "4"), ("first-inquiry", "3"),
        ];
        await DrillForms.SignAsync(trainer, drill.AttemptId, prePostingPass);

        Assert.Contains("data-status=\"Cleared\"", await candidate.GetStringAsync("/clearance/me"));
    }

    private Task CompleteCourseAsync(string personId) => factory.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<LmsDbContext>();
        var completions = services.GetRequiredService<LessonCompletions>();
        var checks = services.GetRequiredService<KnowledgeChecks>();
        var revisionId = await db.Courses.Where(c => c.Slug == Course).Select(c => c.CurrentRevisionId!.Value).SingleAsync();
        foreach (var lesson in await db.LessonRevisions.AsNoTracking().Where(l => l.CourseRevisionId == revisionId).OrderBy(l => l.Order).ToListAsync())
        {
            if (lesson.Quiz is not null)
            {
                var (_, standing) = await checks.StartAsync(personId, Course, lesson.Key);
                await checks.SubmitAsync(personId, Course, lesson.Key, standing!.Open!.Attempt.Id, standing.Open.KeyPositions());
            }
            else await completions.CompleteAsync(personId, Course, lesson.Key);
        }
        return true;
    });

    /// <summary>Publishes the course again at a raised version through the Courses feature, changing one lesson or none.</summary>
    private Task PublishNewVersionAsync(bool changeLesson) => factory.WithScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<LmsDbContext>>().CreateDbContextAsync();
        var course = await db.Courses.SingleAsync(c => c.Slug == Course);
        var current = await db.CourseRevisions.AsNoTracking().Include(r => r.Lessons).SingleAsync(r => r.Id == course.CurrentRevisionId);
        var revision = new CourseRevision
        {
            Version = current.Version + 1, Title = current.Title, Summary = current.Summary, Introduction = current.Introduction, Audience = current.Audience,
            CountsTowardClearance = current.CountsTowardClearance, DueDays = current.DueDays, EstimatedMinutes = current.EstimatedMinutes, Source = RevisionSource.Content,
            Lessons = [.. current.Lessons.Select(l => new LessonRevision
            {
                Key = l.Key, Order = l.Order, Title = l.Title, Minutes = l.Minutes, Quiz = l.Quiz, RequiredClips = l.RequiredClips,
                BodyZh = changeLesson && l.Order == 1 ? l.BodyZh + "\n补充内容。\n" : l.BodyZh, BodyEn = l.BodyEn,
                ContentHash = changeLesson && l.Order == 1 ? l.ContentHash + "-changed" : l.ContentHash,
            })],
        };
        await CourseRevisions.PublishAsync(db, course, revision, current.ContentHash + (changeLesson ? "-lesson" : "-title"), factory.Clock.UtcNow);
        return true;
    });
}
