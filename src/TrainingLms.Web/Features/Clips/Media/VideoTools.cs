using TrainingLms.Web.Features.Media;

namespace TrainingLms.Web.Features.Clips.Media;

/// <summary>ffmpeg or ffprobe failed; the message is the tail of what it printed.</summary>
public sealed class VideoToolException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>What ffprobe said of a file: its JSON (empty when it read nothing) and its complaints.</summary>
public sealed record ProbeOutput(string Json, string Errors);

/// <summary>
/// The one seam between the clip library and the video tools: replacing how ffmpeg and ffprobe are run (FFMpegCore,
/// say) means writing another implementation of this interface, with the arguments of <see cref="FfmpegArguments"/>.
/// </summary>
public interface IVideoTools
{
    /// <summary>ffprobe's view of a file (<see cref="FfmpegArguments.Probe"/>).</summary>
    Task<ProbeOutput> ProbeAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Runs ffmpeg with these arguments; reports percent done; throws <see cref="VideoToolException"/> when ffmpeg fails.</summary>
    Task RunFfmpegAsync(IReadOnlyList<string> arguments, IProgress<int>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>
/// Debian's ffmpeg and ffprobe, each run through <see cref="FfmpegProcess"/>: tied to the app's life, and judged only
/// once all they printed has been read.
/// </summary>
public sealed class VideoTools(IOptions<MediaOptions> options) : IVideoTools
{
    private readonly string ffmpeg = Path.Combine(options.Value.FfmpegDirectory, "ffmpeg");
    private readonly string ffprobe = Path.Combine(options.Value.FfmpegDirectory, "ffprobe");

    public async Task<ProbeOutput> ProbeAsync(string path, CancellationToken cancellationToken = default)
    {
        var run = await FfmpegProcess.ReadAsync(ffprobe, FfmpegArguments.Probe(path), cancellationToken);
        return new ProbeOutput(run.ExitCode == 0 ? run.Output : "", run.Errors);
    }

    public Task RunFfmpegAsync(IReadOnlyList<string> arguments, IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        FfmpegProcess.RunAsync(ffmpeg, arguments, progress, cancellationToken);
}
