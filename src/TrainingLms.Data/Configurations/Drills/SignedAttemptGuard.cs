using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TrainingLms.Domain.Drills;

namespace TrainingLms.Data.Configurations.Drills;

/// <summary>
/// Refuses, in any code path that saves through EF, a change to a signed drill attempt or its scores. Only the
/// annulment mark and the candidate's acknowledgement may be set later. The services never try; this is the net
/// under them. (Someone with the database file can still edit rows; the content hash shows it.)
/// </summary>
public sealed class SignedAttemptGuard : SaveChangesInterceptor
{
    public static readonly SignedAttemptGuard Instance = new();

    private static readonly HashSet<string> SettableAfterSigning = [nameof(DrillAttempt.AnnulledAtUtc), nameof(DrillAttempt.AcknowledgedAtUtc)];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && ScoredAttempts(context) is { Count: > 0 } touched)
            RefuseSigned(SignedAmong(context, touched).FirstOrDefault());
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && ScoredAttempts(context) is { Count: > 0 } touched)
            RefuseSigned(await SignedAmong(context, touched).FirstOrDefaultAsync(cancellationToken));
        return result;
    }

    /// <summary>Refuses changes to signed attempts; returns the attempts whose scores this save adds, changes or deletes.</summary>
    private static List<int> ScoredAttempts(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries<DrillAttempt>())
        {
            if (entry.State is not (EntityState.Modified or EntityState.Deleted) || entry.OriginalValues[nameof(DrillAttempt.SignedAtUtc)] is null) continue;
            if (entry.State == EntityState.Deleted || entry.Properties.Any(p => p.IsModified && !SettableAfterSigning.Contains(p.Metadata.Name)))
                throw Refused(entry.Entity.Id);
        }
        return [.. context.ChangeTracker.Entries<DrillScore>()
            .Where(e => e.State is EntityState.Modified or EntityState.Deleted or EntityState.Added)
            .Select(ScoreAttempt)
            .Distinct()];
    }

    // Read from the database: an attempt being signed in this same save is not signed there yet.
    private static IQueryable<int> SignedAmong(DbContext context, List<int> attemptIds) =>
        context.Set<DrillAttempt>().AsNoTracking().Where(a => attemptIds.Contains(a.Id) && a.SignedAtUtc != null).Select(a => a.Id);

    private static void RefuseSigned(int signedAttemptId)
    {
        if (signedAttemptId != 0) throw Refused(signedAttemptId);
    }

    private static int ScoreAttempt(EntityEntry<DrillScore> entry) =>
        entry.State == EntityState.Added ? entry.Entity.AttemptId : (int)entry.OriginalValues[nameof(DrillScore.AttemptId)]!;

    private static InvalidOperationException Refused(int attemptId) =>
        new($"Drill attempt {attemptId} is signed: its record cannot be changed.");
}
