namespace TrainingLms.Domain.Clips;

/// <summary>What a trainer says about a clip: typed at upload (kept with the upload until it is complete) and edited later.</summary>
public sealed record ClipDetails(string Slug, string Title, string Description, ClipKind Kind, int? SiteId, DateOnly? RecordedOn)
{
    public ClipDetails Tidy() => this with { Slug = Slug.Trim().ToLowerInvariant(), Title = Title.Trim(), Description = Description.Trim() };

    public void ApplyTo(Clip clip)
    {
        clip.Slug = Slug;
        clip.Title = Title;
        clip.Description = Description;
        clip.Kind = Kind;
        clip.SiteId = SiteId;
        clip.RecordedOn = RecordedOn;
    }

    public static ClipDetails Of(Clip clip) => new(clip.Slug, clip.Title, clip.Description, clip.Kind, clip.SiteId, clip.RecordedOn);
}
