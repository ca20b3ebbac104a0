using TrainingLms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrainingLms.Data;
using TrainingLms.Domain.Clips;

namespace TrainingLms.Web.Features.Clips;

/// <summary>Checks what a trainer typed about a clip; messages keyed by the field of <see cref="ClipDetails"/>.</summary>
public sealed class ClipDetailsRules(IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    public string DuplicateMessage => localizer["Validation.Duplicate"];

    public async Task<Dictionary<string, string>> CheckAsync(LmsDbContext db, ClipDetails details, int? clipId, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        if (details.Slug.Length == 0) errors[nameof(ClipDetails.Slug)] = localizer["Validation.Required"];
        else if (!Slugs.IsValid(details.Slug)) errors[nameof(ClipDetails.Slug)] = localizer["Clips.Validation.Slug"];
        else if (await db.Clips.AnyAsync(c => c.Slug == details.Slug && c.Id != clipId, cancellationToken))
            errors[nameof(ClipDetails.Slug)] = DuplicateMessage;

        if (details.Title.Length == 0) errors[nameof(ClipDetails.Title)] = localizer["Validation.Required"];
        else if (details.Title.Length > Clip.MaxTitleLength) errors[nameof(ClipDetails.Title)] = localizer["Validation.NameTooLong", Clip.MaxTitleLength];
        if (details.Description.Length > Clip.MaxDescriptionLength) errors[nameof(ClipDetails.Description)] = localizer["Validation.NameTooLong", Clip.MaxDescriptionLength];
        if (!ClipKinds.All.Contains(details.Kind)) errors[nameof(ClipDetails.Kind)] = localizer["Validation.Unknown"];
        if (details.SiteId is { } siteId && !await db.Sites.AnyAsync(s => s.Id == siteId && s.IsActive, cancellationToken))
            errors[nameof(ClipDetails.SiteId)] = localizer["Validation.Unknown"];
        // A day's grace for time zones: a clip filmed this evening in Shanghai is still "yesterday" in UTC.
        if (details.RecordedOn is { } recorded && recorded > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1))
            errors[nameof(ClipDetails.RecordedOn)] = localizer["Clips.Validation.FutureDate"];
        return errors;
    }
}
