using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using TrainingLms.Domain.Clips;
using TrainingLms.IntegrationTests.Clips;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Clips;
using TrainingLms.Web.Features.Clips.Media;
using TrainingLms.Web.Features.Demo;
using TrainingLms.Web.Features.Media;

namespace TrainingLms.Benchmarks.Clips;

/// <summary>
/// The clip library's figures, each measured beside its baseline in the same run (<c>./lms bench clips</c>):
/// transcoding through the app's video tools against the same ffmpeg command run bare (goal ≤ 1.05×) and the realtime
/// factor of PAL DV → 480p; range-request throughput of the clip endpoint against nginx serving the same file on
/// loopback (goal ≥ 80%); and the server's memory while a 1 GB file is uploaded (goal: under 100 MB above idle).
/// The app runs as its own process, so its memory and CPU are its own.
/// </summary>
public static class ClipBenchmarks
{
    private const double DvSeconds = 60;
    private const int TranscodeRuns = 3;
    private const int RangeBytes = 1024 * 1024;
    private const int RangeClients = 8;
    private static readonly TimeSpan RangeDuration = TimeSpan.FromSeconds(10);
    private const long UploadBytes = 1L << 30;

    private static readonly IVideoTools Tools = new VideoTools(Options.Create(new MediaOptions()));

    /// <param name="rangeOnly">Measure only the range throughput (<c>-- clips range</c>), which takes a minute.</param>
    public static async Task<int> RunAsync(bool rangeOnly = false)
    {
        var work = Directory.CreateTempSubdirectory("traininglms-clip-bench-").FullName;
        try
        {
            if (!rangeOnly) await TranscodeAsync(work);
            var dataPath = Path.Combine(work, "data");
            await using var app = await AppProcess.StartAsync(new TestDatabase(dataPath), new Dictionary<string, string>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                // Only requests that come through the benchmark's nginx proxy (which says so) are handed to nginx.
                ["Clips:AccelRedirectLocation"] = Nginx.ClipsLocation,
            });
            var admin = await AdministratorAsync(app);
            if (!rangeOnly) await UploadMemoryAsync(app, admin, work);
            await RangeThroughputAsync(app, admin, work, dataPath);
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task TranscodeAsync(string work)
    {
        var source = Path.Combine(work, "pal.dv");
        Console.WriteLine($"Making {DvSeconds} s of PAL DV 4:3 …");
        await SampleVideos.MakeAsync(Tools, SampleVideo.PalDv43, source, DvSeconds);
        var video = VideoProbe.Read(await Tools.ProbeAsync(source)).Video!;
        var outputs = RenditionPlan.For(video).Select(r => new RenditionOutput(r, Path.Combine(work, $"{r.Name}.mp4"))).ToList();
        var arguments = FfmpegArguments.Transcode(source, video, outputs, new ClipOptions().X264Preset);
        Console.WriteLine($"Renditions {string.Join(", ", outputs.Select(o => $"{o.Rendition.Width}x{o.Rendition.Height}"))}; ffmpeg {FfmpegArguments.ToCommandLine(arguments)}");

        var pipeline = new List<double>();
        var bare = new List<double>();
        for (var run = 0; run < TranscodeRuns; run++)
        {
            // Interleaved, so that a busy moment of the machine weighs on both alike.
            var clock = Stopwatch.StartNew();
            await Tools.RunFfmpegAsync(arguments, new Progress<int>(_ => { }));
            pipeline.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            await RunBareAsync(arguments);
            bare.Add(clock.Elapsed.TotalSeconds);
            Console.WriteLine($"  run {run + 1}: pipeline {pipeline[^1]:0.00} s, bare ffmpeg {bare[^1]:0.00} s");
        }
        var pipelineMedian = Median(pipeline);
        var bareMedian = Median(bare);
        Console.WriteLine($"TRANSCODE PAL DV {DvSeconds} s → 480p: pipeline median {pipelineMedian:0.00} s, bare median {bareMedian:0.00} s, " +
            $"ratio {pipelineMedian / bareMedian:0.000}× (goal ≤ 1.05×), realtime factor {DvSeconds / pipelineMedian:0.0}× (bare {DvSeconds / bareMedian:0.0}×)");
    }

    private static async Task RunBareAsync(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        // Read what ffmpeg prints, as the pipeline does, so that neither waits on a full pipe.
        var drain = Task.WhenAll(process.StandardError.ReadToEndAsync(), process.StandardOutput.ReadToEndAsync());
        await process.WaitForExitAsync();
        await drain;
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg exited with {process.ExitCode}");
    }

    private static async Task<HttpClient> AdministratorAsync(AppProcess app)
    {
        var client = app.CreateClient();
        await client.PostFormAsync("/setup", "setup", new()
        {
            ["Input.CompanyName"] = "基准物业", ["Input.EmployeeNumber"] = "A1", ["Input.FullName"] = "管理员",
            ["Input.Password"] = LmsFactory.Password, ["Input.ConfirmPassword"] = LmsFactory.Password,
        });
        await client.SignInAsync("A1");
        return client;
    }

    private static async Task UploadMemoryAsync(AppProcess app, HttpClient admin, string work)
    {
        var file = Path.Combine(work, "big.bin");
        await using (var stream = File.Create(file))
        {
            var block = new byte[8 * 1024 * 1024];
            new Random(1).NextBytes(block);
            for (long written = 0; written < UploadBytes; written += block.Length) await stream.WriteAsync(block);
        }
        var token = await ClipApi.TokenAsync(admin);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var idle = Memory(app.Id).Rss;
        var state = await ClipApi.StartAsync(admin, token, ClipApi.Details("big-upload", fileName: "big.dv", totalBytes: UploadBytes));
        var peak = idle;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Memory(app.Id).Rss);
                await Task.Delay(50);
            }
        });
        var clock = Stopwatch.StartNew();
        await using (var source = File.OpenRead(file))
        {
            var buffer = new byte[state.ChunkBytes];
            for (long offset = 0; offset < UploadBytes;)
            {
                var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, UploadBytes - offset)));
                var response = await ClipApi.SendAsync(admin, HttpMethod.Put, $"/api/clips/uploads/{state.Id}?offset={offset}", token, ClipApi.Bytes(buffer.AsSpan(0, read)));
                offset = (await response.Content.ReadFromJsonAsync<UploadStateResponse>())!.ReceivedBytes;
            }
        }
        var seconds = clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        await ClipApi.SendAsync(admin, HttpMethod.Delete, $"/api/clips/uploads/{state.Id}", token);
        File.Delete(file);
        Console.WriteLine($"UPLOAD 1 GB in {state.ChunkBytes / 1048576} MB chunks: {seconds:0.0} s ({UploadBytes / 1048576.0 / seconds:0} MB/s); " +
            $"server RSS idle {idle / 1048576.0:0} MB, peak {peak / 1048576.0:0} MB, peak above idle {(peak - idle) / 1048576.0:0} MB (goal < 100 MB)");
    }

    private static async Task RangeThroughputAsync(AppProcess app, HttpClient admin, string work, string dataPath)
    {
        var upload = await ClipApi.UploadAsync(admin, await MakeAsync(work, SampleVideo.PalDv43, 60), ClipApi.Details("range-bench"));
        var clipId = upload.ClipId!.Value;
        while ((await admin.GetFromJsonAsync<TranscodeStatusResponse>($"/api/clips/{clipId}/transcode"))!.ClipStatus != nameof(ClipStatus.Ready)) await Task.Delay(200);
        var rendition = Path.Combine(dataPath, "clips", clipId.ToString(System.Globalization.CultureInfo.InvariantCulture), "480p.mp4");
        var length = new FileInfo(rendition).Length;
        var root = Path.Combine(work, "nginx");
        Directory.CreateDirectory(Path.Combine(root, "html"));
        File.Copy(rendition, Path.Combine(root, "html", "480p.mp4"));
        Console.WriteLine($"Range requests of {RangeBytes / 1024} KB at random offsets of a {length / 1048576.0:0.0} MB rendition, {RangeClients} clients, {RangeDuration.TotalSeconds:0} s each:");

        await using var nginx = await Nginx.StartAsync(root, app.BaseUrl, Path.Combine(dataPath, "clips"), plainFolder: Path.Combine(root, "html"));
        using var plain = new HttpClient { BaseAddress = new Uri(nginx.PlainUrl!) };
        using var proxied = SignInClient.CookieClient(nginx.ProxyUrl);
        await proxied.SignInAsync("A1");
        var video = $"/clips/{clipId}/video/480p.mp4";
        var results = new List<(string Name, double MegabytesPerSecond)>();
        for (var round = 0; round < 2; round++)
        {
            results.Add(("nginx", await ThroughputAsync(plain, "/480p.mp4", length)));
            results.Add(("clip endpoint", await ThroughputAsync(admin, video, length)));
            results.Add(("clip endpoint behind nginx", await ThroughputAsync(proxied, video, length)));
        }
        foreach (var (name, rate) in results) Console.WriteLine($"  {name}: {rate:0} MB/s");
        var nginxBest = Best(results, "nginx");
        foreach (var name in (string[])["clip endpoint", "clip endpoint behind nginx"])
            Console.WriteLine($"RANGE throughput: {name} {Best(results, name):0} MB/s, nginx {nginxBest:0} MB/s, {Best(results, name) / nginxBest:P0} of nginx (goal ≥ 80%)");
    }

    private static double Best(List<(string Name, double MegabytesPerSecond)> results, string name) =>
        results.Where(r => r.Name == name).Max(r => r.MegabytesPerSecond);

    private static async Task<double> ThroughputAsync(HttpClient client, string url, long length)
    {
        long bytes = 0;
        var until = DateTime.UtcNow + RangeDuration;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, RangeClients).Select(async worker =>
        {
            var random = new Random(worker);
            var buffer = new byte[81920];
            while (DateTime.UtcNow < until)
            {
                var start = random.NextInt64(0, length - RangeBytes);
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Range = new RangeHeaderValue(start, start + RangeBytes - 1);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                if (response.StatusCode != HttpStatusCode.PartialContent) throw new InvalidOperationException($"{url}: {response.StatusCode}");
                await using var body = await response.Content.ReadAsStreamAsync();
                int read;
                while ((read = await body.ReadAsync(buffer)) > 0) Interlocked.Add(ref bytes, read);
            }
        }));
        return bytes / 1048576.0 / clock.Elapsed.TotalSeconds;
    }

    private static async Task<string> MakeAsync(string work, SampleVideo kind, double seconds)
    {
        var path = Path.Combine(work, $"{kind}-{seconds}{SampleVideos.Extension(kind)}");
        await SampleVideos.MakeAsync(Tools, kind, path, seconds);
        return path;
    }

    /// <summary>Resident and peak resident memory of a process, from /proc.</summary>
    private static (long Rss, long Peak) Memory(int pid)
    {
        long Field(string[] lines, string name) => long.Parse(lines.Single(l => l.StartsWith(name, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        var status = File.ReadAllLines($"/proc/{pid}/status");
        return (Field(status, "VmRSS:"), Field(status, "VmHWM:"));
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
