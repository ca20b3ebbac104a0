using System.Diagnostics;
using TrainingLms.Web.Features.Clips.Media;

namespace TrainingLms.Web.Tests.Features.Clips.Media;

public sealed class FfmpegProcessTests : IDisposable
{
    private const string Ffmpeg = "/usr/bin/ffmpeg";

    private readonly string folder = Directory.CreateTempSubdirectory("traininglms-ffmpeg-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Run_DamagedInput_ManyAtOnce_EachThrowsWithFfmpegsMessage()
    {
        var damaged = Path.Combine(folder, "original.dv");
        await File.WriteAllTextAsync(damaged, "damaged");

        // Many at once: the failure must not depend on how soon ffmpeg's output is read.
        var runs = Enumerable.Range(0, 12).Select(i => Assert.ThrowsAsync<VideoToolException>(() =>
            FfmpegProcess.RunAsync(Ffmpeg, ["-hide_banner", "-nostdin", "-v", "error", "-y", "-i", damaged, Path.Combine(folder, $"{i}.mp4")], null, CancellationToken.None)));
        var errors = await Task.WhenAll(runs);

        Assert.All(errors, e => Assert.Contains("original.dv: Invalid data found when processing input", e.Message));
        Assert.Empty(Directory.GetFiles(folder, "*.mp4"));
    }

    [Fact]
    public async Task Run_SilentFailure_SaysTheExitCode()
    {
        // -v quiet: ffmpeg prints nothing, so the exit code is all there is to tell.
        var error = await Assert.ThrowsAsync<VideoToolException>(() =>
            FfmpegProcess.RunAsync(Ffmpeg, ["-v", "quiet", "-i", Path.Combine(folder, "missing.dv"), Path.Combine(folder, "out.mp4")], null, CancellationToken.None));

        Assert.Matches(@"^ffmpeg exited with code \d+\.$", error.Message);
    }

    [Fact]
    public async Task Run_NoFfmpegThere_ThrowsAVideoToolError()
    {
        var error = await Assert.ThrowsAsync<VideoToolException>(() =>
            FfmpegProcess.RunAsync(Path.Combine(folder, "ffmpeg"), ["-version"], null, CancellationToken.None));

        Assert.Contains("could not be started", error.Message);
    }

    [Fact]
    public async Task Run_Conversion_ReportsRisingPercent_AndWritesTheOutput()
    {
        var source = Path.Combine(folder, "source.mp4");
        await FfmpegProcess.RunAsync(Ffmpeg, ["-hide_banner", "-nostdin", "-y", "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=4", "-c:v", "libx264", "-preset", "ultrafast", source], null, CancellationToken.None);
        var reported = new List<int>();
        var progress = new SynchronousProgress(reported.Add);

        var output = Path.Combine(folder, "out.mp4");
        await FfmpegProcess.RunAsync(Ffmpeg, ["-hide_banner", "-nostdin", "-y", "-i", source, "-c:v", "libx264", "-preset", "ultrafast", output], progress, CancellationToken.None);

        Assert.True(new FileInfo(output).Length > 0);
        Assert.NotEmpty(reported);
        Assert.Equal(reported.Order(), reported);
        Assert.InRange(reported[^1], 90, 100);
    }

    [Fact]
    public async Task Run_Cancelled_StopsFfmpeg()
    {
        using var cancel = new CancellationTokenSource();
        var output = Path.Combine(folder, "endless.mp4");
        var run = FfmpegProcess.RunAsync(Ffmpeg, ["-hide_banner", "-nostdin", "-y", "-re", "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25", "-c:v", "libx264", "-preset", "ultrafast", output], null, cancel.Token);
        // An ffmpeg that fails to start ends the run: the wait must not outlive it.
        while (!FfmpegIsWriting(output) && !run.IsCompleted) await Task.Delay(50);
        Assert.False(run.IsCompleted, "ffmpeg stopped before it was cancelled");

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.False(FfmpegIsWriting(output));
    }

    [Fact]
    public async Task Run_StartedFromAThreadThatThenEnds_FfmpegCarriesOn()
    {
        // ffmpeg dies with the thread that started it, not only with the app: a pool thread that retires while a
        // transcode runs must not take ffmpeg with it.
        using var cancel = new CancellationTokenSource();
        var output = Path.Combine(folder, "outlives-thread.ts");
        Task? run = null;
        var thread = new Thread(() =>
        {
            run = FfmpegProcess.RunAsync(Ffmpeg, ["-hide_banner", "-nostdin", "-y", "-re", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-c:v", "libx264", "-preset", "ultrafast", "-f", "mpegts", output], null, cancel.Token);
            // The thread ends only once ffmpeg has begun to write.
            while (Size(output) == 0 && !run.IsCompleted) Thread.Sleep(20);
        });
        thread.Start();
        thread.Join();
        var sizeWhenTheThreadEnded = Size(output);

        // Half a second's worth of video more than when the thread ended: ffmpeg kept going without it.
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!run!.IsCompleted && Size(output) < sizeWhenTheThreadEnded + 48 * 1024 && DateTime.UtcNow < until) await Task.Delay(50);

        Assert.False(run.IsCompleted, "ffmpeg stopped when the thread that started it ended");
        Assert.True(Size(output) >= sizeWhenTheThreadEnded + 48 * 1024, "ffmpeg stopped writing when the thread that started it ended");
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Theory]
    [InlineData("  Duration: 00:01:40.00, start: 0.000000, bitrate: 28800 kb/s", "frame=  250 fps=0.0 q=-1.0 size=  1024kB time=00:00:25.00 bitrate=N/A speed=50x", 25)]
    [InlineData("  Duration: 01:00:00.00, start: 0.000000", "frame=1 time=00:59:59.99 bitrate=N/A", 99)]
    [InlineData("  Duration: 30:00:00.00, start: 0.000000", "frame=1 time=25:30:00.00 bitrate=N/A", 85)]
    [InlineData("  Duration: N/A, start: 0.000000", "frame=1 time=00:00:10.00 bitrate=N/A", null)]
    [InlineData("  Duration: 00:00:10.00, start: 0.000000", "frame=1 time=-00:00:00.04 bitrate=N/A", null)]
    public void PercentDone_DurationThenStats_PercentOfTheWay(string durationLine, string statsLine, int? expected)
    {
        var total = TimeSpan.Zero;

        Assert.Null(FfmpegProcess.PercentDone(durationLine, ref total));
        Assert.Equal(expected, FfmpegProcess.PercentDone(statsLine, ref total));
    }

    private static long Size(string file) => File.Exists(file) ? new FileInfo(file).Length : 0;

    private static bool FfmpegIsWriting(string output) =>
        Process.GetProcessesByName("ffmpeg").Any(p =>
        {
            try { return File.ReadAllText($"/proc/{p.Id}/cmdline").Contains(output, StringComparison.Ordinal); }
            catch (IOException) { return false; }
        });

    /// <summary>Reports on the reporting thread, so the test sees every value in order.</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
