using System.Diagnostics;
using System.Text.RegularExpressions;

namespace TrainingLms.Web.Features.Clips.Media;

/// <summary>What a tool printed: its exit code, its output (ffprobe's JSON), and the last lines of its complaints.</summary>
public sealed record ToolOutput(int ExitCode, string Output, string Errors);

/// <summary>
/// One run of ffmpeg or ffprobe, started with <see cref="ProcessStartInfo.ArgumentList"/> and tied to the app's life
/// (<see cref="FfmpegArguments.TiedToParent"/>). A run is over only once everything the tool printed has been read, so a
/// failure always comes with the tool's own last words.
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

    /// <summary>Runs ffmpeg; succeeds only on exit code 0, and throws <see cref="VideoToolException"/> with its last lines otherwise.</summary>
    public static async Task RunAsync(string ffmpeg, IReadOnlyList<string> arguments, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var run = await ExecuteAsync(ffmpeg, arguments, progress, cancellationToken);
        if (run.ExitCode != 0)
            throw new VideoToolException(run.Errors.Length > 0 ? run.Errors : $"{Path.GetFileName(ffmpeg)} exited with code {run.ExitCode}.");
    }

    /// <summary>Runs a tool whose output is the answer (ffprobe); its exit code and complaints are the caller's to judge.</summary>
    public static Task<ToolOutput> ReadAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        ExecuteAsync(tool, arguments, null, cancellationToken);

    private static async Task<ToolOutput> ExecuteAsync(string tool, IReadOnlyList<string> arguments, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        if (!File.Exists(tool)) throw new VideoToolException($"{tool} could not be started: it is not there.");
        var (fileName, tiedArguments) = FfmpegArguments.TiedToParent(tool, arguments);
        // Every stream redirected: the tool never reads the server's input or writes to its console.
        var start = new ProcessStartInfo(fileName) { RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in tiedArguments) start.ArgumentList.Add(argument);
        using var process = await ChildProcessStarter.StartAsync(start);
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
        var output = await stdout;
        var lines = await tail;
        return new ToolOutput(process.ExitCode, output, Tail(string.Join('\n', lines)));
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
