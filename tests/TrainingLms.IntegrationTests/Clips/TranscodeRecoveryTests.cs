using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain.Clips;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Clips;
using TrainingLms.Web.Features.Demo;

namespace TrainingLms.IntegrationTests.Clips;

/// <summary>The durable queue: a job survives the app being killed mid-transcode, can be cancelled, and fails for good with ffmpeg's words.</summary>
public class TranscodeRecoveryTests(ClipsFactory factory, MediaFiles media) : IClassFixture<ClipsFactory>, IClassFixture<MediaFiles>
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Clips:LeaseSeconds"] = "3",
        ["Clips:PollMilliseconds"] = "200",
        ["Clips:RetryDelaySeconds"] = "0",
        ["Clips:X264Preset"] = ClipsFactory.FastestPreset,
    };

    [Fact]
    public async Task App_KilledMidTranscode_StartedAgain_TheJobCompletes()
    {
        var database = new TestDatabase(Path.Combine(Path.GetTempPath(), "traininglms-tests", "kill-" + Guid.NewGuid().ToString("N")));
        var source = await media.SampleAsync(SampleVideo.MovH264, 12);
        int clipId;
        await using (var first = await AppProcess.StartAsync(database, Settings))
        {
            var admin = await first.SetUpCompanyAsync();
            var upload = await ClipApi.UploadAsync(admin, source, ClipApi.Details("killed-mid-transcode"));
            Assert.Equal(HttpStatusCode.Created, upload.Status);
            clipId = upload.ClipId!.Value;

            await WaitForAsync(async () => await admin.GetFromJsonAsync<TranscodeStatusResponse>($"/api/clips/{clipId}/transcode") is { Status: "Running", ProgressPercent: > 0 });
            await first.KillAsync();
        }
        Assert.Equal((TranscodeStatus.Running, 1), await JobAsync(database, clipId));

        await using (var second = await AppProcess.StartAsync(database, Settings))
        {
            var admin = second.CreateClient();
            await admin.SignInAsync("A1");
            await WaitForAsync(async () => await admin.GetFromJsonAsync<TranscodeStatusResponse>($"/api/clips/{clipId}/transcode") is { Status: not ("Queued" or "Running") }, TimeSpan.FromMinutes(3));
            var status = await admin.GetFromJsonAsync<TranscodeStatusResponse>($"/api/clips/{clipId}/transcode");

            Assert.Equal(("Succeeded", "Ready", 2), (status!.Status, status.ClipStatus, status.Attempts));
            var range = new HttpRequestMessage(HttpMethod.Get, $"/clips/{clipId}/video/720p.mp4");
            range.Headers.Range = new(0, 99);
            Assert.Equal(HttpStatusCode.PartialContent, (await admin.SendAsync(range)).StatusCode);
        }
        var folder = Path.Combine(database.DataPath, "clips", clipId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(Directory.GetDirectories(folder, "work-*"));
        var probe = MediaFiles.Probe(Path.Combine(folder, "720p.mp4"));
        Assert.Equal(12, double.Parse(probe.GetProperty("format").GetProperty("duration").GetString()!, System.Globalization.CultureInfo.InvariantCulture), 0.2);
        database.Drop();
        Directory.Delete(database.DataPath, recursive: true);
    }

    [Fact]
    [SqliteOnly("How ffmpeg ends with the app that started it touches no database; the queue's recovery after a kill runs on both.")]
    public async Task App_KilledWithSignal9MidTranscode_ItsFfmpegDoesNotOutliveIt()
    {
        var database = new TestDatabase(Path.Combine(Path.GetTempPath(), "traininglms-tests", "kill9-" + Guid.NewGuid().ToString("N")));
        var source = await media.SampleAsync(SampleVideo.MovH264, 12);
        // The slowest preset keeps ffmpeg busy for minutes on this clip: an orphan would still be running at the deadline.
        var settings = new Dictionary<string, string>(Settings) { ["Clips:X264Preset"] = "veryslow" };
        ProcessEntry? ffmpeg = null;
        try
        {
            await using var app = await AppProcess.StartAsync(database, settings);
            var admin = await app.SetUpCompanyAsync();
            var upload = await ClipApi.UploadAsync(admin, source, ClipApi.Details("killed-with-its-ffmpeg"));
            Assert.Equal(HttpStatusCode.Created, upload.Status);
            await WaitForAsync(() => Task.FromResult((ffmpeg = TranscodingFfmpeg(app.Id, upload.ClipId!.Value)) is not null));
            var child = ffmpeg!;

            await app.KillAloneAsync();

            var until = DateTime.UtcNow.AddSeconds(15);
            while (child.IsRunning && DateTime.UtcNow < until) await Task.Delay(50);
            Assert.False(child.IsRunning, $"ffmpeg {child.Id} still runs after the app that started it was killed");
        }
        finally
        {
            // Today's orphan would transcode on for minutes: end it, whatever the verdict.
            if (ffmpeg is { IsRunning: true })
            {
                try { System.Diagnostics.Process.GetProcessById(ffmpeg.Id).Kill(); }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException) { }
            }
            database.Drop();
            if (Directory.Exists(database.DataPath)) Directory.Delete(database.DataPath, recursive: true);
        }
    }

    private static ProcessEntry? TranscodingFfmpeg(int appId, int clipId) =>
        ProcessTable.ChildrenOf(appId).FirstOrDefault(p => p.Name == "ffmpeg" && p.CommandLine.Contains($"clips/{clipId}/original", StringComparison.Ordinal));

    [Fact]
    public async Task Cancel_RunningJob_StopsFfmpeg_ThenTranscodeAgain_MakesTheClipReady()
    {
        var trainer = await factory.TrainerAsync();
        var upload = await ClipApi.UploadAsync(trainer, await media.SampleAsync(SampleVideo.AvchdM2ts, 10), ClipApi.Details(ClipApi.NewSlug()));
        var clipId = upload.ClipId!.Value;
        await WaitForAsync(async () => (await factory.TranscodeStatusAsync(trainer, clipId))!.Status == "Running");

        await trainer.PostFormAsync($"/clips/{clipId}", "cancel-transcode", []);
        var cancelled = await factory.WaitForClipAsync(clipId);

        Assert.Equal(ClipStatus.Cancelled, cancelled.Status);
        Assert.Equal("Cancelled", (await factory.TranscodeStatusAsync(trainer, clipId))!.Status);
        await WaitForAsync(() => Task.FromResult(!FfmpegRunningOn(clipId)));

        var again = await trainer.PostFormAsync($"/clips/{clipId}", "transcode-again", []);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(ClipStatus.Ready, (await factory.WaitForClipAsync(clipId, TimeSpan.FromMinutes(3))).Status);
        Assert.Equal(2, await factory.WithDbAsync(db => db.TranscodeJobs.CountAsync(j => j.ClipId == clipId)));
    }

    [Fact]
    public async Task Job_FailingEveryAttempt_StopsAfterTheLimit_AndShowsFfmpegsError()
    {
        var trainer = await factory.TrainerAsync();
        var upload = await ClipApi.UploadAsync(trainer, await media.SampleAsync(SampleVideo.PalDv43), ClipApi.Details(ClipApi.NewSlug()));
        var clipId = upload.ClipId!.Value;
        Assert.Equal(ClipStatus.Ready, (await factory.WaitForClipAsync(clipId)).Status);
        // The original is damaged on disk afterwards: transcoding it again fails every time.
        var storage = factory.Services.GetRequiredService<ClipStorage>();
        await File.WriteAllTextAsync(storage.OriginalPath(clipId, ".dv"), "damaged");

        await factory.WithScopeAsync(s => s.GetRequiredService<ClipAdministration>().TranscodeAgainAsync(clipId));
        var failed = await factory.WaitForClipAsync(clipId);
        var status = await factory.TranscodeStatusAsync(trainer, clipId);
        var page = await trainer.GetStringAsync($"/clips/{clipId}");

        Assert.Equal(ClipStatus.Failed, failed.Status);
        Assert.Equal(("Failed", 3, 3), (status!.Status, status.Attempts, status.MaxAttempts));
        Assert.Contains("original.dv", status.Error);
        Assert.Contains("ffmpeg 的报错信息", page);
        Assert.Contains("重新处理", page);
    }

    private static bool FfmpegRunningOn(int clipId) =>
        Directory.EnumerateDirectories("/proc").Select(p => Path.Combine(p, "cmdline")).Any(file =>
        {
            try { return File.ReadAllText(file).Contains($"clips/{clipId}/original", StringComparison.Ordinal); }
            catch (IOException) { return false; }
            catch (UnauthorizedAccessException) { return false; }
        });

    /// <summary>Reads the app's database directly, as another process would.</summary>
    private static async Task<(TranscodeStatus, int)> JobAsync(TestDatabase database, int clipId)
    {
        await using var db = database.Open();
        var job = await db.TranscodeJobs.Where(j => j.ClipId == clipId).Select(j => new { j.Status, j.Attempts }).SingleAsync();
        return (job.Status, job.Attempts);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The condition did not hold in time.");
            await Task.Delay(100);
        }
    }
}
