using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TrainingLms.Web.Features.Clips.Media;

/// <summary>
/// One run of ffmpeg, started with <see cref="ProcessStartInfo.ArgumentList"/>. It succeeds only on exit code 0, and
/// only after everything ffmpeg printed has been read, so a failure always comes with ffmpeg's own last words.
/// </summary>
/// <remarks>
/// Xabe.FFmpeg 6.1.1 is not used for this: it decides success from its log, which is filled on the thread pool and
/// may still be empty when ffmpeg exits. With a busy pool it reported 86 of 200 failing runs as successes.
/// </remarks>
public static partial class FfmpegProcess
{
    /// <summary>How much of ffmpeg's output an error keeps: the last lines say what went wrong.</summary>
    public const int ErrorTailLength = 2000;

    private const int TailLines = 40;

    public static async Task RunAsync(string ffmpeg, IReadOnlyList<string> arguments, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        // Every stream redirected: ffmpeg never reads the server's input or writes to its console.
        var start = new ProcessStartInfo(ffmpeg) { RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Start(start);
        process.StandardInput.Close();
        // Below normal priority: a transcode may use every core, but never at the expense of the pages people are using.
        TryLowerPriority(process);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var tail = ReadErrorsAsync(process.StandardError, progress);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }
        await stdout;
        var lines = await tail;
        if (process.ExitCode != 0)
            throw new VideoToolException(Tail(lines.Count > 0 ? string.Join('\n', lines) : $"ffmpeg exited with code {process.ExitCode}."));
    }

    /// <summary>ffmpeg's percent done from its stderr: the first input's duration, then each "time=" of its stats.</summary>
    public static int? PercentDone(string line, ref TimeSpan total)
    {
        if (total == TimeSpan.Zero && DurationPattern().Match(line) is { Success: true } duration)
        {
            total = Clock(duration);
            return null;
        }
        if (total <= TimeSpan.Zero || TimePattern().Match(line) is not { Success: true } time) return null;
        var done = Clock(time);
        return (int)Math.Clamp(done / total * 100, 0, 100);
    }

    /// <summary>ffmpeg's h:mm:ss.ss, whose hours may pass 23 (TimeSpan.Parse would refuse them).</summary>
    private static TimeSpan Clock(Match match) =>
        TimeSpan.FromHours(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture))
        + TimeSpan.FromMinutes(int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
        + TimeSpan.FromSeconds(double.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));

    private static async Task<IReadOnlyCollection<string>> ReadErrorsAsync(StreamReader stderr, IProgress<int>? progress)
    {
        var lines = new Queue<string>();
        var total = TimeSpan.Zero;
        // ReadLine ends a line at '\r' too, which is how ffmpeg ends each stats update.
        while (await stderr.ReadLineAsync() is { } line)
        {
            if (line.Length == 0) continue;
            if (progress is not null && PercentDone(line, ref total) is { } percent) progress.Report(percent);
            if (lines.Count == TailLines) lines.Dequeue();
            lines.Enqueue(line);
        }
        return lines;
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new VideoToolException($"{start.FileName} could not be started.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new VideoToolException($"{start.FileName} could not be started: {e.Message}", e);
        }
    }

    private static void TryLowerPriority(Process process)
    {
        try
        {
            process.PriorityClass = ProcessPriorityClass.BelowNormal;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // ffmpeg has already exited, or the system refuses: it runs at normal priority.
        }
    }

    private static string Tail(string output)
    {
        var text = output.Trim();
        return text.Length <= ErrorTailLength ? text : "…" + text[^ErrorTailLength..];
    }

    [GeneratedRegex(@"Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"time=(\d+):(\d\d):(\d\d(?:\.\d+)?)")]
    private static partial Regex TimePattern();
}
