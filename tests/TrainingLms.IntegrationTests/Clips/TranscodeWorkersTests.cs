using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain.Clips;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Demo;

namespace TrainingLms.IntegrationTests.Clips;

/// <summary>
/// Transcode workers as real processes, as on machines of their own: one database, one clips folder they all share
/// (<c>Storage:ClipsPath</c>), a data folder each. Every job runs once, a killed instance's job is finished by another
/// once its lease runs out, and a worker neither serves pages nor migrates the database.
/// </summary>
public class TranscodeWorkersTests(MediaFiles media) : IClassFixture<MediaFiles>
{
    private const string SharedServerOnly = "Instances on several machines share a database server; a SQLite file is one machine's";

    /// <summary>Long enough that a busy machine's renewals stay well inside it, short enough that a dead worker's job comes back soon.</summary>
    private const int LeaseSeconds = 10;

    internal static Dictionary<string, string> Settings(string clips, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage:ClipsPath"] = clips,
            ["Clips:LeaseSeconds"] = LeaseSeconds.ToString(CultureInfo.InvariantCulture),
            ["Clips:PollMilliseconds"] = "200",
            ["Clips:RetryDelaySeconds"] = "0",
            ["Clips:X264Preset"] = ClipsFactory.FastestPreset,
        };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    [Fact]
    [PostgreSqlOnly(SharedServerOnly)]
    public async Task TwoWorkers_ShareTheQueue_EachJobRunsExactlyOnce_AndNeitherServesPages()
    {
        var root = NewRoot("two-workers");
        var clips = Path.Combine(root, "shared-clips");
        var database = new TestDatabase(Path.Combine(root, "web"));
        try
        {
            await using var web = await AppProcess.StartAsync(database, Settings(clips, ("Hosting:Role", "Web")));
            await using var one = await AppProcess.StartWorkerAsync(database, Settings(clips, ("Storage:DataPath", Path.Combine(root, "worker-1"))));
            await using var two = await AppProcess.StartWorkerAsync(database, Settings(clips, ("Storage:DataPath", Path.Combine(root, "worker-2"))));
            var admin = await web.SetUpCompanyAsync();
            var source = await media.SampleAsync(SampleVideo.MovH264);
            var clipIds = new List<int>();
            for (var i = 0; i < 4; i++)
            {
                var upload = await ClipApi.UploadAsync(admin, source, ClipApi.Details(ClipApi.NewSlug()));
                Assert.Equal(HttpStatusCode.Created, upload.Status);
                clipIds.Add(upload.ClipId!.Value);
            }

            await WaitForAsync(async () => (await JobsAsync(database, clipIds)).All(j => j.Status is not (TranscodeStatus.Queued or TranscodeStatus.Running)));
            var jobs = await JobsAsync(database, clipIds);

            Assert.All(jobs, job =>
            {
                Assert.Equal((TranscodeStatus.Succeeded, 1), (job.Status, job.Attempts));
                Assert.Equal(1, Runs(one, job) + Runs(two, job));
                Assert.True(File.Exists(Path.Combine(clips, job.ClipId.ToString(CultureInfo.InvariantCulture), "poster.jpg")));
            });
            Assert.DoesNotContain("Transcoding clip", web.Output, StringComparison.Ordinal);
            foreach (var worker in new[] { one, two })
            {
                using var client = new HttpClient { BaseAddress = new Uri(worker.BaseUrl) };
                await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/healthz"));
            }
        }
        finally
        {
            Clean(database, root);
        }
    }

    [Fact]
    [PostgreSqlOnly(SharedServerOnly)]
    public async Task InstanceKilledMidTranscode_TheOtherInstanceFinishesTheJob_AndTheKilledOnesFfmpegEnds()
    {
        var root = NewRoot("killed-worker");
        var clips = Path.Combine(root, "shared-clips");
        var database = new TestDatabase(Path.Combine(root, "first"));
        var source = await media.SampleAsync(SampleVideo.MovH264, 12);
        ProcessEntry? ffmpeg = null;
        try
        {
            // The slowest preset keeps the first instance's ffmpeg busy for minutes; the worker that takes over is quick.
            await using var first = await AppProcess.StartAsync(database, Settings(clips, ("Clips:X264Preset", "veryslow")));
            var admin = await first.SetUpCompanyAsync();
            var upload = await ClipApi.UploadAsync(admin, source, ClipApi.Details("killed-worker"));
            Assert.Equal(HttpStatusCode.Created, upload.Status);
            var clipId = upload.ClipId!.Value;
            await WaitForAsync(() => Task.FromResult((ffmpeg = FfmpegOn(clipId).FirstOrDefault(p => p.ParentId == first.Id)) is not null));
            // A second full instance (pages and a worker), as the other app server behind nginx.
            await using var second = await AppProcess.StartAsync(database, Settings(clips,
                ("Storage:DataPath", Path.Combine(root, "second")), ("RecordChain:KeyPath", Path.Combine(database.DataPath, "record-chain.key"))));
            var held = (await JobsAsync(database, [clipId])).Single();
            Assert.Equal((TranscodeStatus.Running, 1), (held.Status, held.Attempts));
            Assert.Contains($":{first.Id}:", held.LeaseOwner, StringComparison.Ordinal);

            await first.KillAloneAsync();

            await WaitForAsync(() => Task.FromResult(!ffmpeg!.IsRunning));
            // Whatever still works on the clip is the second worker's own.
            Assert.All(FfmpegOn(clipId), p => Assert.Equal(second.Id, p.ParentId));
            await WaitForAsync(async () => (await JobsAsync(database, [clipId])).Single().Status is not (TranscodeStatus.Queued or TranscodeStatus.Running), TimeSpan.FromMinutes(3));
            var job = (await JobsAsync(database, [clipId])).Single();

            Assert.Equal((TranscodeStatus.Succeeded, 2), (job.Status, job.Attempts));
            Assert.Contains($"Transcoding clip {clipId}, job {job.Id}, attempt 2", second.Output, StringComparison.Ordinal);
            var folder = Path.Combine(clips, clipId.ToString(CultureInfo.InvariantCulture));
            Assert.Empty(Directory.GetDirectories(folder, "work-*"));
            var probe = MediaFiles.Probe(Directory.GetFiles(folder, "*p.mp4").Order().First());
            Assert.Equal(12, double.Parse(probe.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture), 0.2);
        }
        finally
        {
            // An orphan would transcode on for minutes: end it, whatever the verdict.
            if (ffmpeg is { IsRunning: true })
            {
                try { System.Diagnostics.Process.GetProcessById(ffmpeg.Id).Kill(); }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException) { }
            }
            Clean(database, root);
        }
    }

    [Fact]
    public async Task Worker_StartedBeforeTheDatabaseIsMigrated_WaitsForAWebInstanceToMigrateIt()
    {
        var root = NewRoot("worker-waits");
        var clips = Path.Combine(root, "shared-clips");
        // One data folder for both: on SQLite it holds the database they share.
        var database = new TestDatabase(Path.Combine(root, "data"));
        try
        {
            await using var worker = AppProcess.Start(database, Settings(clips, ("Hosting:Role", "Worker")), emptyDatabase: true);
            await worker.WaitForOutputAsync("Waiting for a web instance to migrate the database");
            await using (var db = database.Open()) Assert.Empty(await db.Database.GetAppliedMigrationsAsync());

            await using var web = await AppProcess.StartAsync(database, Settings(clips, ("Hosting:Role", "Web")), emptyDatabase: true);
            await worker.WaitForOutputAsync("Transcode worker ");

            Assert.Contains("The database is migrated; the worker starts", worker.Output, StringComparison.Ordinal);
        }
        finally
        {
            Clean(database, root);
        }
    }

    internal sealed record JobRow(int Id, int ClipId, TranscodeStatus Status, int Attempts, string? LeaseOwner);

    /// <summary>Reads the shared database directly, as another process would.</summary>
    internal static async Task<List<JobRow>> JobsAsync(TestDatabase database, IReadOnlyCollection<int> clipIds)
    {
        await using var db = database.Open();
        return await db.TranscodeJobs.AsNoTracking().Where(j => clipIds.Contains(j.ClipId)).OrderBy(j => j.Id)
            .Select(j => new JobRow(j.Id, j.ClipId, j.Status, j.Attempts, j.LeaseOwner)).ToListAsync();
    }

    /// <summary>The attempts the worker's log says it started on the job.</summary>
    internal static int Runs(AppProcess worker, JobRow job) =>
        worker.Output.Split('\n').Count(line => line.Contains($"Transcoding clip {job.ClipId}, job {job.Id}, attempt", StringComparison.Ordinal));

    private static List<ProcessEntry> FfmpegOn(int clipId) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(folder => int.TryParse(Path.GetFileName(folder), out var id) ? ProcessTable.Find(id) : null)
            .OfType<ProcessEntry>()
            .Where(p => p.Name == "ffmpeg" && p.State is not ('Z' or 'X') && p.CommandLine.Contains($"shared-clips/{clipId}/original", StringComparison.Ordinal))];

    private static string NewRoot(string name) => Path.Combine(Path.GetTempPath(), "traininglms-tests", $"{name}-{Guid.NewGuid():N}");

    private static void Clean(TestDatabase database, string root)
    {
        database.Drop();
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    internal static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The condition did not hold in time.");
            await Task.Delay(100);
        }
    }
}
