using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.Drills;
using TrainingLms.Domain;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.ShiftReviews;
using TrainingLms.IntegrationTests.Clips;
using TrainingLms.IntegrationTests.Courses;
using TrainingLms.IntegrationTests.Drills;
using TrainingLms.IntegrationTests.ShiftReviews;
using TrainingLms.Web.Features.Clips;
using TrainingLms.Web.Features.Courses;
using TrainingLms.Web.Features.Drills;
using TrainingLms.Web.Features.Drills.Clearance;
using TrainingLms.Web.Features.ShiftReviews;
using TrainingLms.Web.Infrastructure;
using static TrainingLms.IntegrationTests.Courses.CourseTestKit;

namespace TrainingLms.IntegrationTests.Infrastructure;

/// <summary>
/// Two app instances on one database, as behind a load balancer: what one of them saves shows on the other's very next
/// request, though each keeps the learner pages' data and clip access in memory (README: "Running at scale — caches
/// across instances").
/// </summary>
[PostgreSqlOnly("Only PostgreSQL is shared by several instances; on SQLite one instance runs, and its caches follow its own saves.")]
public class CachesAcrossInstancesTests
{
    [Fact]
    public async Task MyLearning_OnB_ShowsALessonCompletedOnA_InTheNextRequest()
    {
        await using var a = await StartAsync();
        var personId = await CreateLearnerAsync(a, "E301", facesCustomers: true);
        await using var b = SecondOf(a);
        Assert.Equal(0, Assert.Single((await MyLearningAsync(b, personId)).Assigned).Progress.CompletedCount); // now kept in B's memory

        var learner = await LearnerClientAsync(a, "E301");
        Assert.Equal(HttpStatusCode.Redirect, (await learner.PostFieldsAsync($"/learning/{SampleCourse.Slug}/01-meet", "complete", [])).StatusCode);

        Assert.Equal(1, Assert.Single((await MyLearningAsync(b, personId)).Assigned).Progress.CompletedCount);
    }

    [Fact]
    public async Task MyLearning_OnB_ShowsADueDateChangedOnA_InTheNextRequest()
    {
        await using var a = await StartAsync();
        var personId = await CreateLearnerAsync(a, "E302", facesCustomers: true);
        await using var b = SecondOf(a);
        var before = Assert.Single((await MyLearningAsync(b, personId)).Assigned);

        var later = before.DueOn.AddDays(30);
        await QueryAsync(a, async db =>
        {
            (await db.CourseAssignments.SingleAsync(x => x.PersonId == personId)).DueOn = later;
            return await db.SaveChangesAsync();
        });

        Assert.Equal(later, Assert.Single((await MyLearningAsync(b, personId)).Assigned).DueOn);
    }

    [Fact]
    public async Task MyLearning_OnB_DropsACourseTheSyncOnATurnedOff_InTheNextRequest()
    {
        await using var a = await StartAsync();
        var personId = await CreateLearnerAsync(a, "E303", facesCustomers: true);
        await using var b = SecondOf(a);
        Assert.Single((await MyLearningAsync(b, personId)).Assigned);

        // Switched off with ExecuteUpdate, past the change tracker: the sync writes the change itself.
        Directory.Delete(Path.Combine(a.ContentPath, "courses", SampleCourse.Slug), recursive: true);
        await a.SyncAsync();
        Assert.False(await QueryAsync(a, db => db.Courses.Select(c => c.IsActive).SingleAsync()));

        Assert.Empty((await MyLearningAsync(b, personId)).Assigned);
    }

    [Fact]
    public async Task ClipBytes_OnB_FollowPublishingConsentAndFeaturingOnA_InTheNextRequest()
    {
        await using var a = new LmsFactory();
        var viewerId = await a.CreatePersonAsync("E304", [Roles.Employee]);
        var filmedId = await a.CreatePersonAsync("E314", [Roles.Employee]);
        var clipId = await StandInClips.CreateReadyAsync(a, "cross-instance", ClipKind.SmileDiscovery, viewerId);
        await using var b = new SecondInstance(a);
        var viewer = await b.SignedInAsync("E304");
        var url = $"/clips/{clipId}/video/480p.mp4";
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(url)).StatusCode); // unpublished: kept as "no" in B's memory

        Task<T> OnA<T>(Func<ClipAdministration, Task<T>> change) => a.WithScopeAsync(services => change(services.GetRequiredService<ClipAdministration>()));
        Task<bool> AnswerOnA(FilmingConsent answer) => a.WithScopeAsync(services => services.GetRequiredService<RecordingsOfMe>().AnswerAsync(clipId, filmedId, answer));
        Assert.Null(await OnA(clips => clips.FeatureAsync(clipId, "E314")));
        Assert.True(await AnswerOnA(FilmingConsent.Given));
        Assert.Null(await OnA(clips => clips.SetPublishedAsync(clipId, true))); // ExecuteUpdate, past the change tracker
        var published = await viewer.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(StandInClips.RenditionBytes, await published.Content.ReadAsByteArrayAsync());

        Assert.True(await AnswerOnA(FilmingConsent.Withdrawn)); // a save through EF
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(url)).StatusCode);
        Assert.True(await AnswerOnA(FilmingConsent.Given));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(url)).StatusCode);

        await OnA(clips => clips.SetPublishedAsync(clipId, false));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(url)).StatusCode);

        Assert.Null(await OnA(clips => clips.FeatureAsync(clipId, "E304"))); // a save through EF
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Clearance_OnB_FollowsARuleAndARubricChangedOnA_InTheNextRequest()
    {
        await using var a = new DrillsFactory();
        var siteId = await a.CreateSiteAsync("XC");
        var positionId = await a.CreatePositionAsync("跨实例岗位");
        var personId = await a.CreateStaffAsync("E320", siteId, positionId, "跨实例员工");
        await using var b = new SecondInstance(a);
        Assert.Equal(ClearanceStatus.NotRequired, (await ClearanceAsync(b, personId)).Result.Status); // the rules now kept in B's memory

        var drill = new Requirement(RequirementKind.Drill, DrillsFactory.PreJob);
        Assert.True(await a.WithScopeAsync(services => services.GetRequiredService<ClearanceRulesAdministration>().SaveAsync(positionId, [drill])));

        var required = await ClearanceAsync(b, personId);
        Assert.Equal([drill], required.Required);
        Assert.Equal(ClearanceStatus.NotCleared, required.Result.Status);

        // A new revision of the rubric, as a content sync stores one, names the drill anew on B.
        await a.WithDbAsync(async db =>
        {
            var drillId = await db.Drills.Where(d => d.Slug == DrillsFactory.PreJob).Select(d => d.Id).SingleAsync();
            var current = await DrillCatalog.CurrentRevisions(db).AsNoTracking().SingleAsync(r => r.DrillId == drillId);
            current.Id = 0;
            current.Number++;
            current.Title = new("跨实例改名", "Renamed across instances");
            db.DrillRevisions.Add(current);
            return await db.SaveChangesAsync();
        });
        var titles = await b.WithScopeAsync(services => services.GetRequiredService<ClearanceService>().TitlesAsync());
        Assert.Contains(titles.For(drill), new[] { "跨实例改名", "Renamed across instances" });
    }

    [Fact]
    public async Task MyDrills_OnB_ShowAResultSignedAndAcknowledgedOnA_InTheNextRequest()
    {
        await using var a = new DrillsFactory();
        var drill = await a.SessionAsync("XD");
        await using var b = new SecondInstance(a);
        Assert.Empty((await MyDrillsAsync(b, drill.CandidateId)).ToAcknowledge); // now kept in B's memory

        await DrillForms.SignAsync(await a.SignedInAsync(drill.TrainerNumber), drill.AttemptId, DrillForms.FullMarks);
        var signed = await MyDrillsAsync(b, drill.CandidateId);
        Assert.Equal(drill.AttemptId, Assert.Single(signed.ToAcknowledge).AttemptId);
        Assert.Equal(ClearanceStatus.Cleared, signed.Clearance!.Result.Status);

        var candidate = await a.SignedInAsync(drill.CandidateNumber);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFieldsAsync($"/drills/results/{drill.AttemptId}", "acknowledge", [])).StatusCode);
        Assert.Empty((await MyDrillsAsync(b, drill.CandidateId)).ToAcknowledge);
    }

    [Fact]
    public async Task MyNotes_OnB_ShowANoteFiledAndAcknowledgedOnA_InTheNextRequest()
    {
        await using var a = new ShiftReviewsFactory();
        var siteId = await a.CreateSiteAsync("XN");
        var team = await a.CreateTeamAsync(siteId, "跨实例班", "L330", null, "E331");
        var memberId = team.MemberIds[0];
        await using var b = new SecondInstance(a);
        Assert.Empty(await MyNotesAsync(b, memberId)); // now kept in B's memory

        var leader = await a.SignedInAsync("L330");
        var form = await ReviewForms.OpenAsync(leader, $"/reviews/file/{team.TeamId}");
        var today = SiteTime.Today(a.Clock.UtcNow, SiteTime.DefaultTimeZoneId);
        await leader.SendReviewAsync(team, form, ReviewForms.Routine(form.SubmissionKey, today, ShiftCalendar.DailyKey,
            ("note0.person", memberId), ("note0.kind", "Praise"), ("note0.points", "Smile"), ("note0.text", "跨实例表扬"), ("note1.person", ""), ("note1.text", "")));
        var note = Assert.Single(await MyNotesAsync(b, memberId));
        Assert.Equal(("跨实例表扬", null), (note.Text, note.AcknowledgedAtUtc));

        // Acknowledged with ExecuteUpdate, past the change tracker: the acknowledgement writes the change itself.
        Assert.True(await a.WithScopeAsync(services => services.GetRequiredService<StaffNotes>().AcknowledgeAsync(memberId, note.Id)));
        Assert.NotNull(Assert.Single(await MyNotesAsync(b, memberId)).AcknowledgedAtUtc);
    }

    private static Task<IReadOnlyList<MyNote>> MyNotesAsync(LmsFactory instance, string personId) =>
        instance.WithScopeAsync(services => services.GetRequiredService<StaffNotes>().ForPersonAsync(personId));

    private static Task<MyDrills> MyDrillsAsync(LmsFactory instance, string personId) =>
        instance.WithScopeAsync(services => services.GetRequiredService<DrillHomeQueries>().MineAsync(personId));

    [Fact]
    public async Task CourseList_OnB_CountsAnAssignmentAndACompletionMadeOnA_InTheNextRequest()
    {
        await using var a = await StartAsync();
        await using var b = SecondOf(a);
        async Task<(int Assigned, int Completed)> CountsOnBAsync()
        {
            var card = await b.WithScopeAsync(async services => Assert.Single((await services.GetRequiredService<CourseAdministration>().ListAsync()).Items));
            return (card.Assigned, card.Completed);
        }
        Assert.Equal((0, 0), await CountsOnBAsync()); // now kept in B's memory

        await CreateLearnerAsync(a, "E306", facesCustomers: true);
        Assert.Equal((1, 0), await CountsOnBAsync());

        await CompleteCourseAsync(await LearnerClientAsync(a, "E306"));
        Assert.Equal((1, 1), await CountsOnBAsync());
    }

    private static Task<PersonClearance> ClearanceAsync(LmsFactory instance, string personId) =>
        instance.WithScopeAsync(async services => (await services.GetRequiredService<ClearanceService>().ForPersonAsync(personId))!);

    [Fact]
    public async Task CacheChanges_OlderThanAnHour_AreTrimmed_AndEveryInstanceKeepsFollowingChanges()
    {
        await using var a = await StartAsync();
        var personId = await CreateLearnerAsync(a, "E305", facesCustomers: true);
        await using var b = SecondOf(a);
        Assert.Single((await MyLearningAsync(b, personId)).Assigned);
        var old = DateTime.UtcNow - CacheChangeLog.KeptFor - TimeSpan.FromMinutes(1);
        await QueryAsync(a, db => db.CacheChanges.ExecuteUpdateAsync(c => c.SetProperty(x => x.CreatedAtUtc, old)));

        await b.Services.GetRequiredService<CacheChangeLog>().TrimAsync();

        Assert.Equal(0, await QueryAsync(a, db => db.CacheChanges.CountAsync()));
        await QueryAsync(a, async db =>
        {
            db.LessonCompletions.Add(LessonDone(personId, await db.Courses.Select(c => c.Id).SingleAsync(), "01-meet"));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(1, Assert.Single((await MyLearningAsync(b, personId)).Assigned).Progress.CompletedCount);
    }

    private static SecondInstance SecondOf(CourseContentFactory first)
    {
        var second = new SecondInstance(first, new Dictionary<string, string> { ["Content:Path"] = first.ContentPath });
        _ = second.Services; // started, with its own start-up sync of the same folder
        return second;
    }
}

/// <summary>What My learning costs the database once the learner's record is in memory, on either provider.</summary>
public class MyLearningDatabaseUseTests
{
    [Fact]
    public async Task MyLearning_Warm_ReadsNothing_OnSqlite_AndOnlyTheChangeLog_OnPostgreSql()
    {
        var use = new DatabaseUse();
        await using var factory = new CourseContentFactory { TestServices = services => services.AddSingleton<IInterceptor>(use) };
        SampleCourse.Write(factory);
        var personId = await CreateLearnerAsync(factory, "E310", facesCustomers: true);
        await MyLearningAsync(factory, personId);

        // Counted in this flow alone: the app's background workers use the database meanwhile.
        DatabaseUse.Measuring.Value = true;
        Assert.Single((await MyLearningAsync(factory, personId)).Assigned);
        DatabaseUse.Measuring.Value = false;

        Assert.Equal(0, use.Commands);
        // On PostgreSQL the learner's record and the live courses each look at the change log first (one small query
        // each, sent past EF, so seen here as the connection it opens).
        Assert.Equal(TestDatabase.IsPostgreSql ? 2 : 0, use.Connections);
    }

    private sealed class DatabaseUse : DbCommandInterceptor, IDbConnectionInterceptor
    {
        public static readonly AsyncLocal<bool> Measuring = new();

        private int commands, connections;

        public int Commands => Volatile.Read(ref commands);

        public int Connections => Volatile.Read(ref connections);

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            Count(result);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Count(result));

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
            Count(result);

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Count(result));

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
            Count(result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Count(result));

        public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            if (Measuring.Value) Interlocked.Increment(ref connections);
            return result;
        }

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (Measuring.Value) Interlocked.Increment(ref connections);
            return ValueTask.FromResult(result);
        }

        private T Count<T>(T result)
        {
            if (Measuring.Value) Interlocked.Increment(ref commands);
            return result;
        }
    }
}
