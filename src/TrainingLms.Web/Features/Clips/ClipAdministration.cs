using TrainingLms.Domain.Clips;
using TrainingLms.Domain.ShiftReviews;

namespace TrainingLms.Web.Features.Clips;

/// <summary>A moment as a trainer types it: minutes and seconds ("1:05") or seconds.</summary>
public sealed record MomentInput(string At, MomentKind Kind, EtiquettePoint Point, string Note);

/// <summary>A trainer's curation of a clip: details, publishing, moments, the people featured, removal.</summary>
public sealed class ClipAdministration(
    IDbContextFactory<LmsDbContext> dbFactory, ClipDetailsRules rules, ClipStorage storage, TranscodeQueue queue,
    ClipAccessCache access, TimeProvider clock)
{
    /// <summary>The moment points a clip is tagged with: the etiquette points a trainer looks for on film.</summary>
    public static readonly IReadOnlyList<EtiquettePoint> MomentPoints =
        [EtiquettePoint.Meet, EtiquettePoint.Smile, EtiquettePoint.Greet, EtiquettePoint.Rise, EtiquettePoint.Appearance, EtiquettePoint.Language, EtiquettePoint.FirstInquiry];

    /// <returns>Messages per field; empty when saved; null when there is no such clip.</returns>
    public async Task<IReadOnlyDictionary<string, string>?> UpdateDetailsAsync(int clipId, ClipDetails details, CancellationToken cancellationToken = default)
    {
        details = details.Tidy();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clip = await db.Clips.SingleOrDefaultAsync(c => c.Id == clipId, cancellationToken);
        if (clip is null) return null;
        var errors = await rules.CheckAsync(db, details, clipId, cancellationToken);
        if (errors.Count > 0) return errors;
        details.ApplyTo(clip);
        await db.SaveChangesAsync(cancellationToken);
        access.Forget(clipId);
        return errors;
    }

    /// <summary>Publishes a clip (once everyone filmed in it agreed) or takes it back.</summary>
    /// <returns>Why it may not be published, as a message key; null when done.</returns>
    public async Task<string?> SetPublishedAsync(int clipId, bool published, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var clip = await db.Clips.Where(c => c.Id == clipId)
            .Select(c => new { c.Kind, Answers = c.FeaturedPeople.Select(f => f.Consent).ToList() }).SingleOrDefaultAsync(cancellationToken);
        if (clip is null) return "Common.NotFound";
        if (published && FilmingConsents.PublishingRefusal(clip.Kind, clip.Answers) is { } refusal) return refusal;
        await db.Clips.Where(c => c.Id == clipId).ExecuteUpdateAsync(c => c
            .SetProperty(x => x.IsPublished, published)
            .SetProperty(x => x.PublishedAtUtc, x => published ? x.PublishedAtUtc ?? now : null), cancellationToken);
        await access.WriteChangeAsync(db, clipId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        access.Forget(clipId);
        return null;
    }

    /// <returns>An error message for the form, or null when the moment was added.</returns>
    public async Task<string?> AddMomentAsync(int clipId, MomentInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var duration = await db.Clips.Where(c => c.Id == clipId).Select(c => (double?)c.DurationSeconds).SingleOrDefaultAsync(cancellationToken);
        if (duration is null) return "Common.NotFound";
        if (ParseTime(input.At) is not { } at || at > duration) return ErrorKey.With("Clips.Moments.BadTime", Format(duration.Value));
        if (!Enum.IsDefined(input.Kind) || !MomentPoints.Contains(input.Point)) return "Validation.Unknown";
        var note = input.Note.Trim();
        if (note.Length > ClipMoment.MaxNoteLength) return ErrorKey.With("Validation.NameTooLong", ClipMoment.MaxNoteLength.ToString(CultureInfo.InvariantCulture));
        db.ClipMoments.Add(new ClipMoment { ClipId = clipId, AtSeconds = at, Kind = input.Kind, Point = input.Point, Note = note });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task RemoveMomentAsync(int clipId, int momentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.ClipMoments.Where(m => m.Id == momentId && m.ClipId == clipId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Features a person by employee number.</summary>
    /// <returns>An error message, or null when they are featured.</returns>
    public async Task<string?> FeatureAsync(int clipId, string employeeNumber, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var number = employeeNumber.Trim();
        // Someone an import is still writing is nobody yet (a rolled-back import deletes them, and their answer with them).
        var personId = await db.Users.Where(p => p.UserName == number && p.StagedImportId == null).Select(p => p.Id).SingleOrDefaultAsync(cancellationToken);
        if (personId is null) return ErrorKey.With("Clips.Featured.Unknown", number);
        if (!await db.Clips.AnyAsync(c => c.Id == clipId, cancellationToken)) return "Common.NotFound";
        if (!await db.ClipFeaturedPeople.AnyAsync(f => f.ClipId == clipId && f.PersonId == personId, cancellationToken))
        {
            db.ClipFeaturedPeople.Add(new ClipFeaturedPerson { ClipId = clipId, PersonId = personId, NotifiedAtUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
            access.Forget(clipId);
        }
        return null;
    }

    /// <returns>An error message, or null when they are no longer featured.</returns>
    public async Task<string?> UnfeatureAsync(int clipId, string personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The answer is checked by the delete itself: a withdrawal committed a moment ago is not deleted with the row.
        var removed = await db.ClipFeaturedPeople.Where(f => f.ClipId == clipId && f.PersonId == personId && f.Consent != FilmingConsent.Withdrawn)
            .ExecuteDeleteAsync(cancellationToken);
        if (removed == 0 && await db.ClipFeaturedPeople.AnyAsync(f => f.ClipId == clipId && f.PersonId == personId, cancellationToken))
            return "Clips.Consent.WithdrawalStays";
        await access.WriteChangeAsync(db, clipId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        access.Forget(clipId);
        return null;
    }

    public Task<bool> CancelTranscodingAsync(int clipId, CancellationToken cancellationToken = default) => queue.RequestCancelAsync(clipId, cancellationToken);

    public Task<bool> TranscodeAgainAsync(int clipId, CancellationToken cancellationToken = default) => queue.RequeueAsync(clipId, cancellationToken);

    /// <summary>Removes the clip, its files, moments and watch records. Lessons that name it show "not available".</summary>
    public async Task<bool> DeleteAsync(int clipId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        bool deleted;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            deleted = await db.Clips.Where(c => c.Id == clipId).ExecuteDeleteAsync(cancellationToken) > 0;
            await access.WriteChangeAsync(db, clipId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        access.Forget(clipId);
        if (deleted) storage.DeleteClip(clipId);
        return deleted;
    }

    /// <summary>"1:05", "65" or "65.5" → seconds; null for anything else.</summary>
    public static double? ParseTime(string text)
    {
        var parts = text.Trim().Split(':');
        if (parts.Length > 3 || parts.Any(p => p.Length == 0)) return null;
        double seconds = 0;
        foreach (var part in parts)
        {
            if (!double.TryParse(part, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value)) return null;
            seconds = seconds * 60 + value;
        }
        return seconds;
    }

    /// <summary>Seconds as "m:ss" (or "h:mm:ss").</summary>
    public static string Format(double seconds)
    {
        var time = TimeSpan.FromSeconds(Math.Max(0, Math.Floor(seconds)));
        return time.TotalHours >= 1 ? time.ToString(@"h\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture) : time.ToString(@"m\:ss", System.Globalization.CultureInfo.InvariantCulture);
    }
}
