using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using TrainingLms.Domain.Drills;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.Web.Features.Drills.Records;

/// <summary>
/// Appends a link to the record chain in the very save that signs a drill attempt, countersigns an annulment or
/// issues a certificate, whichever code path makes it. The head is read and the link written under the chain's write
/// lock (<see cref="WriteLock"/>) in the caller's transaction or one begun here for the save, so two sign-offs at the
/// same moment, on any instance, take turns and never both extend the same head.
/// </summary>
public sealed class RecordChainInterceptor(RecordChainKey key, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>The one chain's write lock: entered last, after any lock the caller's transaction holds.</summary>
    public const string ChainLock = "record-chain";

    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> ownTransactions = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not LmsDbContext db || NewRecords(db) is not { Count: > 0 } records) return result;
        if (db.Database.CurrentTransaction is null) ownTransactions.AddOrUpdate(db, db.Database.BeginTransaction());
        try
        {
            WriteLock.Enter(db, ChainLock);
            Append(db, db.RecordChainLinks.AsNoTracking().OrderByDescending(l => l.Sequence).FirstOrDefault(), records);
        }
        catch
        {
            End(db, commit: false);
            throw;
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not LmsDbContext db || NewRecords(db) is not { Count: > 0 } records) return result;
        if (db.Database.CurrentTransaction is null) ownTransactions.AddOrUpdate(db, await db.Database.BeginTransactionAsync(cancellationToken));
        try
        {
            await WriteLock.EnterAsync(db, ChainLock, cancellationToken);
            Append(db, await db.RecordChainLinks.AsNoTracking().OrderByDescending(l => l.Sequence).FirstOrDefaultAsync(cancellationToken), records);
        }
        catch
        {
            End(db, commit: false);
            throw;
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        End(eventData.Context, commit: true);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && ownTransactions.TryGetValue(context, out var transaction))
        {
            ownTransactions.Remove(context);
            await using (transaction) await transaction.CommitAsync(cancellationToken);
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => End(eventData.Context, commit: false);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        End(eventData.Context, commit: false);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => End(eventData.Context, commit: false);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        End(eventData.Context, commit: false);
        return Task.CompletedTask;
    }

    private void End(DbContext? context, bool commit)
    {
        if (context is null || !ownTransactions.TryGetValue(context, out var transaction)) return;
        ownTransactions.Remove(context);
        using (transaction)
        {
            if (commit) transaction.Commit();
            else transaction.Rollback();
        }
    }

    private void Append(LmsDbContext db, RecordChainLink? head, List<(ChainedRecordKind Kind, string Key, string Hash)> records)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (kind, recordKey, hash) in records)
        {
            head = RecordChain.Append(head, kind, recordKey, hash, now, key.Value);
            db.RecordChainLinks.Add(head);
        }
    }

    /// <summary>The records this save signs, in a fixed order: attempts, annulments, certificates.</summary>
    private static List<(ChainedRecordKind Kind, string Key, string Hash)> NewRecords(LmsDbContext db)
    {
        var records = new List<(ChainedRecordKind Kind, string Key, string Hash)>();
        foreach (var entry in db.ChangeTracker.Entries<DrillAttempt>().OrderBy(e => e.Entity.Id))
        {
            var signedNow = entry.Entity.SignedAtUtc is not null
                && (entry.State == EntityState.Added || (entry.State == EntityState.Modified && entry.OriginalValues[nameof(DrillAttempt.SignedAtUtc)] is null));
            if (!signedNow) continue;
            if (entry.Entity.Id <= 0) throw new InvalidOperationException("An attempt is signed once it is saved: its signed record names its id.");
            records.Add((ChainedRecordKind.DrillResult, entry.Entity.Id.ToString(CultureInfo.InvariantCulture), entry.Entity.ContentHash ?? ""));
        }
        foreach (var entry in db.ChangeTracker.Entries<DrillAnnulment>().OrderBy(e => e.Entity.Id))
        {
            var countersignedNow = entry.Entity.CountersignedAtUtc is not null
                && (entry.State == EntityState.Added || (entry.State == EntityState.Modified && entry.OriginalValues[nameof(DrillAnnulment.CountersignedAtUtc)] is null));
            if (!countersignedNow) continue;
            var attempt = db.ChangeTracker.Entries<DrillAttempt>().SingleOrDefault(a => a.Entity.Id == entry.Entity.AttemptId)
                ?? throw new InvalidOperationException("An annulment is countersigned in the same save that marks its attempt annulled.");
            if (entry.Entity.Id <= 0) throw new InvalidOperationException("An annulment is countersigned once it is saved.");
            records.Add((ChainedRecordKind.Annulment, entry.Entity.Id.ToString(CultureInfo.InvariantCulture), RecordChain.AnnulmentHash(entry.Entity, attempt.Entity.AnnulledAtUtc)));
        }
        foreach (var entry in db.ChangeTracker.Entries<Certificate>().Where(e => e.State == EntityState.Added).OrderBy(e => e.Entity.Code, StringComparer.Ordinal))
            records.Add((ChainedRecordKind.Certificate, entry.Entity.Code, entry.Entity.ContentHash));
        return records;
    }
}
