using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrainingLms.Data;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Operations;

namespace TrainingLms.IntegrationTests.Operations;

/// <summary>
/// `backup` of a running SQLite company while it writes, and the restore README "Backup and restore" describes; and
/// a PostgreSQL company's pg_dump restored into a new database.
/// </summary>
public sealed class BackupTests : IAsyncLifetime
{
    private readonly Scratch scratch = new();

    [Fact, SqliteOnly("the backup command copies a SQLite company (it uses SQLite whichever database the run uses); PostgreSQL's is pg_dump, tested below")]
    public async Task Backup_WhileTheAppWrites_HoldsEveryWriteAcknowledgedBeforeIt_AndRestoresIntoAFreshDataFolder()
    {
        var folder = Folder("backup-live");
        var archive = Path.Combine(Folder("backup-file"), "company.tar.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
        var acknowledged = new ConcurrentQueue<string>();
        await using (var app = await AppProcess.StartAsync(new TestDatabase(folder, DatabaseProvider.Sqlite), new Dictionary<string, string>()))
        {
            var admin = app.CreateClient();
            await admin.PostFormAsync("/setup", "setup", new()
            {
                ["Input.CompanyName"] = "锦绣物业", ["Input.EmployeeNumber"] = "A1", ["Input.FullName"] = "管理员",
                ["Input.Password"] = LmsFactory.Password, ["Input.ConfirmPassword"] = LmsFactory.Password,
            });
            await admin.SignInAsync("A1");

            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(1, 2).Select(writer => WriteAsync(admin, writer, acknowledged, stop.Token)).ToList();
            await WaitForAsync(() => acknowledged.Count >= 10 || writers.Any(w => w.IsCompleted));
            var before = acknowledged.ToList();

            var (exitCode, output) = await LmsCommand.RunAsync(folder, new Dictionary<string, string>(), BackupCommand.Name, archive);
            var duringBackup = acknowledged.Count - before.Count;
            await stop.CancelAsync();
            await Task.WhenAll(writers);

            Assert.True(exitCode == 0, output);
            Assert.True(duringBackup > 0, "No write was acknowledged while the backup ran.");
            Assert.Contains("integrity ok", output);

            // README: stop the app, unpack into an empty data folder, start it.
            await app.KillAsync();
            var restored = Folder("backup-restored");
            Directory.CreateDirectory(restored);
            var untar = Process.Start("tar", ["-xzf", archive, "-C", restored])!;
            await untar.WaitForExitAsync();
            Assert.Equal(0, untar.ExitCode);
            Assert.True(File.Exists(Path.Combine(restored, BackupCommand.ManifestEntry)));
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(restored, BackupCommand.KeysEntry)));
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(folder, BackupCommand.ChainKeyEntry)), await File.ReadAllTextAsync(Path.Combine(restored, BackupCommand.ChainKeyEntry)));
            Assert.Equal("ok", await BackupCommand.IntegrityAsync(Path.Combine(restored, BackupCommand.DatabaseEntry)));

            var database = new TestDatabase(restored, DatabaseProvider.Sqlite);
            await using (var db = database.Open())
            {
                var people = await db.Users.Select(u => u.UserName!).ToListAsync();
                Assert.Empty(before.Except(people));
            }
            await using (var again = await AppProcess.StartAsync(database, new Dictionary<string, string>()))
            {
                var client = again.CreateClient();
                var signIn = await client.SignInAsync("A1");
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/people")).StatusCode);
                await again.KillAsync();
            }
            var (verified, verifyOutput) = await LmsCommand.RunAsync(restored, new Dictionary<string, string>(), "verify-records");
            Assert.True(verified == 0, verifyOutput);
        }
    }

    [Fact, SqliteOnly("the backup command copies a SQLite company, whichever database the run uses")]
    public async Task Backup_ListsTheClips_OrHoldsThemWithClipsOption_AndNeverOverwritesAFile()
    {
        var folder = Folder("backup-clips");
        await using (var app = await AppProcess.StartAsync(new TestDatabase(folder, DatabaseProvider.Sqlite), new Dictionary<string, string>())) await app.KillAsync();
        Directory.CreateDirectory(Path.Combine(folder, "clips", "originals"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "clips", "originals", "clip.mp4"), new byte[1234]);
        var files = Folder("backup-clips-files");
        Directory.CreateDirectory(files);
        var listed = Path.Combine(files, "listed.tar.gz");
        var held = Path.Combine(files, "held.tar.gz");

        var (listedExit, listedOutput) = await LmsCommand.RunAsync(folder, new Dictionary<string, string>(), BackupCommand.Name, listed);
        var (heldExit, heldOutput) = await LmsCommand.RunAsync(folder, new Dictionary<string, string>(), BackupCommand.Name, held, "--clips");
        var modified = File.GetLastWriteTimeUtc(held);
        var (againExit, againOutput) = await LmsCommand.RunAsync(folder, new Dictionary<string, string>(), BackupCommand.Name, held);

        Assert.True(listedExit == 0, listedOutput);
        Assert.True(heldExit == 0, heldOutput);
        Assert.Equal(2, againExit);
        Assert.Contains("exists already", againOutput);
        Assert.Equal(modified, File.GetLastWriteTimeUtc(held));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(held));
        var (listedEntries, listedManifest) = await EntriesAsync(listed);
        var (heldEntries, heldManifest) = await EntriesAsync(held);
        Assert.Equal("1234\tclips/originals/clip.mp4", listedManifest.Trim());
        Assert.Equal(listedManifest, heldManifest);
        Assert.DoesNotContain("clips/originals/clip.mp4", listedEntries);
        Assert.Contains("clips/originals/clip.mp4", heldEntries);
        Assert.Contains(BackupCommand.DatabaseEntry, listedEntries);
    }

    [Fact, PostgreSqlOnly("restores a pg_dump of a PostgreSQL company")]
    public async Task PostgreSqlCompany_DumpedAndRestoredIntoANewDatabase_SameRows_AndTheAppStartsOnIt()
    {
        var folder = Folder("pgdump");
        var company = Track(new TestDatabase(folder, DatabaseProvider.PostgreSQL));
        await using (var app = await AppProcess.StartAsync(company, SqliteDemoCompany.DemoSettings)) await app.KillAsync();
        var dump = Path.Combine(folder, "lms.dump");
        var restored = Track(new TestDatabase(folder, DatabaseProvider.PostgreSQL));
        restored.EnsureCreated(empty: true);

        await PostgreSqlToolAsync("pg_dump", company, "-Fc", "-f", dump);
        await PostgreSqlToolAsync("pg_restore", restored, "--no-owner", "--exit-on-error", dump);

        var counts = await LmsCommand.RowCountsAsync(company);
        Assert.True(counts["AspNetUsers"] >= 40 && counts["RecordChainLinks"] > 0, "The demo company is there to dump.");
        Assert.Equal(counts, await LmsCommand.RowCountsAsync(restored));
        await using (var app = await AppProcess.StartAsync(restored, new Dictionary<string, string>()))
        {
            var pages = await LmsCommand.PagesAsync(app, "E0001", "/learning");
            Assert.Contains("李娜", pages[0]);
            await app.KillAsync();
        }
        var (verified, output) = await LmsCommand.RunAsync(folder, restored.Settings, "verify-records");
        Assert.True(verified == 0, output);
    }

    private static async Task<(List<string> Entries, string Manifest)> EntriesAsync(string archive)
    {
        await using var file = File.OpenRead(archive);
        await using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
        await using var tar = new System.Formats.Tar.TarReader(gzip);
        var entries = new List<string>();
        var manifest = "";
        while (await tar.GetNextEntryAsync() is { } entry)
        {
            entries.Add(entry.Name);
            if (entry.Name == BackupCommand.ManifestEntry && entry.DataStream is { } data) manifest = await new StreamReader(data).ReadToEndAsync();
        }
        return (entries, manifest);
    }

    /// <summary>Creates people through the administrator's form until stopped; the employee number of each one the app confirmed.</summary>
    private static async Task WriteAsync(HttpClient admin, int writer, ConcurrentQueue<string> acknowledged, CancellationToken stop)
    {
        for (var i = 1; !stop.IsCancellationRequested; i++)
        {
            var number = $"W{writer}{i:0000}";
            var response = await admin.PostFormAsync("/admin/people/new", "person", new()
            {
                ["Input.EmployeeNumber"] = number, ["Input.FullName"] = "写入" + number, ["Input.IsEmployee"] = "true", ["Input.Password"] = "welcome2026",
            });
            if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"{number}: {response.StatusCode}");
            acknowledged.Enqueue(number);
        }
    }

    /// <summary>pg_dump or pg_restore from Debian's postgresql package, on the test database's server.</summary>
    private static async Task PostgreSqlToolAsync(string tool, TestDatabase database, params string[] arguments)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => int.Parse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture)).Last();
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var start = new ProcessStartInfo(Path.Combine(bin, "bin", tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])["-h", server.Host!, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", server.Username!, "-d", server.Database!, .. arguments])
            start.ArgumentList.Add(argument);
        if (server.Password is { } password) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool}: {await errors}");
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddMinutes(3);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The writes never reached the state waited for.");
            await Task.Delay(20);
        }
    }

    private string Folder(string purpose) => scratch.Folder(SqliteDemoCompany.NewFolder(purpose));

    private TestDatabase Track(TestDatabase database) => scratch.Track(database);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        scratch.Dispose();
        return ValueTask.CompletedTask;
    }
}
