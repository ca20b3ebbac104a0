using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TrainingLms.Web.Features.Courses.Content;

/// <summary>The one Markdown dialect of lessons, shared by the content check and the renderer.</summary>
public static class LessonMarkdown
{
    public const string QuizBlock = "quiz";
    public const string ClipBlock = "clip";

    public static readonly IReadOnlySet<string> ImageExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".gif", ".webp" };

    // Raw HTML is disabled: a <script> in a lesson is shown as text. The sanitiser in LessonRenderer is the second line.
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .DisableHtml()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    /// <summary>Null when Markdig refuses the text for nesting deeper than its limit (e.g. a hundred nested quotes).</summary>
    public static MarkdownDocument? TryParse(string markdown)
    {
        try
        {
            return Parse(markdown);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A fenced <c>quiz</c> or <c>clip</c> block: its YAML and the 0-based line of its opening fence.</summary>
    public sealed record SpecialBlock(string Kind, string Yaml, int FenceLine);

    public static IEnumerable<SpecialBlock> SpecialBlocks(MarkdownDocument document) =>
        document.Descendants<FencedCodeBlock>()
            .Where(IsSpecial)
            .Select(block => new SpecialBlock(block.Info!.Trim(), block.Lines.ToString(), block.Line));

    public static bool IsSpecial(FencedCodeBlock block) => block.Info?.Trim() is QuizBlock or ClipBlock;

    /// <summary>Images and their 0-based lines.</summary>
    public static IEnumerable<(string Url, int Line)> Images(MarkdownDocument document) =>
        document.Descendants<LinkInline>().Where(link => link.IsImage).Select(link => (link.Url ?? "", link.Line));

    /// <summary>The course-folder path of a relative picture, or null for anything else (absolute, scheme, parent folder, other type).</summary>
    public static string? CourseImagePath(string url)
    {
        var path = url.Trim();
        if (path.Length == 0 || path.Contains(':') || path.Contains('\\') || path.StartsWith('/') || path.Contains('?') || path.Contains('#')) return null;
        var segments = path.Split('/');
        if (segments.Any(s => s is "" or "." or "..")) return null;
        return ImageExtensions.Contains(Path.GetExtension(path)) ? path : null;
    }
}
