using TrainingLms.Web.Features.Clips.Media;

namespace TrainingLms.Web.Features.Demo;

/// <summary>The kinds of file DV camcorders and phones produce, as the demo (and the tests) make them.</summary>
public enum SampleVideo
{
    PalDv43,
    PalDv169,
    NtscDv43,
    NtscDv169,
    AviDv,
    AviMjpeg,
    AvchdM2ts,
    AvchdMts,
    Mpeg2,
    MovH264,
    Mp4Hevc,
    PortraitPhone,
    NoAudio,
}

/// <summary>
/// Makes short synthetic videos with ffmpeg's test sources (a moving test card and a tone), so that no video file
/// is committed: the demo's clips at first start, and the test fixtures of every accepted kind.
/// </summary>
public static class SampleVideos
{
    public static string Extension(SampleVideo kind) => kind switch
    {
        SampleVideo.PalDv43 or SampleVideo.PalDv169 or SampleVideo.NtscDv43 or SampleVideo.NtscDv169 => ".dv",
        SampleVideo.AviDv or SampleVideo.AviMjpeg => ".avi",
        SampleVideo.AvchdM2ts => ".m2ts",
        SampleVideo.AvchdMts => ".mts",
        SampleVideo.Mpeg2 => ".mpg",
        SampleVideo.MovH264 or SampleVideo.PortraitPhone => ".mov",
        _ => ".mp4",
    };

    /// <summary>Writes a <paramref name="seconds"/>-long video of <paramref name="kind"/> to <paramref name="path"/>.</summary>
    public static async Task MakeAsync(IVideoTools tools, SampleVideo kind, string path, double seconds, CancellationToken cancellationToken = default)
    {
        if (kind != SampleVideo.PortraitPhone)
        {
            await tools.RunFfmpegAsync(Arguments(kind, path, seconds), cancellationToken: cancellationToken);
            return;
        }
        // A phone films the sensor's way up and records how to turn it; ffmpeg 5 writes that only when copying.
        var landscape = Path.ChangeExtension(path, ".landscape.mov");
        await tools.RunFfmpegAsync([.. Sources(1920, 1080, "30", seconds, audio: true), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", landscape], cancellationToken: cancellationToken);
        await tools.RunFfmpegAsync(["-hide_banner", "-nostdin", "-y", "-i", landscape, "-c", "copy", "-metadata:s:v:0", "rotate=90", path], cancellationToken: cancellationToken);
        File.Delete(landscape);
    }

    private static IReadOnlyList<string> Arguments(SampleVideo kind, string path, double seconds) => kind switch
    {
        SampleVideo.PalDv43 => [.. Sources(720, 576, "25", seconds), "-target", "pal-dv", "-aspect", "4:3", path],
        SampleVideo.PalDv169 => [.. Sources(720, 576, "25", seconds), "-target", "pal-dv", "-aspect", "16:9", path],
        SampleVideo.NtscDv43 => [.. Sources(720, 480, "30000/1001", seconds), "-target", "ntsc-dv", "-aspect", "4:3", path],
        SampleVideo.NtscDv169 => [.. Sources(720, 480, "30000/1001", seconds), "-target", "ntsc-dv", "-aspect", "16:9", path],
        SampleVideo.AviDv => [.. Sources(720, 576, "25", seconds), "-c:v", "dvvideo", "-pix_fmt", "yuv420p", "-aspect", "16:9", "-c:a", "pcm_s16le", path],
        SampleVideo.AviMjpeg => [.. Sources(640, 480, "25", seconds), "-c:v", "mjpeg", "-q:v", "5", "-c:a", "pcm_s16le", path],
        // AVCHD: interlaced 1080i H.264 (top field first) with AC-3 sound in an MPEG transport stream.
        SampleVideo.AvchdM2ts or SampleVideo.AvchdMts =>
            [.. Sources(1920, 1080, "25", seconds), "-c:v", "libx264", "-preset", "ultrafast", "-flags", "+ildct+ilme", "-x264opts", "tff=1", "-pix_fmt", "yuv420p", "-c:a", "ac3", "-f", "mpegts", path],
        SampleVideo.Mpeg2 => [.. Sources(720, 576, "25", seconds), "-c:v", "mpeg2video", "-flags", "+ildct+ilme", "-top", "1", "-aspect", "16:9", "-c:a", "mp2", "-f", "vob", path],
        SampleVideo.MovH264 => [.. Sources(1280, 720, "30", seconds), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", path],
        SampleVideo.Mp4Hevc => [.. Sources(640, 360, "30", seconds), "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error", "-pix_fmt", "yuv420p", "-tag:v", "hvc1", "-c:a", "aac", path],
        SampleVideo.NoAudio => [.. Sources(1280, 720, "30", seconds, audio: false), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static IReadOnlyList<string> Sources(int width, int height, string rate, double seconds, bool audio = true)
    {
        var duration = seconds.ToString("0.###", CultureInfo.InvariantCulture);
        List<string> args = ["-hide_banner", "-nostdin", "-y", "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate={rate}:duration={duration}"];
        if (audio) args.AddRange(["-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={duration}"]);
        return args;
    }
}
