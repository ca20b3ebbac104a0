using Microsoft.Extensions.Options;

namespace TrainingLms.Web.Features.Evaluations.Cycle;

/// <summary>Opens the current month when it begins: start-up opens it once, this checks again every interval.</summary>
public sealed class PeriodOpener(IServiceScopeFactory scopes, IOptions<EvaluationCycleOptions> options, TimeProvider clock, ILogger<PeriodOpener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
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
    }
}
