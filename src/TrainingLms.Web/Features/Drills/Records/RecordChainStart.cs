using TrainingLms.Domain.Drills;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.Web.Features.Drills.Records;

/// <summary>
/// Readies the record chain at start. The first start with the chain creates its key and chains, once, the records
/// signed before it existed (their stored hashes, so a record already changed stays visible as changed). After that
/// the chain only grows as records are signed; records found outside it are breaks, never adopted later.
/// </summary>
public static class RecordChainStart
{
    public static async Task StartRecordChainAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var key = services.GetRequiredService<RecordChainKey>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RecordChainStart));
        await using var db = await services.GetRequiredService<IDbContextFactory<LmsDbContext>>().CreateDbContextAsync(cancellationToken);
        if (!File.Exists(key.FilePath) && await StartChainAsync(services, db, key, logger, cancellationToken)) return;
        _ = key.Value;
        // Kept in the log, outside the database: a chain cut back behind this point shows against it.
        if (await db.RecordChainLinks.AsNoTracking().OrderByDescending(l => l.Sequence).FirstOrDefaultAsync(cancellationToken) is { } head)
            logger.LogInformation("Record chain head: link {Sequence}, MAC {Mac}", head.Sequence, head.Mac);
    }

    /// <summary>
    /// Makes the key and chains the earlier records, under the chain's lock: instances starting at once on one database
    /// and one key folder take turns, and a later one finds the first one's key (false: nothing left to do here).
    /// </summary>
    private static async Task<bool> StartChainAsync(IServiceProvider services, LmsDbContext db, RecordChainKey key, ILogger logger, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await WriteLock.EnterAsync(db, RecordChainInterceptor.ChainLock, cancellationToken);
        if (File.Exists(key.FilePath)) return false;
        var links = await db.RecordChainLinks.CountAsync(cancellationToken);
        // A pending key is one a start wrote and did not get to put in place: it stopped, or it committed the chain and
        // is about to promote the key (then both promote the same file).
        if (!key.TryLoadPending())
        {
            // Moving the pending key into place is one rename: with neither file, a start that held the lock before
            // this one has just put its key in place, or the key is lost.
            if (File.Exists(key.FilePath)) return false;
            if (links > 0)
                throw new InvalidOperationException(
                    $"The record chain has {links} links but its key {key.FilePath} is missing. Restore the key file from the backup of the data folder (or set RecordChain:KeyPath to where it is); without it the chain can neither be verified nor extended.");
            key.CreatePending();
        }
        if (links == 0) await ChainEarlierRecordsAsync(services, db, key, logger, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        key.Promote();
        return true;
    }

    private static async Task ChainEarlierRecordsAsync(IServiceProvider services, LmsDbContext db, RecordChainKey key, ILogger logger, CancellationToken cancellationToken)
    {
        var time = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        RecordChainLink? head = null;
        var records = await RecordChainVerifier.CurrentRecordsAsync(db, cancellationToken);
        foreach (var record in records.Where(r => !r.Key.StartsWith(RecordChainVerifier.AnnulmentMarkPrefix, StringComparison.Ordinal)))
        {
            head = RecordChain.Append(head, record.Kind, record.Key, record.StoredHash ?? "", time, key.Value);
            db.RecordChainLinks.Add(head);
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Record chain started: {Count} records signed before it were chained", head?.Sequence ?? 0);
    }
}
