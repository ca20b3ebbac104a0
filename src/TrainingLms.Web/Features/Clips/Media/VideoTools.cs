using System.Diagnostics;
using Microsoft.Extensions.Options;
using TrainingLms.Web.Features.Media;
using Xabe.FFmpeg;
using Xabe.FFmpeg.Exceptions;

namespace TrainingLms.Web.Features.Clips.Media;

/// <summary>ffmpeg or ffprobe failed; the message is the tail of what it printed.</summary>
public sealed class VideoToolException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The one seam between the clip library and the video library. Xabe.FFmpeg is licensed for non-commercial use only;
/// replacing it (FFMpegCore, or a bare <c>Process</c>) means writing another implementation of this interface.
/// </summary>
public interface IVideoTools
{
    /// <summary>ffprobe's JSON for a file (<see cref="FfmpegArguments.Probe"/>); empty JSON when it finds nothing.</summary>
    Task<string> ProbeAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Runs ffmpeg with these arguments; reports percent done; throws <see cref="VideoToolException"/> when ffmpeg fails.</summary>
    Task RunFfmpegAsync(IReadOnlyList<string> arguments, IProgress<int>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>Runs Debian's ffmpeg and ffprobe through Xabe.FFmpeg (never its downloader).</summary>
public sealed class XabeVideoTools : IVideoTools
{
    /// <summary>How much of ffmpeg's output an error keeps: the last lines say what went wrong.</summary>
    public const int ErrorTailLength = 2000;

    /// <summary>Runs of one command when Xabe trips over its own log (see <see cref="RunFfmpegAsync"/>).</summary>
    private const int XabeLogRaceAttempts = 3;

    public XabeVideoTools(IOptions<MediaOptions> options) => FFmpeg.SetExecutablesPath(options.Value.FfmpegDirectory);

    public Task<string> ProbeAsync(string path, CancellationToken cancellationToken = default) =>
        Probe.New().Start(FfmpegArguments.ToCommandLine(FfmpegArguments.Probe(path)), cancellationToken);

    public async Task RunFfmpegAsync(IReadOnlyList<string> arguments, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        // Xabe copies ffmpeg's log while its reader may still be adding the last lines, and now and then throws
        // ArgumentException for it once ffmpeg has exited. The arguments overwrite their outputs, so running again is safe.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunFfmpegOnceAsync(arguments, progress, cancellationToken);
                return;
            }
            catch (ArgumentException e) when (attempt < XabeLogRaceAttempts && e.StackTrace?.Contains("Xabe.FFmpeg", StringComparison.Ordinal) == true)
            {
            }
        }
    }

    private static async Task RunFfmpegOnceAsync(IReadOnlyList<string> arguments, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        // Xabe puts -n (never overwrite) first unless told otherwise, and ffmpeg refuses -n beside the -y of the arguments.
        // Below normal priority: a transcode may use every core, but never at the expense of the pages people are using.
        var conversion = FFmpeg.Conversions.New().SetOverwriteOutput(true).SetPriority(ProcessPriorityClass.BelowNormal)
            .AddParameter(FfmpegArguments.ToCommandLine(arguments));
        if (progress is not null) conversion.OnProgress += (_, e) => progress.Report(Math.Clamp(e.Percent, 0, 100));
        try
        {
            await conversion.Start(cancellationToken);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
        {
            throw new OperationCanceledException("Transcoding was cancelled.", e, cancellationToken);
        }
        catch (Exception e) when (e is ConversionException or FileNotFoundException)
        {
            throw new VideoToolException(Tail(e.Message), e);
        }
        // Xabe kills ffmpeg when the token fires but then returns as if it had finished.
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static string Tail(string output)
    {
        var text = output.Trim();
        return text.Length <= ErrorTailLength ? text : "…" + text[^ErrorTailLength..];
    }
}
