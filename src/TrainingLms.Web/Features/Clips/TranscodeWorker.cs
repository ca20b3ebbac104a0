using TrainingLms.Web.Features.Clips.Media;

namespace TrainingLms.Web.Features.Clips;

/// <summary>
/// Runs the transcoding queue in the background: <see cref="ClipOptions.TranscodeConcurrency"/> slots, each taking
/// the next job, renewing its lease while ffmpeg runs and stopping it when a trainer cancels. Runs on the instances whose
/// <c>Hosting:Role</c> transcodes; any number of them may share one queue.
/// </summary>
public sealed class TranscodeWorker(
    TranscodeQueue queue, ClipTranscoder transcoder, IOptions<ClipOptions> options,
    ILogger<TranscodeWorker> logger) : BackgroundService
{
    /// <summary>This process, as the owner of the leases it takes: the machine's name says where a job runs.</summary>
    public string Owner { get; } = $"{Environment.MachineName[..Math.Min(Environment.MachineName.Length, 20)]}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Renewals also carry the progress the page shows, so they come often whatever the lease.</summary>
    private static readonly TimeSpan LongestRenewal = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Transcode worker {Owner} started with {Slots} slots", Owner, options.Value.TranscodeConcurrency);
        await Task.WhenAll(Enumerable.Range(0, options.Value.TranscodeConcurrency).Select(_ => RunSlotAsync(stoppingToken)));
    }

    private async Task RunSlotAsync(CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await queue.TryClaimAsync(Owner, stoppingToken) is { } job) await RunJobAsync(job, stoppingToken);
                else await Task.Delay(idle, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database was busy or a disk full: log, wait, carry on; the job's lease runs out and it is retried.
                logger.LogError(e, "Transcoding worker error");
                await Task.Delay(idle, CancellationToken.None);
            }
        }
    }

    private async Task RunJobAsync(ClaimedJob job, CancellationToken stoppingToken)
    {
        logger.LogInformation("Transcoding clip {ClipId}, job {JobId}, attempt {Attempt}", job.ClipId, job.JobId, job.Attempt);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var percent = 0;
        var cancelRequested = false;
        var renewals = RenewLeaseAsync();
        try
        {
            var output = await transcoder.RunAsync(job.ClipId, job.Attempt, new Progress<int>(p => Volatile.Write(ref percent, p)), stop.Token);
            await stop.CancelAsync();
            await renewals;
            if (await queue.SucceedAsync(job, output.Renditions, output.DurationSeconds, CancellationToken.None))
                logger.LogInformation("Clip {ClipId} transcoded: {Renditions}", job.ClipId, string.Join(", ", output.Renditions.Select(r => $"{r.Width}x{r.Height}")));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await stop.CancelAsync();
            await renewals;
            if (cancelRequested) await queue.CancelledAsync(job, CancellationToken.None);
            else if (stoppingToken.IsCancellationRequested) await queue.ReleaseAsync(job, CancellationToken.None);
            // Otherwise the lease was lost to another worker, which now owns the job.
        }
        catch (Exception e) when (e is VideoToolException or IOException or UnauthorizedAccessException)
        {
            await stop.CancelAsync();
            await renewals;
            logger.LogWarning("Transcoding clip {ClipId} failed on attempt {Attempt}: {Error}", job.ClipId, job.Attempt, e.Message);
            await queue.FailAttemptAsync(job, e.Message, CancellationToken.None);
        }

        async Task RenewLeaseAsync()
        {
            var every = TimeSpan.FromSeconds(Math.Min(options.Value.LeaseSeconds / 3.0, LongestRenewal.TotalSeconds));
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    await Task.Delay(every, stop.Token);
                    var check = await queue.RenewAsync(job, Volatile.Read(ref percent), CancellationToken.None);
                    if (check.CancelRequested) cancelRequested = true;
                    if (check.CancelRequested || !check.StillHeld) await stop.CancelAsync();
                }
            }
            catch (OperationCanceledException) { }
        }
    }
}
