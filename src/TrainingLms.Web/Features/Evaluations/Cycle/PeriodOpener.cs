namespace TrainingLms.Web.Features.Evaluations.Cycle;

/// <summary>Opens the current month when the app starts and, checking every interval, when a new month begins.</summary>
public sealed class PeriodOpener(IServiceScopeFactory scopes, IOptions<EvaluationCycleOptions> options, TimeProvider clock, ILogger<PeriodOpener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<EvaluationPeriods>().OpenCurrentAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not open the current evaluation period");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
