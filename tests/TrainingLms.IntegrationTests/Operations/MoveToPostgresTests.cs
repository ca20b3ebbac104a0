using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Data;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Operations;

namespace TrainingLms.IntegrationTests.Operations;

/// <summary>
/// `move-to-postgres`: a SQLite company copied into an empty PostgreSQL database has the same rows and signed records,
/// and the app started on the copy (same data folder) shows the same pages; a database that holds anything is refused
/// and left as it was. Each test runs once, whichever database the run is on: it needs SQLite (the company moved) and
/// the PostgreSQL server LMS_TEST_POSTGRES names (<c>./lms test</c> starts one for both runs).
/// </summary>
public sealed class MoveToPostgresTests(SqliteDemoCompany demo) : IClassFixture<SqliteDemoCompany>, IAsyncLifetime
{
    private const string OnceInEitherRun = "moves a SQLite company into a PostgreSQL database on the server LMS_TEST_POSTGRES names, whichever database the run is on";

    private readonly Scratch scratch = new();

    [Fact, PostgreSqlOnly(OnceInEitherRun)]
    public async Task DemoCompany_Moved_SameRowsAndSignedRecords_AndTheSamePages()
    {
        var folder = await CompanyAsync("move-demo");
        await MoveAndCompareAsync(folder, ("E0001", "/learning"), ("C0001", "/reviews"), ("M0001", "/reviews/oversight"));
    }

    /// <summary>The run on PostgreSQL carries the tests about it; this, the heaviest of the move's, keeps the two runs level.</summary>
    [Fact, SqliteOnly(OnceInEitherRun)]
    public async Task LargeCompany_FiveThousandPeopleAndAYearOfReviews_Moved_SameRowsAndTheSamePages()
    {
        var folder = await CompanyAsync("move-large");
        await LargeCompany.GenerateAsync(folder);

        var moveTime = await MoveAndCompareAsync(folder, (LargeCompany.Leader, "/reviews"), (LargeCompany.Employee, "/learning"));

        await using var db = new TestDatabase(folder, DatabaseProvider.Sqlite).Open();
        Assert.True(await db.Users.CountAsync() > LargeCompany.People);
        Assert.True(await db.ShiftReviews.CountAsync() >= LargeCompany.People / LargeCompany.TeamSize * LargeCompany.Days);
        // Reported, not asserted: how long it takes depends on what else the machine runs.
        TestContext.Current.TestOutputHelper?.WriteLine($"The move took {moveTime}.");
    }

    [Fact, PostgreSqlOnly(OnceInEitherRun)]
    public async Task TargetHoldingRows_Refused_AndLeftAsItWas()
    {
        var folder = await CompanyAsync("move-refused");
        var target = Track(new TestDatabase(folder, DatabaseProvider.PostgreSQL));
        target.EnsureCreated();
        await using (var db = target.Open())
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "Sites" ("Code", "Name", "TimeZoneId", "IsActive") VALUES ('OLD', '原有项目', 'Asia/Shanghai', true)""");
        var before = await LmsCommand.RowCountsAsync(target);

        var (exitCode, output) = await LmsCommand.RunAsync(folder, new Dictionary<string, string>(), MoveToPostgresCommand.Name, "--to", target.ConnectionString);

        Assert.True(exitCode == MoveToPostgresCommand.TargetNotEmpty, output);
        Assert.Contains("not empty", output);
        Assert.Contains("Sites", output);
        Assert.Equal(before, await LmsCommand.RowCountsAsync(target));
        await using (var db = target.Open()) Assert.Equal(["原有项目"], await db.Sites.Select(s => s.Name).ToListAsync());
    }

    /// <summary>
    /// Shows the pages on SQLite, moves the company into a new empty database, checks what the command says and what is
    /// there (counts, hashes, verify-records), then shows the pages again from PostgreSQL. Returns the move's time.
    /// </summary>
    private async Task<TimeSpan> MoveAndCompareAsync(string folder, params (string Person, string Path)[] pages)
    {
        var sqlite = new TestDatabase(folder, DatabaseProvider.Sqlite);
        var onSqlite = await ShowAsync(sqlite, pages);
        var target = Track(new TestDatabase(folder, DatabaseProvider.PostgreSQL));
        target.EnsureCreated(empty: true);

        var clock = Stopwatch.StartNew();
        var (exitCode, output) = await LmsCommand.RunAsync(folder, new Dictionary<string, string>(), MoveToPostgresCommand.Name, "--to", target.ConnectionString);
        clock.Stop();
        TestContext.Current.TestOutputHelper?.WriteLine($"{output}\n(the command ran {clock.Elapsed.TotalSeconds:0.0} s)");

        Assert.True(exitCode == MoveToPostgresCommand.Moved, output);
        Assert.Contains("Row counts: equal in every table.", output);
        Assert.Contains("Record chain: intact on PostgreSQL", output);
        var counts = await LmsCommand.RowCountsAsync(sqlite);
        Assert.Equal(counts, await LmsCommand.RowCountsAsync(target));
        Assert.True(counts["DrillAttempts"] > 0 && counts["Certificates"] > 0 && counts["RecordChainLinks"] > 0, "The company has signed records to move.");
        Assert.Equal(await SignedRecordsAsync(sqlite), await SignedRecordsAsync(target));
        var (verified, verifyOutput) = await LmsCommand.RunAsync(folder, target.Settings, "verify-records");
        Assert.True(verified == 0, verifyOutput);

        // New rows on PostgreSQL take ids after the copied ones.
        await using (var db = target.Open())
        {
            var site = new TrainingLms.Domain.Organisation.Site { Code = "NEW", Name = "新项目", TimeZoneId = "Asia/Shanghai" };
            db.Sites.Add(site);
            await db.SaveChangesAsync();
            Assert.True(site.Id > counts["Sites"], $"new site id {site.Id}");
            db.Sites.Remove(site);
            await db.SaveChangesAsync();
        }

        Assert.Equal(onSqlite, await ShowAsync(target, pages));
        return clock.Elapsed;
    }

    private static async Task<List<string>> ShowAsync(TestDatabase database, (string Person, string Path)[] pages)
    {
        await using var app = await AppProcess.StartAsync(database, new Dictionary<string, string>());
        var shown = new List<string>();
        foreach (var (person, path) in pages) shown.AddRange(await LmsCommand.PagesAsync(app, person, path));
        await app.KillAsync();
        return shown;
    }

    /// <summary>The stored hashes of the signed records and the chain's MACs, in order.</summary>
    private static async Task<List<string>> SignedRecordsAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var attempts = await db.DrillAttempts.Where(a => a.ContentHash != null).OrderBy(a => a.Id).Select(a => new { a.Id, a.ContentHash }).ToListAsync();
        var certificates = await db.Certificates.OrderBy(c => c.Code).Select(c => new { c.Code, c.ContentHash }).ToListAsync();
        var links = await db.RecordChainLinks.OrderBy(l => l.Sequence).Select(l => new { l.Sequence, l.Mac }).ToListAsync();
        return [.. attempts.Select(a => $"{a.Id}:{a.ContentHash}"), .. certificates.Select(c => $"{c.Code}:{c.ContentHash}"), .. links.Select(l => $"{l.Sequence}:{l.Mac}")];
    }

    private async Task<string> CompanyAsync(string purpose) => scratch.Folder(await demo.CopyAsync(purpose));

    private TestDatabase Track(TestDatabase database) => scratch.Track(database);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        scratch.Dispose();
        return ValueTask.CompletedTask;
    }
}
