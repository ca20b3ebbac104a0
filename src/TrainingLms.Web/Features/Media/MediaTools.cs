using System.Collections.Concurrent;
using System.Diagnostics;

namespace TrainingLms.Web.Features.Media;

public sealed record MediaTool(string Name, string Path, string? Version)
{
    public bool Found => Version is not null;
}

/// <summary>
/// Finds ffmpeg and ffprobe and reads their versions, once per process and folder: starting them costs more than the
/// rest of an app's start, and a process that hosts several apps (the tests host hundreds) would pay it for each.
/// </summary>
public class MediaTools(IOptions<MediaOptions> options)
{
    public static readonly string[] Names = ["ffmpeg", "ffprobe"];

    private static readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<MediaTool>>>> Probed = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<MediaTool>> GetAsync() =>
        Probed.GetOrAdd(options.Value.FfmpegDirectory, directory => new(() => ProbeAllAsync(directory))).Value;

    private static async Task<IReadOnlyList<MediaTool>> ProbeAllAsync(string directory)
    {
        var found = new List<MediaTool>();
        foreach (var name in Names)
        {
            var path = System.IO.Path.Combine(directory, name);
            found.Add(new MediaTool(name, path, File.Exists(path) ? await ReadVersionAsync(path) : null));
        }
        return found;
    }

    private static async Task<string?> ReadVersionAsync(string path)
    {
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-version");
        try
        {
            using var process = Process.Start(start);
            if (process is null) return null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var firstLine = await process.StandardOutput.ReadLineAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            // "ffmpeg version 5.1.6-0+deb12u1 Copyright ..." → "5.1.6-0+deb12u1"
            var words = firstLine?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            return process.ExitCode == 0 && words.Length >= 3 ? words[2] : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or OperationCanceledException or IOException)
        {
            return null;
        }
    }
}

/// <summary>Says at start, loudly, when video processing will not work.</summary>
public class MediaToolsStartupCheck(MediaTools tools, ILogger<MediaToolsStartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var tool in await tools.GetAsync())
        {
            if (tool.Found) logger.LogInformation("{Tool} {Version} found at {Path}", tool.Name, tool.Version, tool.Path);
            else logger.LogWarning("{Tool} was not found at {Path}: training clips cannot be processed. Install it with 'apt-get install ffmpeg' or set Media:FfmpegDirectory.", tool.Name, tool.Path);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
