namespace TrainingLms.Web.Features.Drills.Records;

/// <summary>
/// The record chain's state as the pages name it (the drills page, the clearance board). A full check reads and hashes
/// every signed record, so its cost grows with the company's history (some 150 ms on 5,000 people and a year): it runs
/// at most once per <see cref="RecordChainOptions.RecheckEvery"/> in each instance, the views in between share its
/// report, and views that arrive while it runs wait for that same check.
/// Nothing the app does can break the chain; only a change behind its back can, and that sends no event to listen to.
/// So a break is named within <see cref="RecordChainOptions.RecheckEvery"/> on every instance (each checks the shared
/// database itself, nothing is shared between them); <c>verify-records</c> checks at once. Once broken, the chain
/// is checked again on every view, as before, until it is intact.
/// </summary>
public sealed class RecordChainMonitor(IServiceScopeFactory scopes, TimeProvider clock, IOptions<RecordChainOptions> options)
{
    private readonly Lock gate = new();
    private Task<RecordChainReport>? running;
    private (RecordChainReport Report, DateTimeOffset CheckedAt)? latest;

    public Task<RecordChainReport> LatestAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (latest is { } known && clock.GetUtcNow() - known.CheckedAt < options.Value.RecheckEvery) return Task.FromResult(known.Report);
            // Run apart from the caller: a view that gives up must not cancel the check the others wait for.
            running ??= Task.Run(CheckAsync, CancellationToken.None);
            return running.WaitAsync(cancellationToken);
        }
    }

    private async Task<RecordChainReport> CheckAsync()
    {
        try
        {
            var startedAt = clock.GetUtcNow();
            await using var scope = scopes.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<RecordChainVerifier>().VerifyAsync();
            // A break is not kept: the next view checks again. The check reads the links and the records one after the
            // other, so a result signed in between can look unchained once; a real break is found again at once.
            lock (gate) latest = report.IsIntact ? (report, startedAt) : null;
            return report;
        }
        finally
        {
            lock (gate) running = null;
        }
    }
}
