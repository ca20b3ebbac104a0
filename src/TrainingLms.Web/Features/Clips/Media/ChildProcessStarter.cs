using System.Collections.Concurrent;
using System.Diagnostics;

namespace TrainingLms.Web.Features.Clips.Media;

/// <summary>
/// Starts every ffmpeg and ffprobe from one thread that lives as long as the app. The kernel's parent-death signal
/// (<see cref="FfmpegArguments.TiedToParent"/>) follows the thread that started the child, not the process: started
/// from a pool thread, a transcode would be killed the moment that thread retired for being idle.
/// </summary>
public static class ChildProcessStarter
{
    private static readonly BlockingCollection<(ProcessStartInfo Start, TaskCompletionSource<Process> Started)> Requests = new();

    static ChildProcessStarter() => new Thread(Serve) { IsBackground = true, Name = "ffmpeg starter" }.Start();

    public static Task<Process> StartAsync(ProcessStartInfo start)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((start, started));
        return started.Task;
    }

    private static void Serve()
    {
        foreach (var (start, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                started.SetResult(Process.Start(start) ?? throw new VideoToolException($"{start.FileName} could not be started."));
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                started.SetException(new VideoToolException($"{start.FileName} could not be started: {e.Message}", e));
            }
            catch (Exception e)
            {
                // Whatever it is, it belongs to the caller: this thread must live on to start the next one.
                started.SetException(e);
            }
        }
    }
}
