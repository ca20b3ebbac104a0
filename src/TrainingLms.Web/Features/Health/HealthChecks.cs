using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrainingLms.Web.Features.Media;

namespace TrainingLms.Web.Features.Health;

public class DatabaseHealthCheck(IDbContextFactory<LmsDbContext> dbFactory, DatabaseMigrations migrations) : IHealthCheck
{
    // Applied migrations stay applied while the app runs, so once none is pending that is not asked again
    // (comparing them is most of the check's cost, and load balancers ask often). A singleton: see AddHealth.
    private volatile bool migrationsApplied;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Database.CanConnectAsync(cancellationToken)) return HealthCheckResult.Unhealthy("Cannot open the database.");
        if (!migrationsApplied)
        {
            var pending = await migrations.PendingAsync(cancellationToken);
            if (pending.Count > 0) return HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied.");
            migrationsApplied = true;
        }
        return HealthCheckResult.Healthy(db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite", new Dictionary<string, object> { ["provider"] = db.Database.ProviderName ?? "" });
    }
}

public class DataFolderHealthCheck(IOptions<StorageOptions> storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var folder = storage.Value.ResolvedDataPath;
        var probe = Path.Combine(folder, $".healthz-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllTextAsync(probe, "ok", cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy("Writable.", new Dictionary<string, object> { ["path"] = folder });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"Cannot write to {folder}: {ex.Message}");
        }
    }
}

public class MediaToolsHealthCheck(MediaTools tools) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var found = await tools.GetAsync();
        var data = found.ToDictionary(tool => tool.Name, tool => (object)(tool.Version ?? "missing"));
        var missing = found.Where(tool => !tool.Found).Select(tool => tool.Name).ToList();
        return missing.Count == 0
            ? HealthCheckResult.Healthy("ffmpeg and ffprobe found.", data)
            : new HealthCheckResult(context.Registration.FailureStatus, $"Missing: {string.Join(", ", missing)}.", data: data);
    }
}
