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
        if (File.Exists(key.FilePath))
        {
            _ = key.Value;
            // Kept in the log, outside the database: a chain cut back behind this point shows against it.
            if (await db.RecordChainLinks.AsNoTracking().OrderByDescending(l => l.Sequence).FirstOrDefaultAsync(cancellationToken) is { } head)
                logger.LogInformation("Record chain head: link {Sequence}, MAC {Mac}", head.Sequence, head.Mac);
            return;
        }
        var links = await db.RecordChainLinks.CountAsync(cancellationToken);
        if (File.Exists(key.PendingPath)) key.LoadPending();
        else if (links > 0)
            throw new InvalidOperationException(
                $"The record chain has {links} links but its key {key.FilePath} is missing. Restore the key file from the backup of the data folder (or set RecordChain:KeyPath to where it is); without it the chain can neither be verified nor extended.");
        else key.CreatePending();
        if (links == 0) await ChainEarlierRecordsAsync(services, db, key, logger, cancellationToken);
        key.Promote();
    }

    private static async Task ChainEarlierRecordsAsync(IServiceProvider services, LmsDbContext db, RecordChainKey key, ILogger logger, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await WriteLock.EnterAsync(db, RecordChainInterceptor.ChainLock, cancellationToken);
        var time = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        RecordChainLink? head = null;
        var records = await RecordChainVerifier.CurrentRecordsAsync(db, cancellationToken);
        foreach (var record in records.Where(r => !r.Key.StartsWith(RecordChainVerifier.AnnulmentMarkPrefix, StringComparison.Ordinal)))
        {
            head = RecordChain.Append(head, record.Kind, record.Key, record.StoredHash ?? "", time, key.Value);
            db.RecordChainLinks.Add(head);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Record chain started: {Count} records signed before it were chained", head?.Sequence ?? 0);
    }
}
