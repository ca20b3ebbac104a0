using TrainingLms.Domain.ShiftReviews;

namespace TrainingLms.Web.Features.ShiftReviews;

public sealed record MyNote(int Id, NoteKind Kind, EtiquettePoint Points, string Text, DateOnly ShiftDate, string From, DateTime? AcknowledgedAtUtc);

/// <summary>Praise and corrections addressed to one person: what their home page shows, and their acknowledgement.</summary>
public sealed class StaffNotes(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Acknowledged notes stay on the home page this long.</summary>
    public const int ShowAcknowledgedDays = 7;
    public const int MaxShown = 10;

    public async Task<IReadOnlyList<MyNote>> ForPersonAsync(string personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-ShowAcknowledgedDays);
        return await db.ShiftReviewNotes.AsNoTracking()
            .Where(n => n.PersonId == personId && (n.AcknowledgedAtUtc == null || n.AcknowledgedAtUtc >= since))
            .OrderBy(n => n.AcknowledgedAtUtc != null).ThenByDescending(n => n.ShiftDate).ThenByDescending(n => n.Id)
            .Take(MaxShown)
            .Select(n => new MyNote(n.Id, n.Kind, n.Points, n.Text, n.ShiftDate,
                db.ShiftReviews.Where(r => r.Id == n.ReviewId).SelectMany(r => db.Users.Where(p => p.Id == r.FiledById).Select(p => p.FullName)).FirstOrDefault() ?? "",
                n.AcknowledgedAtUtc))
            .ToListAsync(cancellationToken);
    }

    /// <returns>False when the note is not this person's or was already acknowledged.</returns>
    public async Task<bool> AcknowledgeAsync(string personId, int noteId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.ShiftReviewNotes.Where(n => n.Id == noteId && n.PersonId == personId && n.AcknowledgedAtUtc == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.AcknowledgedAtUtc, now), cancellationToken) == 1;
    }
}
