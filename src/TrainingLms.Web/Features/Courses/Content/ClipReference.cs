using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Features.Courses.Content;

/// <summary>A fenced <c>clip</c> block: the clip library's slug and whether watching it is required.</summary>
public sealed record ClipReference(string Slug, bool Required)
{
    public static ClipReference? Parse(string yaml, ProblemLog log)
    {
        var before = log.Count;
        if (YamlFields.Load(yaml, log) is not { } clip) return null;
        var slug = clip.Text("slug");
        var required = clip.Flag("required") ?? false;
        clip.ReportUnknown();
        if (slug is not null && !Slugs.IsValid(slug)) clip.Report("slug", "SlugInvalid", slug);
        return log.Count > before || slug is null ? null : new ClipReference(slug, required);
    }
}

/// <summary>A place in a lesson where a training clip is shown.</summary>
public sealed record ClipPart(string Slug, bool Required) : ContentPart;

/// <summary>Reads a lesson's <c>clip</c> blocks for the renderer.</summary>
public sealed class ClipBlock : IContentBlock
{
    public string Kind => ContentMarkdown.ClipBlock;

    public ContentPart? Read(string text) =>
        ClipReference.Parse(text, new ProblemLog("", [])) is { } clip ? new ClipPart(clip.Slug, clip.Required) : null;
}
