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
