using TrainingLms.Domain.Clips;

namespace TrainingLms.Web.Features.Clips;

/// <summary>Checks what a trainer typed about a clip; messages keyed by the field of <see cref="ClipDetails"/>.</summary>
public sealed class ClipDetailsRules(TimeProvider clock)
{
    public const string DuplicateMessage = "Validation.Duplicate";

    public async Task<Dictionary<string, string>> CheckAsync(LmsDbContext db, ClipDetails details, int? clipId, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        if (details.Slug.Length == 0) errors[nameof(ClipDetails.Slug)] = "Validation.Required";
        else if (!Slugs.IsValid(details.Slug)) errors[nameof(ClipDetails.Slug)] = "Clips.Validation.Slug";
        else if (await db.Clips.AnyAsync(c => c.Slug == details.Slug && c.Id != clipId, cancellationToken))
            errors[nameof(ClipDetails.Slug)] = DuplicateMessage;

        if (details.Title.Length == 0) errors[nameof(ClipDetails.Title)] = "Validation.Required";
        else if (details.Title.Length > Clip.MaxTitleLength) errors[nameof(ClipDetails.Title)] = ErrorKey.With("Validation.NameTooLong", Clip.MaxTitleLength.ToString(CultureInfo.InvariantCulture));
        if (details.Description.Length > Clip.MaxDescriptionLength) errors[nameof(ClipDetails.Description)] = ErrorKey.With("Validation.NameTooLong", Clip.MaxDescriptionLength.ToString(CultureInfo.InvariantCulture));
        if (!ClipKinds.All.Contains(details.Kind)) errors[nameof(ClipDetails.Kind)] = "Validation.Unknown";
        if (details.SiteId is { } siteId && !await db.Sites.AnyAsync(s => s.Id == siteId && s.IsActive, cancellationToken))
            errors[nameof(ClipDetails.SiteId)] = "Validation.Unknown";
        // A day's grace for time zones: a clip filmed this evening in Shanghai is still "yesterday" in UTC.
        if (details.RecordedOn is { } recorded && recorded > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1))
            errors[nameof(ClipDetails.RecordedOn)] = "Clips.Validation.FutureDate";
        return errors;
    }
}
