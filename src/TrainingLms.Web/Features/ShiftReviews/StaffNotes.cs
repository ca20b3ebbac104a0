using TrainingLms.Domain.ShiftReviews;
using TrainingLms.Web.Features.Courses.Caching;

namespace TrainingLms.Web.Features.ShiftReviews;

public sealed record MyNote(int Id, NoteKind Kind, EtiquettePoint Points, string Text, DateOnly ShiftDate, string From, DateTime? AcknowledgedAtUtc);

/// <summary>Praise and corrections addressed to one person: what their home page shows, and their acknowledgement.</summary>
public sealed class StaffNotes(
    IDbContextFactory<LmsDbContext> dbFactory, PersonCache<IReadOnlyList<MyNote>> kept, LearningChanges learningChanges, CacheChangeLog changeLog, TimeProvider clock)
{
    /// <summary>Acknowledged notes stay on the home page this long.</summary>
    public const int ShowAcknowledgedDays = 7;
    public const int MaxShown = 10;

    /// <summary>The longest the notes are shown from memory: the reviewer's name, which is not followed, shows changed within minutes.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The person's notes, kept in memory while none is added or acknowledged, and until the first acknowledged one shown
    /// is due to leave the page.
    /// </summary>
    public Task<IReadOnlyList<MyNote>> ForPersonAsync(string personId, CancellationToken cancellationToken = default) =>
        kept.GetAsync(personId, async (now, token) =>
        {
            var notes = await ReadAsync(personId, now, token);
            var firstToLeave = notes.Min(n => n.AcknowledgedAtUtc) is { } acknowledged ? acknowledged.AddDays(ShowAcknowledgedDays) : DateTime.MaxValue;
            return new Held<IReadOnlyList<MyNote>>(notes, firstToLeave);
        }, cancellationToken);

    private async Task<IReadOnlyList<MyNote>> ReadAsync(string personId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var since = nowUtc.AddDays(-ShowAcknowledgedDays);
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
        if (await db.ShiftReviewNotes.Where(n => n.Id == noteId && n.PersonId == personId && n.AcknowledgedAtUtc == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.AcknowledgedAtUtc, now), cancellationToken) != 1) return false;
        // Past the change tracker, so counted here for the notes kept in memory.
        learningChanges.PeopleChanged([personId]);
        await changeLog.WriteAsync(db, CacheChangeKind.Person, [personId], cancellationToken);
        return true;
    }
}
