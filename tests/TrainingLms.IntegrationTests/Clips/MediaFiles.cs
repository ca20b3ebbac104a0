using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TrainingLms.Web.Features.Clips.Media;
using TrainingLms.Web.Features.Demo;
using TrainingLms.Web.Features.Media;

namespace TrainingLms.IntegrationTests.Clips;

/// <summary>
/// Real video files of every kind the library accepts, made by ffmpeg on first use, and files that must be refused:
/// empty, text, audio only, still pictures, a truncated header, random bytes. Made once per test process and shared by
/// every class (read only: the tests upload copies), in a folder removed when the process ends.
/// </summary>
public sealed class MediaFiles : IAsyncLifetime
{
    public const double Seconds = 2;

    public static readonly IVideoTools Tools = new VideoTools(Options.Create(new MediaOptions()));

    private static readonly Lazy<string> SharedFolder = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("traininglms-media-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return folder;
    });

    private static readonly ConcurrentDictionary<string, Lazy<Task>> Made = new(StringComparer.Ordinal);

    public string Folder => SharedFolder.Value;

    public string PathOf(SampleVideo kind) => Path.Combine(Folder, kind + SampleVideos.Extension(kind));

    public string BadPath(string name) => Path.Combine(Folder, "bad-" + name);

    /// <summary>A sample of the kind, made on first use.</summary>
    public async Task<string> SampleAsync(SampleVideo kind, double seconds = Seconds)
    {
        var path = seconds == Seconds ? PathOf(kind) : Path.Combine(Folder, $"{kind}-{seconds}s{SampleVideos.Extension(kind)}");
        await OnceAsync(path, () => SampleVideos.MakeAsync(Tools, kind, path, seconds));
        return path;
    }

    public ValueTask InitializeAsync() => new(OnceAsync(BadPath("files"), MakeBadFilesAsync));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Runs <paramref name="make"/> once per process for <paramref name="key"/>; a failure is seen by every caller.</summary>
    private static Task OnceAsync(string key, Func<Task> make) =>
        Made.GetOrAdd(key, _ => new Lazy<Task>(make, LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private async Task MakeBadFilesAsync()
    {
        await File.WriteAllBytesAsync(BadPath("empty.mp4"), []);
        await File.WriteAllTextAsync(BadPath("notes.mp4"), "班后讲评：今天大家表现很好。This is a text file, not a video.\n");
        await Tools.RunFfmpegAsync(["-hide_banner", "-nostdin", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=2", BadPath("voice.mp3")]);
        await Tools.RunFfmpegAsync(["-hide_banner", "-nostdin", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240", "-frames:v", "1", BadPath("still.png")]);
        await Tools.RunFfmpegAsync(["-hide_banner", "-nostdin", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240", "-frames:v", "1", BadPath("photo.jpg")]);
        var good = await File.ReadAllBytesAsync(await SampleAsync(SampleVideo.MovH264));
        await File.WriteAllBytesAsync(BadPath("truncated.mov"), good[..2048]);
        var random = new byte[200_000];
        new Random(42).NextBytes(random);
        await File.WriteAllBytesAsync(BadPath("random.avi"), random);
    }

    /// <summary>ffprobe's view of a file, read directly (not through the app) for assertions.</summary>
    public static JsonElement Probe(string path)
    {
        var start = new ProcessStartInfo("/usr/bin/ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path]) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var json = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    /// <summary>The MP4's top-level boxes in file order: with faststart, "moov" comes before "mdat".</summary>
    public static List<string> TopLevelBoxes(string path)
    {
        using var stream = File.OpenRead(path);
        var boxes = new List<string>();
        var header = new byte[16];
        while (stream.Position + 8 <= stream.Length)
        {
            var start = stream.Position;
            stream.ReadExactly(header, 0, 8);
            long size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header);
            boxes.Add(System.Text.Encoding.ASCII.GetString(header, 4, 4));
            if (size == 1)
            {
                stream.ReadExactly(header, 8, 8);
                size = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8));
            }
            if (size == 0) break;
            stream.Position = start + size;
        }
        return boxes;
    }
}
