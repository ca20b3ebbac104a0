using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TrainingLms.Web.Infrastructure;

/// <summary>
/// The saves under way in this process, so that a long job writing in many short transactions (the people import)
/// can let them go first. SQLite has one write lock, and a save that finds it taken tries again only every 150 ms
/// (Microsoft.Data.Sqlite's retry): a job that takes the lock again as soon as it lets go would starve such a save.
/// </summary>
public sealed class PendingWrites : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>A save older than this is taken to have ended without saying so (an interceptor threw) and is ignored.</summary>
    private static readonly TimeSpan Forgotten = TimeSpan.FromSeconds(40);

    private readonly ConcurrentDictionary<DbContext, long> saving = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<DbContext, long> beginning = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Waits while another save is under way (it may be waiting for the lock), at most <paramref name="longest"/>, so
    /// that saves waiting for the lock get it before the caller's next transaction.
    /// </summary>
    public async Task GiveWayAsync(TimeSpan longest, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        while (AnyUnderWay() && Stopwatch.GetElapsedTime(started) < longest)
            await Task.Delay(2, cancellationToken);
    }

    private bool AnyUnderWay() => (!saving.IsEmpty && saving.Values.Any(Recent)) || (!beginning.IsEmpty && beginning.Values.Any(Recent));

    private static bool Recent(long started) => Stopwatch.GetElapsedTime(started) < Forgotten;

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Start(saving, eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(saving, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        End(saving, eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        End(saving, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => End(saving, eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        End(saving, eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => End(saving, eventData.Context);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        End(saving, eventData.Context);
        return Task.CompletedTask;
    }

    // A transaction begun by hand (BEGIN IMMEDIATE) waits for the lock as it begins.
    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Start(beginning, eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        Start(beginning, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        End(beginning, eventData.Context);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        End(beginning, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => End(beginning, eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        End(beginning, eventData.Context);
        return Task.CompletedTask;
    }

    private static void Start(ConcurrentDictionary<DbContext, long> underWay, DbContext? context)
    {
        if (context is not null) underWay[context] = Stopwatch.GetTimestamp();
    }

    private static void End(ConcurrentDictionary<DbContext, long> underWay, DbContext? context)
    {
        if (context is not null) underWay.TryRemove(context, out _);
    }
}
