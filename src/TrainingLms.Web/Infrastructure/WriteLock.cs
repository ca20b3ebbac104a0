using Microsoft.EntityFrameworkCore;

namespace TrainingLms.Web.Infrastructure;

/// <summary>
/// Serialises a read-then-write across requests, processes and app instances: inside a transaction, once the lock is
/// entered, no other transaction holding the same key runs until this one ends, and what this one reads next includes
/// everything they committed. On SQLite the transaction itself is the lock (Microsoft.Data.Sqlite begins them
/// IMMEDIATE: the one write lock, taken before the first read), so entering does nothing. On PostgreSQL (READ COMMITTED)
/// it takes a transaction-scoped advisory lock on the key, released at commit or rollback.
/// </summary>
/// <remarks>
/// Enter right after beginning the transaction, before the reads the decision rests on. The key names the smallest
/// scope whose reads and writes must not interleave ("clip-view:{person}:{clip}"), so unrelated writes go on side by
/// side on PostgreSQL. A transaction that needs two keys enters them in a fixed order; the record chain's is last.
/// </remarks>
public static class WriteLock
{
    public static async Task EnterAsync(DbContext db, string key, CancellationToken cancellationToken = default)
    {
        if (!MustLock(db)) return;
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
    }

    public static void Enter(DbContext db, string key)
    {
        if (MustLock(db)) db.Database.ExecuteSql($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))");
    }

    private static bool MustLock(DbContext db)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("A write lock is entered inside a transaction: it lasts until the transaction ends.");
        return db.Database.IsNpgsql();
    }
}
