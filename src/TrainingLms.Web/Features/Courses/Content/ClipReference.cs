using System.Text.RegularExpressions;

namespace TrainingLms.Web.Features.Courses.Content;

/// <summary>A fenced <c>clip</c> block: the clip library's slug and whether watching it is required.</summary>
public sealed partial record ClipReference(string Slug, bool Required)
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

public static partial class Slugs
{
    public static bool IsValid(string slug) => slug.Length <= 80 && SlugPattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
