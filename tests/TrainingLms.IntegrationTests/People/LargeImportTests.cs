using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain;
using TrainingLms.Domain.People.Import;
using TrainingLms.Domain.ShiftReviews;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.IntegrationTests.ShiftReviews;
using TrainingLms.Web.Features.Courses.Caching;
using static TrainingLms.IntegrationTests.ShiftReviews.ReviewForms;

namespace TrainingLms.IntegrationTests.People;

/// <summary>A large import written in short transactions: the company keeps saving meanwhile, and the import stays all or nothing.</summary>
public class LargeImportTests : IAsyncLifetime
{
    /// <summary>The size of a large company's people list: the acceptance figure, not to be lowered.</summary>
    private const int LargeFileRows = 60_000;

    private const int Reviews = 20;

    /// <summary>
    /// The import's transactions that may commit while a review saves: the one under way when the save began, and one
    /// more only if the save has not got the lock by the end of the import's longest wait for it
    /// (<see cref="Web.Features.People.Import.StagedImports.LongestGiveWay"/>, a second) on a starved machine.
    /// </summary>
    private const int MostTransactionsAheadOfASave = 2;
    private const string ImportedCourse = "first-inquiry-responsibility"; // every Employee's course
    private readonly CommitsDuringReviewSaves overtaking = new();
    private readonly ShiftReviewsFactory factory;

    public LargeImportTests() => factory = new() { TestServices = services => services.AddSingleton<IInterceptor>(overtaking) };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Import_60000RowsWhile20ReviewsAreFiled_EachReviewGoesBeforeTheImportsNextTransaction_AndEveryoneIsInWithTheirCourse()
    {
        var siteId = await factory.CreateSiteAsync("R1");
        var leaders = new List<(TeamSetUp Team, HttpClient Client, FormPage Form)>();
        for (var i = 0; i < Reviews; i++)
        {
            var team = await factory.CreateTeamAsync(siteId, $"班组{i}", $"L{i:D3}");
            var client = await factory.SignedInAsync($"L{i:D3}");
            leaders.Add((team, client, await OpenAsync(client, $"/reviews/file/{team.TeamId}")));
        }
        var today = SiteTime.Today(factory.Clock.UtcNow, SiteTime.DefaultTimeZoneId);
        // Yesterday's review, filed before the import: the ones filed during it are then not the app's first.
        var (firstTeam, firstLeader, _) = leaders[0];
        var warmUp = await OpenAsync(firstLeader, $"/reviews/file/{firstTeam.TeamId}");
        Assert.Equal(HttpStatusCode.Redirect, (await firstLeader.SendReviewAsync(firstTeam, warmUp, Routine(warmUp.SubmissionKey, today.AddDays(-1), ShiftCalendar.DailyKey))).StatusCode);
        var admin = await AdministratorAsync();

        overtaking.DuringEachSave.Clear();
        var import = UploadAsync(admin, PeopleCsvFile.Utf8WithBom(PeopleCsvFile.Rows(LargeFileRows)));
        var took = new List<TimeSpan>();
        for (var i = 0; i < Reviews; i++)
        {
            // Spread over the import: each review waits until a further 2,500 rows have been written (staged).
            var written = (i + 1) * (LargeFileRows * 5 / 6 / Reviews);
            await WaitForAsync(async () => import.IsCompleted || await StagedAsync() >= written);
            Assert.False(import.IsCompleted, $"The import ended before review {i + 1} was filed.");
            var (team, client, form) = leaders[i];
            var clock = Stopwatch.StartNew();
            var response = await client.SendReviewAsync(team, form, Routine(form.SubmissionKey, today, ShiftCalendar.DailyKey));
            took.Add(clock.Elapsed);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Review {i + 1}: {(int)response.StatusCode} {factory.Errors}");
        }
        var (imported, page) = await import;

        // Not timed: a save that found the import's transaction under way waits for that one to commit, then the
        // import gives way. One that waited for the import to end would see dozens of its transactions commit.
        var overtaken = overtaking.DuringEachSave.ToList();
        var seen = $"import transactions committed during each review's save: {string.Join(", ", overtaken)}; " +
            $"the requests took {string.Join(", ", took.Select(t => $"{t.TotalMilliseconds:0} ms"))}";
        TestContext.Current.TestOutputHelper?.WriteLine(seen);
        Assert.Equal(Reviews, overtaken.Count);
        Assert.True(overtaken.All(commits => commits <= MostTransactionsAheadOfASave), seen);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Contains("导入完成", page);
        var batch = await LastBatchAsync();
        Assert.Equal((ImportStatus.Completed, LargeFileRows, 0), (batch.Status, batch.Created, batch.Updated));
        var (people, active, withCourse, staged) = await factory.WithDbAsync(async db => (
            await db.Users.CountAsync(p => p.UserName!.StartsWith("P")),
            await db.Users.CountAsync(p => p.UserName!.StartsWith("P") && p.IsActive),
            await db.CourseAssignments.CountAsync(a => a.Course!.Slug == ImportedCourse && db.Users.Any(p => p.Id == a.PersonId && p.UserName!.StartsWith("P"))),
            await db.Users.CountAsync(p => p.StagedImportId != null)));
        Assert.Equal((LargeFileRows, LargeFileRows, LargeFileRows, 0), (people, active, withCourse, staged));
        Assert.Equal(Reviews, await factory.WithDbAsync(db => db.ShiftReviews.CountAsync(r => r.ShiftDate == today)));
    }

    [Fact]
    public async Task Import_FailingPartWay_RemovesEveryoneItHadWritten_AndSaysSo()
    {
        var admin = await AdministratorAsync();
        var assignmentsBefore = await AssignmentSequenceAsync();
        // The database itself refuses row 4,000: by then 3,500 people and their courses have been written, in batches.
        await factory.WithDbAsync(async db =>
        {
            await TestDatabase.RefuseInsertsAsync(db, "forced_failure", "AspNetUsers", when: ("UserName", "P04000"));
            return true;
        });

        var (response, page) = await UploadAsync(admin, PeopleCsvFile.Utf8WithBom(PeopleCsvFile.Rows(5_000)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("导入中途失败，已全部撤销", page);
        Assert.True(await AssignmentSequenceAsync() >= assignmentsBefore + 3_500, "The failure came before anything was written.");
        var (people, roles, assignments, sites, teams) = await factory.WithDbAsync(async db => (
            await db.Users.CountAsync(p => p.UserName!.StartsWith("P")),
            await db.UserRoles.CountAsync(link => !db.Users.Any(p => p.Id == link.UserId)),
            await db.CourseAssignments.CountAsync(a => !db.Users.Any(p => p.Id == a.PersonId)),
            await db.Sites.CountAsync(),
            await db.Teams.CountAsync()));
        Assert.Equal((0, 0, 0, 0, 0), (people, roles, assignments, sites, teams));
        Assert.Equal(ImportStatus.RolledBack, (await LastBatchAsync()).Status);
    }

    [Fact]
    public async Task Import_ThousandsOfBadRows_ListsTheFirst200ProblemsAndCountsTheRest()
    {
        var admin = await AdministratorAsync();
        var rows = Enumerable.Range(1, 3_000).Select(i => PeopleCsvFile.Row($"B{i:D5}", "号码有误", "12345")).ToList();

        var (response, page) = await UploadAsync(admin, PeopleCsvFile.Utf8WithBom(rows));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请在文件中修正以下 3000 个问题后重新导入。", page);
        Assert.Equal(200, System.Text.RegularExpressions.Regex.Count(page, "<td data-label=\"行号\">"));
        Assert.Contains("<td data-label=\"行号\">201</td>", page);
        Assert.DoesNotContain("<td data-label=\"行号\">202</td>", page);
        Assert.Contains("……另有 2800 个问题未列出。", page);
        Assert.Equal(3_000, (await LastBatchAsync()).ProblemCount);
    }

    [Fact]
    public async Task Import_MovingSomeoneToASiteInAnotherTimeZone_TheirCachedLearnerRecordFollows()
    {
        await factory.CreateSiteAsync("A1");
        await factory.CreateSiteAsync("B1", "Asia/Urumqi");
        var admin = await AdministratorAsync();
        await UploadAsync(admin, PeopleCsvFile.Utf8WithBom([PeopleCsvFile.Row("M001", "调动人", "13900000021", site: "项目A1", team: "", lineOfWork: "")]));
        var personId = (await factory.FindPersonAsync("M001"))!.Id;
        var records = factory.Services.GetRequiredService<LearnerRecordCache>();
        Assert.Equal(SiteTime.DefaultTimeZoneId, (await records.GetAsync(personId)).TimeZoneId);

        // The move is written by the import's switch in SQL, past EF's change tracker.
        await UploadAsync(admin, PeopleCsvFile.Utf8WithBom([PeopleCsvFile.Row("M001", "调动人", "13900000021", site: "项目B1", team: "", lineOfWork: "")]));

        Assert.Equal((ImportStatus.Completed, 1), ((await LastBatchAsync()).Status, (await LastBatchAsync()).Updated));
        Assert.Equal("Asia/Urumqi", (await records.GetAsync(personId)).TimeZoneId);
    }

    private async Task<HttpClient> AdministratorAsync()
    {
        var admin = factory.CreateSessionClient();
        admin.Timeout = TimeSpan.FromMinutes(10);
        await admin.SignInAsync(LmsFactory.AdministratorNumber);
        return admin;
    }

    private static async Task<(HttpResponseMessage Response, string Page)> UploadAsync(HttpClient client, byte[] file)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await client.PostFormAsync("/admin/people/import", "import", new()
        {
            ["Input.InitialPassword"] = "welcome2026",
            ["Input.Mode"] = "import",
            ["Input.CreateMissing"] = "true",
        }, content);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private Task<int> StagedAsync() => factory.WithDbAsync(db => db.Users.CountAsync(p => p.StagedImportId != null));

    private Task<ImportBatch> LastBatchAsync() => factory.WithDbAsync(db => db.ImportBatches.AsNoTracking().OrderByDescending(b => b.Id).FirstAsync());

    /// <summary>The last assignment id handed out: it shows assignments were written even after they were removed.</summary>
    private Task<long> AssignmentSequenceAsync() => factory.WithDbAsync(db => db.Database.SqlQueryRaw<long>(TestDatabase.IsPostgreSql
        ? "SELECT COALESCE((SELECT last_value FROM pg_sequences WHERE sequencename = 'CourseAssignments_Id_seq'), 0) AS \"Value\""
        : "SELECT COALESCE(MAX(seq), 0) AS Value FROM sqlite_sequence WHERE name = 'CourseAssignments'").SingleAsync());

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddMinutes(5);
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The condition did not hold in time.");
            await Task.Delay(20);
        }
    }
}

/// <summary>
/// For each save that adds a shift review, how many transactions other saves committed while it was under way (the
/// people import's, in these tests): what the review waited behind.
/// </summary>
internal sealed class CommitsDuringReviewSaves : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConcurrentDictionary<DbContext, long> reviewSaves = new(ReferenceEqualityComparer.Instance);
    private long othersCommitted;

    public ConcurrentQueue<long> DuringEachSave { get; } = new();

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.ChangeTracker.Entries<ShiftReview>().Any(e => e.State == EntityState.Added))
            reviewSaves[context] = Interlocked.Read(ref othersCommitted);
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && reviewSaves.TryRemove(context, out var before))
            DuringEachSave.Enqueue(Interlocked.Read(ref othersCommitted) - before);
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    private void Committed(DbContext? context)
    {
        if (context is null || !reviewSaves.ContainsKey(context)) Interlocked.Increment(ref othersCommitted);
    }
}
