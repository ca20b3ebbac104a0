using TrainingLms.Domain.FollowUps;

namespace TrainingLms.Web.Infrastructure;

/// <summary>
/// A follow-up's moves (close, verify, reopen) as the services of inspections and footage sessions make them: the
/// typed text checked by field, and each move saved only from the state it was judged in.
/// </summary>
public static class FollowUpMoves
{
    /// <summary>The resource key that refuses a cleaned text, or null when it may be kept.</summary>
    public static string? Refusal(string cleaned, string missingKey) => FollowUp.Check(cleaned) switch
    {
        FollowUpTextProblem.Missing => missingKey,
        FollowUpTextProblem.TooLong => ErrorKey.With("FollowUps.Validation.TooLong", FollowUp.MaxTextLength.ToString(CultureInfo.InvariantCulture)),
        _ => null,
    };

    /// <summary>The owner's "done" with what was done, made in memory when the follow-up is still open and the text may be kept.</summary>
    public static FollowUpMove Close(FollowUp item, string byId, string whatWasDone, string missingKey, DateTime nowUtc, out string? refusal)
    {
        refusal = null;
        if (item.Status != FollowUpStatus.Open) return FollowUpMove.Moved;
        var text = FollowUp.Clean(whatWasDone);
        if ((refusal = Refusal(text, missingKey)) is not null) return FollowUpMove.Refused;
        item.Close(byId, text, nowUtc);
        return FollowUpMove.Made;
    }

    /// <summary>Verified (no reason) or reopened with a reason, made in memory when the follow-up is still closed and the reason may be kept.</summary>
    public static FollowUpMove Judge(FollowUp item, string byId, string? reopenReason, DateTime nowUtc, out string? refusal)
    {
        refusal = null;
        if (item.Status != FollowUpStatus.Closed) return FollowUpMove.Moved;
        if (reopenReason is null)
        {
            item.Verify(byId, nowUtc);
            return FollowUpMove.Made;
        }
        var reason = FollowUp.Clean(reopenReason);
        if ((refusal = Refusal(reason, "Rectifications.Validation.Reason")) is not null) return FollowUpMove.Refused;
        item.Reopen(reason, nowUtc);
        return FollowUpMove.Made;
    }

    /// <summary>
    /// Saves a move only if nobody moved the follow-up since it was read (a second device, a double tap); false when
    /// someone did. The entity's <c>Status</c> must be configured as a concurrency token.
    /// </summary>
    public static async Task<bool> SaveFromAsync(LmsDbContext db, FollowUp item, FollowUpStatus from, CancellationToken cancellationToken)
    {
        var status = db.Entry(item).Property(nameof(FollowUp.Status));
        status.OriginalValue = from;
        status.IsModified = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}

public enum FollowUpMove
{
    /// <summary>Made in memory; the caller saves it with <see cref="FollowUpMoves.SaveFromAsync"/>.</summary>
    Made = 1,
    /// <summary>Someone moved it on first: it is no longer in the state the move starts from.</summary>
    Moved = 2,
    /// <summary>The text was refused; the refusal says why.</summary>
    Refused = 3,
}
