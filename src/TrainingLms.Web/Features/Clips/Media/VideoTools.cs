using Microsoft.Extensions.Options;
using TrainingLms.Web.Features.Media;
using Xabe.FFmpeg;

namespace TrainingLms.Web.Features.Clips.Media;

/// <summary>ffmpeg or ffprobe failed; the message is the tail of what it printed.</summary>
public sealed class VideoToolException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The one seam between the clip library and the video tools. Xabe.FFmpeg, used here for ffprobe, is licensed for
/// non-commercial use only; replacing it (FFMpegCore, or <see cref="FfmpegProcess"/>'s way) means writing another
/// implementation of this interface.
/// </summary>
public interface IVideoTools
{
    /// <summary>ffprobe's JSON for a file (<see cref="FfmpegArguments.Probe"/>); empty JSON when it finds nothing.</summary>
    Task<string> ProbeAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Runs ffmpeg with these arguments; reports percent done; throws <see cref="VideoToolException"/> when ffmpeg fails.</summary>
    Task RunFfmpegAsync(IReadOnlyList<string> arguments, IProgress<int>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>
/// Debian's ffprobe through Xabe.FFmpeg (never its downloader), which reads ffprobe's JSON to the end; ffmpeg runs through
/// <see cref="FfmpegProcess"/>, because Xabe cannot be trusted to notice when ffmpeg fails.
/// </summary>
public sealed class VideoTools : IVideoTools
{
    private readonly string ffmpeg;

    public VideoTools(IOptions<MediaOptions> options)
    {
        FFmpeg.SetExecutablesPath(options.Value.FfmpegDirectory);
        ffmpeg = Path.Combine(options.Value.FfmpegDirectory, "ffmpeg");
    }

    public Task<string> ProbeAsync(string path, CancellationToken cancellationToken = default) =>
        Probe.New().Start(FfmpegArguments.ToCommandLine(FfmpegArguments.Probe(path)), cancellationToken);

    public Task RunFfmpegAsync(IReadOnlyList<string> arguments, IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        FfmpegProcess.RunAsync(ffmpeg, arguments, progress, cancellationToken);
}
