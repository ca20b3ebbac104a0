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

namespace TrainingLms.IntegrationTests.Courses;

public class CourseLearningTests
{
    private static async Task<CourseContentFactory> StartAsync()
    {
        var factory = new CourseContentFactory();
        SampleCourse.Write(factory);
        _ = factory.Services; // starts the app, which syncs content/ at start-up
        await Task.CompletedTask;
        return factory;
    }

    private static async Task<string> CreateLearnerAsync(LmsFactory factory, string number, bool facesCustomers)
    {
        var positionId = await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LmsDbContext>();
            var position = new Position { Name = "岗位" + number, LineOfWork = LineOfWork.CustomerService, FacesCustomers = facesCustomers };
            db.Positions.Add(position);
            await db.SaveChangesAsync();
            return position.Id;
        });
        return await factory.WithScopeAsync(async services =>
        {
            var result = await services.GetRequiredService<PeopleAdministration>().CreateAsync(
                new PersonInput { EmployeeNumber = number, FullName = "学员" + number, PositionId = positionId, Roles = [Roles.Employee] },
                LmsFactory.Password, mustChangePassword: false);
            return result.PersonId!;
        });
    }

    private static Task<T> QueryAsync<T>(LmsFactory factory, Func<LmsDbContext, Task<T>> query) =>
        factory.WithScopeAsync(services => query(services.GetRequiredService<LmsDbContext>()));

    private static async Task<HttpClient> LearnerClientAsync(LmsFactory factory, string number)
    {
        var client = factory.CreateSessionClient();
        await client.SignInAsync(number);
        return client;
    }

    private const string CheckPath = $"/learning/{SampleCourse.Slug}/02-check";

    /// <summary>Starts an attempt at the sample check and ticks, by label, the options <paramref name="pick"/> selects.</summary>
    private static async Task<HttpResponseMessage> AnswerQuizAsync(HttpClient client, Func<PageQuestion, IEnumerable<string>> pick)
    {
        var paper = await QuizTaker.StartAsync(client, CheckPath);
        return await QuizTaker.HandInAsync(client, CheckPath, paper, (_, shown) => pick(shown).Select(label => shown.Labels.ToList().IndexOf(label)));
    }

    private static readonly Func<PageQuestion, IEnumerable<string>> RightAnswers =
        shown => shown.Key == "eyes-meet" ? ["微笑点头"] : ["你好", "谢谢"];

    private static async Task CompleteCourseAsync(HttpClient client)
    {
        var completed = await client.PostFieldsAsync($"/learning/{SampleCourse.Slug}/01-meet", "complete", []);
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        var passed = await AnswerQuizAsync(client, RightAnswers);
        Assert.Contains("通过", await passed.Content.ReadAsStringAsync());
    }

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

    [Fact]
    public async Task Learner_FailsThenPassesQuiz_CompletesCourseAtItsVersion()
    {
        await using var factory = await StartAsync();
        var personId = await CreateLearnerAsync(factory, "E103", facesCustomers: true);
        var client = await LearnerClientAsync(factory, "E103");

        var lesson = await client.GetStringAsync($"/learning/{SampleCourse.Slug}/01-meet");
        Assert.Contains("见面时微笑点头", lesson);
        var completed = await client.PostFieldsAsync($"/learning/{SampleCourse.Slug}/01-meet", "complete", []);
        Assert.True(completed.StatusCode == HttpStatusCode.Redirect, factory.Errors.ToString());

        var failed = await AnswerQuizAsync(client, shown => shown.Key == "eyes-meet" ? ["微笑点头"] : ["你好"]);
        var failedHtml = await failed.Content.ReadAsStringAsync();
        Assert.Contains("得分 50%", failedHtml);
        Assert.Contains("答错", failedHtml);
        Assert.False(await QueryAsync(factory, db => db.CourseCompletions.AnyAsync()));

        var passed = await AnswerQuizAsync(client, RightAnswers);
        Assert.Contains("以 100% 通过", await passed.Content.ReadAsStringAsync());

        var attempts = await QueryAsync(factory, db => db.QuizAttempts.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([false, true], attempts.Select(a => a.Passed));
        var completion = await QueryAsync(factory, db => db.CourseCompletions.AsNoTracking().SingleAsync());
        Assert.Equal((personId, 1), (completion.PersonId, completion.CourseVersion));
        Assert.Contains("已完成", await client.GetStringAsync($"/learning/{SampleCourse.Slug}"));
    }

    [Fact]
    public async Task Lesson_WithQuiz_CannotBeMarkedCompleteWithoutPassing()
    {
        await using var factory = await StartAsync();
        await CreateLearnerAsync(factory, "E104", facesCustomers: true);
        var personId = (await factory.FindPersonAsync("E104"))!.Id;
        var client = await LearnerClientAsync(factory, "E104");

        // The quiz lesson offers no "complete" form, and the service refuses to mark it done without a pass.
        Assert.DoesNotContain("我已学完本课", await client.GetStringAsync($"/learning/{SampleCourse.Slug}/02-check"));
        Assert.Equal(CompletionOutcome.QuizRequired, await factory.WithScopeAsync(services =>
            services.GetRequiredService<LessonCompletions>().CompleteAsync(personId, SampleCourse.Slug, "02-check")));
        // Wrong answers, and answers that name options that do not exist, are graded as wrong.
        Assert.Contains("得分 0%", await (await AnswerQuizAsync(client, shown => shown.Key == "eyes-meet" ? ["转身离开"] : [])).Content.ReadAsStringAsync());
        var paper = await QuizTaker.StartAsync(client, CheckPath);
        var response = await client.PostFieldsAsync(CheckPath, "quiz", [new("action", "hand-in"), new("attempt", paper.AttemptId.ToString()), new("q0", "7"), new("q1", "abc"), new("q1", "-3")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("得分 0%", await response.Content.ReadAsStringAsync());
        Assert.False(await QueryAsync(factory, db => db.LessonCompletions.AnyAsync(l => l.LessonKey == "02-check")));
    }

    [Fact]
    public async Task Versions_PatchKeepsCompletion_VersionRaiseMarksOnlyChangedLessonsForReview_HistoryKept()
    {
        await using var factory = await StartAsync();
        var personId = await CreateLearnerAsync(factory, "E105", facesCustomers: true);
        var client = await LearnerClientAsync(factory, "E105");
        await CompleteCourseAsync(client);

        // A typo fix at the same version: still complete.
        SampleCourse.Write(factory, version: 1, lessonOneText: "见面时，微笑并点头。");
        var patch = await factory.SyncAsync();
        Assert.Equal(SyncOutcome.Patched, Assert.Single(patch.Courses).Outcome);
        Assert.Contains("badge text-bg-success\">已完成", await client.GetStringAsync($"/learning/{SampleCourse.Slug}"));
        // Learners read the new revision at once: revisions are cached by id, never by course.
        Assert.Contains("见面时，微笑并点头。", await client.GetStringAsync($"/learning/{SampleCourse.Slug}/01-meet"));

        // A substantive change to lesson 1 only, published as version 2.
        SampleCourse.Write(factory, version: 2, lessonOneText: "目光相遇时，先微笑，再点头问好。");
        Assert.Equal(SyncOutcome.NewVersion, Assert.Single((await factory.SyncAsync()).Courses).Outcome);

        var progress = await QueryAsync(factory, db => factory.Services.GetRequiredService<LearnerProgress>().ForPersonAsync(db, personId, [db.Courses.Single().Id]));
        var course = Assert.Single(progress.Values);
        Assert.Equal(CourseStatus.ReviewNeeded, course.Status);
        Assert.Equal([LessonStatus.ReviewNeeded, LessonStatus.Completed], course.Lessons.Select(l => l.Status));
        Assert.Contains("需复习", await client.GetStringAsync($"/learning/{SampleCourse.Slug}"));

        // Reviewing the changed lesson completes version 2; version 1's completion stays in the history.
        await client.PostFieldsAsync($"/learning/{SampleCourse.Slug}/01-meet", "complete", []);
        var completions = await QueryAsync(factory, db => db.CourseCompletions.AsNoTracking().OrderBy(c => c.CourseVersion).Select(c => c.CourseVersion).ToListAsync());
        Assert.Equal([1, 2], completions);
        Assert.Equal(3, await QueryAsync(factory, db => db.CourseRevisions.CountAsync()));
    }

    [Fact]
    public async Task Versions_PoolOrOrderChangeIsAPatch_AChangedKeyNeedsANewVersion()
    {
        await using var factory = await StartAsync();
        await CreateLearnerAsync(factory, "E106", facesCustomers: true);
        var client = await LearnerClientAsync(factory, "E106");
        await CompleteCourseAsync(client);
        var checkFile = Path.Combine(factory.ContentPath, "courses", SampleCourse.Slug, "02-check.md");
        var original = await File.ReadAllTextAsync(checkFile);

        // A question added to the pool and the options of another turned round: the pass still holds.
        var grown = original
            .Replace("      - text: { zh-CN: 转身离开, en: Walk away }\n        explanation: { zh-CN: 不对, en: Wrong }\n", "", StringComparison.Ordinal)
            .Replace("    options:\n      - text: { zh-CN: 微笑点头", "    options:\n      - text: { zh-CN: 转身离开, en: Walk away }\n        explanation: { zh-CN: 不对, en: Wrong }\n      - text: { zh-CN: 微笑点头", StringComparison.Ordinal)
            .Replace("```\n", "  - id: rise\n    type: truefalse\n    prompt: { zh-CN: 坐着时有人走近要起身。, en: Stand when someone comes up. }\n    answer: true\n    explanation: { zh-CN: 对, en: Right }\n```\n", StringComparison.Ordinal);
        Assert.NotEqual(original, grown);
        await File.WriteAllTextAsync(checkFile, grown);
        Assert.Equal(SyncOutcome.Patched, Assert.Single((await factory.SyncAsync()).Courses).Outcome);
        Assert.Contains("badge text-bg-success\">已完成", await client.GetStringAsync($"/learning/{SampleCourse.Slug}"));

        // The right answer of "eyes-meet" moved to another option at the same version: refused, the last good revision stays.
        var rekeyed = grown.Replace("        correct: true\n        explanation: { zh-CN: 对, en: Right }", "        explanation: { zh-CN: 对, en: Right }", StringComparison.Ordinal)
            .Replace("      - text: { zh-CN: 转身离开, en: Walk away }\n", "      - text: { zh-CN: 转身离开, en: Walk away }\n        correct: true\n", StringComparison.Ordinal);
        await File.WriteAllTextAsync(checkFile, rekeyed);
        var refused = await factory.SyncAsync();
        Assert.Equal(SyncOutcome.Failed, Assert.Single(refused.Courses).Outcome);
        var problem = Assert.Single(refused.Problems);
        Assert.Equal(($"courses/{SampleCourse.Slug}/02-check.md", "QuizKeyChanged", "eyes-meet"), (problem.File, problem.Code, problem.Arguments[0]));
        Assert.Equal(rekeyed.Split('\n').ToList().FindIndex(l => l.Contains("id: eyes-meet", StringComparison.Ordinal)) + 1, problem.Line);

        // The same change with the version raised is published, and the learner's pass no longer counts for it.
        SampleCourse.Write(factory, version: 2);
        await File.WriteAllTextAsync(checkFile, rekeyed);
        Assert.Equal(SyncOutcome.NewVersion, Assert.Single((await factory.SyncAsync()).Courses).Outcome);
        Assert.Contains("需复习", await client.GetStringAsync($"/learning/{SampleCourse.Slug}"));
    }

    private static Task<MyLearning> MyLearningAsync(LmsFactory factory, string personId) =>
        factory.WithScopeAsync(services => services.GetRequiredService<LearningQueries>().MyLearningAsync(personId));

    private static LessonCompletion LessonDone(string personId, int courseId, string lessonKey) =>
        new() { PersonId = personId, CourseId = courseId, LessonKey = lessonKey, CourseVersion = 1, CompletedAtUtc = DateTime.UtcNow };

    [Fact]
    public async Task LearnerPages_ShowAChangeSavedThroughAnyContext_AtOnce()
    {
        await using var factory = await StartAsync();
        var personId = await CreateLearnerAsync(factory, "E120", facesCustomers: true);
        var before = Assert.Single((await MyLearningAsync(factory, personId)).Assigned); // now kept in memory
        Assert.Equal(0, before.Progress.CompletedCount);

        var later = before.DueOn.AddDays(30);
        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LmsDbContext>();
            var assignment = await db.CourseAssignments.SingleAsync();
            assignment.DueOn = later;
            db.LessonCompletions.Add(LessonDone(personId, assignment.CourseId, "01-meet"));
            return await db.SaveChangesAsync();
        });

        var after = Assert.Single((await MyLearningAsync(factory, personId)).Assigned);
        Assert.Equal((1, later), (after.Progress.CompletedCount, after.DueOn));
    }

    [Fact]
    public async Task LearnerPages_ChangeInATransaction_IsShownOnceCommitted_AndNotLostByAReadBefore()
    {
        await using var factory = await StartAsync();
        var personId = await CreateLearnerAsync(factory, "E121", facesCustomers: true);
        var courseId = await QueryAsync(factory, db => db.Courses.Select(c => c.Id).SingleAsync());

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LmsDbContext>();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.LessonCompletions.Add(LessonDone(personId, courseId, "01-meet"));
            await db.SaveChangesAsync();
            // Read (and kept) while the save is not yet committed: the page still sees the old rows.
            Assert.Equal(0, Assert.Single((await MyLearningAsync(factory, personId)).Assigned).Progress.CompletedCount);
            await transaction.CommitAsync();
        }

        Assert.Equal(1, Assert.Single((await MyLearningAsync(factory, personId)).Assigned).Progress.CompletedCount);
    }

    [Fact]
    public async Task LearnerRecord_FollowsThePersonsSite_AndTheSitesTimeZone()
    {
        await using var factory = await StartAsync();
        var personId = await CreateLearnerAsync(factory, "E122", facesCustomers: true);
        var records = factory.Services.GetRequiredService<LearnerRecordCache>();
        Assert.Null((await records.GetAsync(personId)).TimeZoneId);

        var siteId = await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LmsDbContext>();
            var site = new Site { Code = "S1", Name = "一号项目", TimeZoneId = "Asia/Urumqi" };
            db.Sites.Add(site);
            await db.SaveChangesAsync();
            (await db.Users.SingleAsync(p => p.Id == personId)).SiteId = site.Id;
            await db.SaveChangesAsync();
            return site.Id;
        });
        Assert.Equal("Asia/Urumqi", (await records.GetAsync(personId)).TimeZoneId);

        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LmsDbContext>();
            (await db.Sites.SingleAsync(s => s.Id == siteId)).TimeZoneId = "Asia/Hong_Kong";
            return await db.SaveChangesAsync();
        });
        Assert.Equal("Asia/Hong_Kong", (await records.GetAsync(personId)).TimeZoneId);
    }

    [Fact]
    public async Task Sync_BrokenChange_IsReportedWithFileAndLine_LastGoodVersionStaysLive()
    {
        await using var factory = await StartAsync();
        await CreateLearnerAsync(factory, "E106", facesCustomers: true);
        factory.WriteFile($"{SampleCourse.Slug}/01-meet.md", "---\ntitle: { zh-CN: 见面 }\n---\n新的内容\n");

        var report = await factory.SyncAsync();
        var problem = Assert.Single(report.Problems);
        Assert.Equal(($"courses/{SampleCourse.Slug}/01-meet.md", 2, "Required"), (problem.File, problem.Line, problem.Code));
        Assert.Equal(SyncOutcome.Failed, Assert.Single(report.Courses).Outcome);

        var client = await LearnerClientAsync(factory, "E106");
        var lesson = await client.GetStringAsync($"/learning/{SampleCourse.Slug}/01-meet");
        Assert.Contains("见面时微笑点头", lesson);
        Assert.DoesNotContain("新的内容", lesson);

        var admin = await factory.AdministratorClientAsync();
        var page = await admin.GetStringAsync("/admin/content");
        Assert.Contains($"courses/{SampleCourse.Slug}/01-meet.md", page);
        Assert.Contains("缺少“en”", page);
    }

    [Fact]
    public async Task Sync_UnchangedFolder_IsNotProcessedAgain()
    {
        await using var factory = await StartAsync();
        var second = await factory.SyncAsync();
        Assert.Equal(SyncOutcome.Unchanged, Assert.Single(second.Courses).Outcome);
        Assert.Equal(1, await QueryAsync(factory, db => db.CourseRevisions.CountAsync()));
    }

    [Fact]
    public async Task Sync_TwoFoldersWithOneSlug_NeitherIsPublished()
    {
        await using var factory = new CourseContentFactory();
        SampleCourse.Write(factory, folder: "a");
        SampleCourse.Write(factory, folder: "b");
        var report = await factory.SyncAsync();
        // Each is reported on the slug: line of its own course.md (the front matter's first field, line 2).
        Assert.Equal([("courses/a/course.md", 2, "DuplicateSlug"), ("courses/b/course.md", 2, "DuplicateSlug")],
            report.Problems.Select(p => (p.File, p.Line, p.Code)).Order());
        Assert.All(report.Courses, c => Assert.Equal(SyncOutcome.Failed, c.Outcome));
        Assert.False(await QueryAsync(factory, db => db.Courses.AnyAsync()));
    }

    [Fact]
    public async Task Sync_VersionLowered_IsReportedOnTheVersionLine_PublishedVersionStays()
    {
        await using var factory = await StartAsync();
        SampleCourse.Write(factory, version: 2);
        Assert.Equal(SyncOutcome.NewVersion, Assert.Single((await factory.SyncAsync()).Courses).Outcome);
        SampleCourse.Write(factory, version: 1, lessonOneText: "回到第一版。");

        var report = await factory.SyncAsync();

        var problem = Assert.Single(report.Problems);
        Assert.Equal(($"courses/{SampleCourse.Slug}/course.md", 3, "VersionLowered"), (problem.File, problem.Line, problem.Code));
        Assert.Equal(2, await QueryAsync(factory, db => db.Courses.Select(c => c.CurrentRevision!.Version).SingleAsync()));
    }

    [Fact]
    public async Task Editor_SavesANewRevision_AndRefusesABrokenQuiz()
    {
        await using var factory = await StartAsync();
        var trainer = await factory.CreatePersonAsync("T1", [Roles.Trainer]);
        var baseRevision = await QueryAsync(factory, db => db.Courses.Select(c => c.CurrentRevisionId!.Value).SingleAsync());
        var edit = new LessonEdit("见面", "Meet", "## 见面\n\n改写后的正文。", null, RaiseVersion: false, baseRevision);
        var saved = await factory.WithScopeAsync(s => s.GetRequiredService<CourseAdministration>().SaveLessonAsync(SampleCourse.Slug, "01-meet", edit, trainer));
        Assert.Equal(LessonSaveOutcome.Saved, saved.Outcome);

        var current = await QueryAsync(factory, db => db.Courses.Select(c => c.CurrentRevisionId!.Value).SingleAsync());
        var broken = edit with { BaseRevisionId = current, BodyZh = "正文\n\n```quiz\nquestions:\n  - type: single\n    prompt: { zh-CN: 题, en: Q }\n    options: []\n```\n" };
        var refused = await factory.WithScopeAsync(s => s.GetRequiredService<CourseAdministration>().SaveLessonAsync(SampleCourse.Slug, "01-meet", broken, trainer));
        Assert.Equal(LessonSaveOutcome.Invalid, refused.Outcome);
        Assert.Contains(refused.Problems, p => p.Code == "QuestionNeedsOptions" && p.Line == 5);

        var revisions = await QueryAsync(factory, db => db.CourseRevisions.AsNoTracking().OrderBy(r => r.Number).Select(r => new { r.Version, r.Source }).ToListAsync());
        Assert.Equal([(1, RevisionSource.Content), (1, RevisionSource.Editor)], revisions.Select(r => (r.Version, r.Source)));
        var export = await (await factory.AdministratorClientAsync()).GetAsync($"/courses/manage/{SampleCourse.Slug}/export.zip");
        Assert.True(export.IsSuccessStatusCode, factory.Errors.ToString());
        Assert.Equal("application/zip", export.Content.Headers.ContentType?.MediaType);
        var zip = await export.Content.ReadAsByteArrayAsync();
        using var archive = new ZipArchive(new MemoryStream(zip));
        using var reader = new StreamReader(archive.GetEntry($"{SampleCourse.Slug}/01-meet.md")!.Open());
        Assert.Contains("改写后的正文", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task Editor_SaveOnAnOlderRevision_IsRefusedAsAConflict_AndAnUnchangedSaveStoresNothing()
    {
        await using var factory = await StartAsync();
        var trainer = await factory.CreatePersonAsync("T3", [Roles.Trainer]);
        var administration = (Func<LessonEdit, Task<(LessonSaveOutcome Outcome, IReadOnlyList<ContentProblem> Problems)>>)(edit =>
            factory.WithScopeAsync(s => s.GetRequiredService<CourseAdministration>().SaveLessonAsync(SampleCourse.Slug, "01-meet", edit, trainer)));
        var first = await QueryAsync(factory, db => db.Courses.Select(c => c.CurrentRevisionId!.Value).SingleAsync());
        // A browser sends its text with CRLF line breaks; an unchanged lesson must still count as unchanged.
        var unchanged = new LessonEdit("见面", "Meet", "## 见面\r\n\r\n见面时微笑点头。\r\n", "## Meet\r\n\r\nSmile and nod.\r\n", RaiseVersion: false, first);

        Assert.Equal(LessonSaveOutcome.Saved, (await administration(unchanged with { BodyEn = "## Meet\n\nSmile and nod when eyes meet." })).Outcome);
        Assert.Equal(LessonSaveOutcome.Conflict, (await administration(unchanged with { BodyZh = "## 见面\n\n另一位培训师的改动。" })).Outcome);
        var second = await QueryAsync(factory, db => db.Courses.Select(c => c.CurrentRevisionId!.Value).SingleAsync());
        Assert.Equal(LessonSaveOutcome.Unchanged, (await administration(unchanged with { BodyEn = "## Meet\r\n\r\nSmile and nod when eyes meet.\r\n", BaseRevisionId = second })).Outcome);
        Assert.Equal(2, await QueryAsync(factory, db => db.CourseRevisions.CountAsync()));
    }

    [Fact]
    public async Task Export_CommittedBackToContent_SyncsAsUnchanged_ButAStaleFolderDoesNotUndoTheBrowserEdit()
    {
        await using var factory = await StartAsync();
        factory.WriteFile($"{SampleCourse.Slug}/images/smile.png", "not really a png, but a file to carry");
        var trainer = await factory.CreatePersonAsync("T4", [Roles.Trainer]);
        var baseRevision = await QueryAsync(factory, db => db.Courses.Select(c => c.CurrentRevisionId!.Value).SingleAsync());
        await factory.WithScopeAsync(s => s.GetRequiredService<CourseAdministration>().SaveLessonAsync(SampleCourse.Slug, "01-meet",
            new LessonEdit("见面", "Meet", "## 见面\n\n网页上改写的正文。", null, RaiseVersion: false, baseRevision), trainer));

        // Someone edits the old folder instead of committing the export: refused, the browser edit stays live.
        SampleCourse.Write(factory, lessonOneText: "文件夹里的旧改动。");
        var stale = await factory.SyncAsync();
        Assert.Contains(stale.Problems, p => p.Code == "EditorRevisionNewer");
        var learner = await CreateLearnerAsync(factory, "E110", facesCustomers: true);
        Assert.Contains("网页上改写的正文", await (await LearnerClientAsync(factory, "E110")).GetStringAsync($"/learning/{SampleCourse.Slug}/01-meet"));

        // The export, unzipped over the folder, reproduces the revision exactly, pictures included.
        var zip = await (await factory.AdministratorClientAsync()).GetByteArrayAsync($"/courses/manage/{SampleCourse.Slug}/export.zip");
        using (var archive = new ZipArchive(new MemoryStream(zip)))
        {
            Assert.NotNull(archive.GetEntry($"{SampleCourse.Slug}/images/smile.png"));
            archive.ExtractToDirectory(Path.Combine(factory.ContentPath, "courses"), overwriteFiles: true);
        }
        var committed = await factory.SyncAsync();
        Assert.Empty(committed.Problems);
        Assert.Equal(SyncOutcome.Unchanged, Assert.Single(committed.Courses).Outcome);
        Assert.Equal(2, await QueryAsync(factory, db => db.CourseRevisions.CountAsync()));
    }

    [Fact]
    public async Task Sync_RemovedFolder_DeactivatesTheCourse_RestoredFolder_BringsItBack()
    {
        await using var factory = await StartAsync();
        var folder = Path.Combine(factory.ContentPath, "courses", SampleCourse.Slug);
        var aside = Path.Combine(factory.ContentPath, "aside");

        var personId = await CreateLearnerAsync(factory, "E123", facesCustomers: true);
        Assert.Single((await MyLearningAsync(factory, personId)).Assigned);

        Directory.Move(folder, aside);
        await factory.SyncAsync();
        Assert.False(await QueryAsync(factory, db => db.Courses.Select(c => c.IsActive).SingleAsync()));
        Assert.Empty((await MyLearningAsync(factory, personId)).Assigned);

        Directory.Move(aside, folder);
        var restored = await factory.SyncAsync();
        Assert.Equal(SyncOutcome.Unchanged, Assert.Single(restored.Courses).Outcome);
        Assert.True(await QueryAsync(factory, db => db.Courses.Select(c => c.IsActive).SingleAsync()));
        Assert.Single((await MyLearningAsync(factory, personId)).Assigned);
        Assert.Equal(1, await QueryAsync(factory, db => db.CourseRevisions.CountAsync()));
    }

    [Fact]
    public async Task Sync_MarkdownNestedTooDeep_IsAProblemOfThatFile_NotACrash()
    {
        await using var factory = await StartAsync();
        factory.WriteFile($"{SampleCourse.Slug}/01-meet.md", "---\ntitle: { zh-CN: 见面, en: Meet }\n---\n" + new string('>', 2_000) + " 引用\n");

        var report = await factory.SyncAsync();

        var problem = Assert.Single(report.Problems);
        Assert.Equal(($"courses/{SampleCourse.Slug}/01-meet.md", "MarkdownTooDeep"), (problem.File, problem.Code));
        Assert.Equal(SyncOutcome.Failed, Assert.Single(report.Courses).Outcome);
        Assert.True(await QueryAsync(factory, db => db.Courses.Select(c => c.IsActive).SingleAsync()));
    }

    [Theory]
    [InlineData("/courses/manage")]
    [InlineData("/admin/content")]
    [InlineData($"/courses/manage/{SampleCourse.Slug}/assign")]
    [InlineData($"/courses/manage/{SampleCourse.Slug}/01-meet/edit")]
    [InlineData($"/courses/manage/{SampleCourse.Slug}/export.zip")]
    [InlineData("/courses/overdue")]
    public async Task Employee_CannotOpenTrainerOrAdministratorPages(string path)
    {
        await using var factory = await StartAsync();
        await CreateLearnerAsync(factory, "E107", facesCustomers: true);
        var client = await LearnerClientAsync(factory, "E107");
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden, $"{path}: {response.StatusCode} {response.RedirectPath()}");
    }

    /// <summary>A trainer signed in on a lesson's editor: the page, and its text posted to the live preview as the script does.</summary>
    private static async Task<(string Page, Func<string, string, Task<string>> Preview)> OpenEditorAsync(CourseContentFactory factory, string trainerNumber, string lessonKey)
    {
        await factory.CreatePersonAsync(trainerNumber, [Roles.Trainer]);
        var trainer = factory.CreateSessionClient();
        await trainer.SignInAsync(trainerNumber);
        var page = await trainer.GetStringAsync($"/courses/manage/{SampleCourse.Slug}/{lessonKey}/edit");
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);
        return (page, async (markdown, language) =>
        {
            var response = await trainer.PostAsync("/courses/manage/preview", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["markdown"] = markdown, ["slug"] = SampleCourse.Slug, ["language"] = language, ["__RequestVerificationToken"] = token,
            }));
            return await response.Content.ReadAsStringAsync();
        });
    }

    [Fact]
    public async Task Preview_TextWithAQuiz_ShowsTheKnowledgeCheckBeforeSaving_EnglishTextIsToldItCannotHoldOne()
    {
        await using var factory = await StartAsync();
        var (page, preview) = await OpenEditorAsync(factory, "T3", "02-check");
        const string markdown = "复习。\n\n```quiz\nquestions:\n  - type: truefalse\n    prompt: { zh-CN: 起身服务是基本要求吗？, en: Is rising to serve a basic? }\n    answer: true\n    explanation: { zh-CN: 是, en: Yes }\n    id: rise-basic\n```\n";

        var chinese = await preview(markdown, "zh");
        var english = await preview(markdown, "en");

        // The editor page itself opens with the saved lesson's quiz under its preview.
        Assert.All(["class=\"panel quiz is-preview\"", "目光相遇时？"], expected => Assert.Contains(expected, page));
        Assert.All(["class=\"panel quiz is-preview\"", "起身服务是基本要求吗？", "disabled"], expected => Assert.Contains(expected, chinese));
        Assert.DoesNotContain("<form", chinese);
        Assert.DoesNotContain("is-preview", english);
        Assert.All(["第 3 行：", "测验只写一次，写在中文文件中"], expected => Assert.Contains(expected, english));
    }

    [Fact]
    public async Task Preview_IsForTrainersOnly_AndRendersSafely()
    {
        await using var factory = await StartAsync();
        var (_, preview) = await OpenEditorAsync(factory, "T2", "01-meet");

        var html = await preview("**粗体** <script>alert(1)</script> [x](javascript:alert(1))\n\n```clip\nslug: smile-demo\nrequired: true\n```\n", "zh");

        Assert.Contains("<strong>粗体</strong>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("培训视频暂未上线", html); // the learners' own clip box, not a look-alike

        await CreateLearnerAsync(factory, "E108", facesCustomers: true);
        var learner = await LearnerClientAsync(factory, "E108");
        var refused = await learner.PostAsync("/courses/manage/preview", new FormUrlEncodedContent(new Dictionary<string, string> { ["markdown"] = "x", ["slug"] = "y" }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
