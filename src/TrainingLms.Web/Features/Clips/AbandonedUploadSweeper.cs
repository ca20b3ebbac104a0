namespace TrainingLms.Web.Features.Clips;

/// <summary>Removes uploads nobody continued, hourly, on the instances that take uploads (those that serve pages).</summary>
public sealed class AbandonedUploadSweeper(IServiceScopeFactory scopes, ILogger<AbandonedUploadSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var removed = await scope.ServiceProvider.GetRequiredService<ClipUploads>().RemoveAbandonedAsync(stoppingToken);
                if (removed > 0) logger.LogInformation("Removed {Count} abandoned clip uploads", removed);
                await Task.Delay(SweepEvery, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Sweeping abandoned uploads failed");
                await Task.Delay(SweepEvery, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }
}
