using System.Data.Common;
using System.Diagnostics;

namespace TrainingLms.Web.Infrastructure;

/// <summary>
/// Tells the in-memory caches of every app instance on one PostgreSQL database what changed (README: "Running at
/// scale — caches across instances"). A change is written as a <see cref="CacheChange"/> row in the transaction that
/// makes it; before a cache uses what it keeps, <see cref="CatchUpAsync"/> reads the rows committed since it last
/// looked (one small indexed query) and raises <see cref="Changed"/> for each, so the next request on any instance
/// sees a committed change. On SQLite, where one instance runs, nothing is written or read: the caches follow the
/// saves of their own process.
/// </summary>
public sealed class CacheChangeLog(IServiceProvider services, IOptions<DatabaseOptions> database, ILogger<CacheChangeLog> logger)
{
    /// <summary>How long rows are kept; an instance that has not looked for <see cref="LongestAway"/> forgets everything.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);

    private static readonly TimeSpan LongestAway = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan TrimEvery = TimeSpan.FromMinutes(10);

    // A row's Id is taken when it is inserted, so rows do not commit in Id order. Each row carries its transaction's
    // id ("TxId", set by the database); every transaction older than the snapshot's xmin has ended, so all of their
    // rows that will ever be seen are seen by this read. The next read starts from that xmin, and rows at or above it
    // are read again until it passes them (those already applied are remembered, so they count once).
    private const string Look = """
        SELECT "Id", "Kind", "Key", "TxId"::text::bigint FROM "CacheChanges" WHERE "TxId" >= (@from)::text::xid8
        UNION ALL SELECT 0, 0, '', pg_snapshot_xmin(pg_current_snapshot())::text::bigint
        """;

    // The first look only finds where to start, and which rows from there on are older than anything kept.
    private const string FirstLook = """
        SELECT "Id", "Kind", "Key", "TxId"::text::bigint FROM "CacheChanges" WHERE "TxId" >= pg_snapshot_xmin(pg_current_snapshot())
        UNION ALL SELECT 0, 0, '', pg_snapshot_xmin(pg_current_snapshot())::text::bigint
        """;

    private readonly Lock gate = new();
    // Asked for when first used: the context factory's own set-up needs the interceptors, which need this log.
    private IDbContextFactory<LmsDbContext> DbFactory => services.GetRequiredService<IDbContextFactory<LmsDbContext>>();
    private readonly Dictionary<long, long> applied = [];
    private long from;
    private long lastLook;
    private long lastTrim = Stopwatch.GetTimestamp();

    /// <summary>Whether other instances may share the database (PostgreSQL), so that changes are written and read here.</summary>
    public bool IsShared { get; } = database.Value.Provider == DatabaseProvider.PostgreSQL;

    /// <summary>A change committed, on this instance or another one.</summary>
    public event Action<CacheChangeKind, string>? Changed;

    /// <summary>Changes may have been missed (this instance did not look for a long time): forget everything.</summary>
    public event Action? Everything;

    /// <summary>Adds the rows to a save through EF, which writes them in its transaction (the caches' interceptor does).</summary>
    public void Add(DbContext db, CacheChangeKind kind, IEnumerable<string> keys)
    {
        if (!IsShared) return;
        var now = DateTime.UtcNow;
        db.Set<CacheChange>().AddRange(keys.Distinct().Select(key => new CacheChange { Kind = kind, Key = key, CreatedAtUtc = now }));
    }

    /// <summary>
    /// Records a change written past the change tracker (ExecuteUpdate, ExecuteDelete, SQL): inside the context's open
    /// transaction, before it commits; or, with no transaction open, right after the write (never before it).
    /// </summary>
    public async Task WriteAsync(DbContext db, CacheChangeKind kind, IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        if (!IsShared) return;
        var distinct = keys.Distinct().ToArray();
        if (distinct.Length == 0) return;
        var now = DateTime.UtcNow;
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "CacheChanges" ("Kind", "Key", "CreatedAtUtc") SELECT {(int)kind}, k, {now} FROM unnest({distinct}) AS k""", cancellationToken);
    }

    public Task WriteAsync(DbContext db, CacheChangeKind kind, CancellationToken cancellationToken = default) =>
        WriteAsync(db, kind, [""], cancellationToken);

    /// <summary>
    /// Applies the changes committed since the last look. Call it before reading a cache's stamp: a change committed
    /// before this call then shows in the stamp, and one committed later changes it again.
    /// </summary>
    public ValueTask CatchUpAsync(CancellationToken cancellationToken = default) =>
        IsShared ? new ValueTask(LookAsync(cancellationToken)) : ValueTask.CompletedTask;

    private async Task LookAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        long start;
        lock (gate) start = from;
        await using var db = await DbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var rows = new List<(long Id, CacheChangeKind Kind, string Key, long TxId)>();
        long horizon = 0;
        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.CommandText = start == 0 ? FirstLook : Look;
            if (start != 0)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "from";
                parameter.Value = start;
                command.Parameters.Add(parameter);
            }
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetInt64(0) == 0) horizon = reader.GetInt64(3);
                else rows.Add((reader.GetInt64(0), (CacheChangeKind)reader.GetInt32(1), reader.GetString(2), reader.GetInt64(3)));
            }
        }
        Apply(rows, horizon, started);
        await TrimIfDueAsync(cancellationToken);
    }

    private void Apply(List<(long Id, CacheChangeKind Kind, string Key, long TxId)> rows, long horizon, long started)
    {
        lock (gate)
        {
            // Nothing was kept before the first look: its rows need not be applied, only remembered.
            if (from == 0)
            {
                from = horizon;
                lastLook = started;
                foreach (var row in rows) applied.TryAdd(row.Id, row.TxId);
                return;
            }
            if (Stopwatch.GetElapsedTime(lastLook, started) > LongestAway)
            {
                logger.LogInformation("No look at the cache changes for {Minutes} minutes: forgetting everything kept", LongestAway.TotalMinutes);
                Everything?.Invoke();
            }
            // A row below the start was applied by a look that moved the start past it.
            foreach (var row in rows)
                if (row.TxId >= from && applied.TryAdd(row.Id, row.TxId)) Changed?.Invoke(row.Kind, row.Key);
            if (horizon > from)
            {
                from = horizon;
                foreach (var id in applied.Where(a => a.Value < from).Select(a => a.Key).ToList()) applied.Remove(id);
            }
            lastLook = Math.Max(lastLook, started);
        }
    }

    /// <summary>Deletes the rows older than <see cref="KeptFor"/>; each instance does it every few minutes as it looks.</summary>
    public async Task TrimAsync(CancellationToken cancellationToken = default)
    {
        // The machine's clock, not the app's TimeProvider: this is bookkeeping, and tests move the app's clock.
        var before = DateTime.UtcNow - KeptFor;
        await using var db = await DbFactory.CreateDbContextAsync(cancellationToken);
        await db.CacheChanges.Where(c => c.CreatedAtUtc < before).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task TrimIfDueAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (Stopwatch.GetElapsedTime(lastTrim) < TrimEvery) return;
            lastTrim = Stopwatch.GetTimestamp();
        }
        try
        {
            await TrimAsync(cancellationToken);
        }
        catch (DbException e)
        {
            logger.LogWarning(e, "Could not trim the cache changes; trying again in {Minutes} minutes", TrimEvery.TotalMinutes);
        }
    }
}
