using System.Threading.RateLimiting;

namespace TrainingLms.Web.Infrastructure.Hosting;

/// <summary>
/// Fixed-window rate limits counted in the database (<see cref="RateLimitWindow"/>), so a client meets one limit
/// however nginx spreads its requests over the app instances, and a restart forgives nothing. Keyed by the policy and
/// the real client's address (<see cref="ClientAddress"/>).
/// </summary>
public static class DatabaseRateLimit
{
    /// <summary>The partition of one client under <paramref name="policy"/>: <paramref name="permits"/> requests per <paramref name="window"/>.</summary>
    public static RateLimitPartition<string> Partition(HttpContext context, string policy, int permits, TimeSpan window)
    {
        var key = $"{policy}:{ClientAddress.Key(context)}";
        var counter = context.RequestServices.GetRequiredService<RateLimitCounter>();
        return RateLimitPartition.Get(key, k => new DatabaseWindowLimiter(counter, k, permits, window));
    }
}

/// <summary>Counts requests per key and window with one atomic upsert, the same statement on SQLite and PostgreSQL.</summary>
public sealed class RateLimitCounter(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Counters untouched this long are deleted; longer than any window the options allow (a day).</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(2);

    private long nextPruneTicks;

    /// <summary>Counts one request of <paramref name="key"/> in the current window and answers the count so far, this one included.</summary>
    public async Task<int> CountAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var start = now - now % window.Ticks;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A row whose window is newer than this one (another instance's clock a little ahead) keeps its window and counts on.
        var counts = await db.Database.SqlQuery<int>($"""
            INSERT INTO "RateLimitWindows" ("Key", "WindowStartTicks", "Count") VALUES ({key}, {start}, 1)
            ON CONFLICT ("Key") DO UPDATE SET
                "Count" = CASE WHEN "RateLimitWindows"."WindowStartTicks" >= excluded."WindowStartTicks" THEN "RateLimitWindows"."Count" + 1 ELSE 1 END,
                "WindowStartTicks" = CASE WHEN "RateLimitWindows"."WindowStartTicks" >= excluded."WindowStartTicks" THEN "RateLimitWindows"."WindowStartTicks" ELSE excluded."WindowStartTicks" END
            RETURNING "Count" AS "Value"
            """).ToListAsync(cancellationToken);
        if (now >= Interlocked.Read(ref nextPruneTicks))
        {
            Interlocked.Exchange(ref nextPruneTicks, now + TimeSpan.TicksPerHour);
            var stale = now - Horizon.Ticks;
            await db.RateLimitWindows.Where(w => w.WindowStartTicks < stale).ExecuteDeleteAsync(cancellationToken);
        }
        return counts.Single();
    }
}

/// <summary>
/// One client's limiter. It keeps no count of its own: the quick synchronous try always declines, so the rate-limiting
/// middleware asks <see cref="AcquireAsyncCore"/>, which counts in the database.
/// </summary>
internal sealed class DatabaseWindowLimiter(RateLimitCounter counter, string key, int permits, TimeSpan window) : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(true), Refused = new Lease(false);

    private long lastUsedTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();

    public override TimeSpan? IdleDuration => System.Diagnostics.Stopwatch.GetElapsedTime(Interlocked.Read(ref lastUsedTimestamp));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => permitCount == 0 ? Granted : Refused;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref lastUsedTimestamp, System.Diagnostics.Stopwatch.GetTimestamp());
        if (permitCount == 0) return Granted;
        return await counter.CountAsync(key, window, cancellationToken) <= permits ? Granted : Refused;
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
