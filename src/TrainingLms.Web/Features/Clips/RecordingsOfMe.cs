using TrainingLms.Domain.Clips;

namespace TrainingLms.Web.Features.Clips;

/// <summary>A recording the person is in, with the notice they were given and their answer.</summary>
public sealed record RecordingOfMe(
    int ClipId, string Title, ClipKind Kind, ClipStatus Status, string? SiteName, DateOnly? RecordedOn, bool IsPublished,
    FilmingConsent Consent, DateTime NotifiedAtUtc, DateTime? AnsweredAtUtc);

/// <summary>A featured person's answer to one notice, as shown beside the name to the curators.</summary>
public sealed record ConsentView(FilmingConsent Consent, DateTime NotifiedAtUtc, DateTime? AnsweredAtUtc);

/// <summary>The filmed person's side of filming consent: the recordings they are in, their notices and answers.</summary>
public sealed class RecordingsOfMe(IDbContextFactory<LmsDbContext> dbFactory, ClipAccessCache access, TimeProvider clock)
{
    public async Task<IReadOnlyList<RecordingOfMe>> ListAsync(string personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ClipFeaturedPeople.AsNoTracking().Where(f => f.PersonId == personId)
            .Join(db.Clips, f => f.ClipId, c => c.Id, (f, c) => new { Featured = f, Clip = c })
            .OrderBy(x => x.Featured.Consent != FilmingConsent.Pending).ThenByDescending(x => x.Featured.NotifiedAtUtc).ThenByDescending(x => x.Clip.Id)
            .Select(x => new RecordingOfMe(
                x.Clip.Id, x.Clip.Title, x.Clip.Kind, x.Clip.Status, db.Sites.Where(s => s.Id == x.Clip.SiteId).Select(s => s.Name).FirstOrDefault(),
                x.Clip.RecordedOn, x.Clip.IsPublished, x.Featured.Consent, x.Featured.NotifiedAtUtc, x.Featured.AnsweredAtUtc))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Records the person's answer: agreeing, declining or withdrawing. Only the person filmed may answer.</summary>
    /// <returns>False when they are not in the clip (or the answer is not one).</returns>
    public async Task<bool> AnswerAsync(int clipId, string personId, FilmingConsent answer, CancellationToken cancellationToken = default)
    {
        if (!FilmingConsents.IsAnswer(answer)) return false;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var featured = await db.ClipFeaturedPeople.SingleOrDefaultAsync(f => f.ClipId == clipId && f.PersonId == personId, cancellationToken);
        if (featured is null) return false;
        if (featured.Consent == answer) return true; // a second press of the same button
        featured.Consent = answer;
        featured.AnsweredAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken); // the save tells the other instances the clip changed
        access.Forget(clipId);
        return true;
    }
}
