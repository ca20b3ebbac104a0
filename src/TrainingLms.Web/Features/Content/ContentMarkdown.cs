using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TrainingLms.Web.Features.Content;

/// <summary>The one Markdown dialect of lessons, shared by the content check and the renderer.</summary>
public static class ContentMarkdown
{
    public const string QuizBlock = "quiz";
    public const string ClipBlock = "clip";

    public static readonly IReadOnlySet<string> ImageExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".gif", ".webp" };

    // Raw HTML is disabled: a <script> in a lesson is shown as text. The sanitiser in ContentRenderer is the second line.
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

    /// <summary>How a fenced block whose info string names a quiz or a clip stands.</summary>
    public enum SpecialPlacement
    {
        /// <summary>At the top level of the lesson, spelt in lowercase: it is the lesson's quiz or clip.</summary>
        Valid = 1,
        /// <summary>Inside a list item or a quote: never a quiz or clip, and never shown as code.</summary>
        Nested = 2,
        /// <summary>Spelt in another case (<c>Quiz</c>, <c>CLIP</c>): never a quiz or clip, and never shown as code.</summary>
        WrongCase = 3,
    }

    /// <summary>A fenced <c>quiz</c> or <c>clip</c> block: its YAML, the 0-based line of its opening fence and where it stands.</summary>
    public sealed record SpecialBlock(string Kind, string Yaml, int FenceLine, SpecialPlacement Placement);

    /// <summary>
    /// Every fenced block that names a quiz or a clip, at any depth and in any case. Only <see cref="SpecialPlacement.Valid"/>
    /// ones take effect; the others are problems of the file, and the renderer drops them so their YAML (a quiz's answers)
    /// never reaches a learner as text.
    /// </summary>
    public static IEnumerable<SpecialBlock> SpecialBlocks(MarkdownDocument document) =>
        document.Descendants<FencedCodeBlock>()
            .Where(NamesSpecial)
            .Select(block => new SpecialBlock(block.Info!.Trim().ToLowerInvariant(), block.Lines.ToString(), block.Line, PlacementOf(block)));

    /// <summary>A top-level block spelt exactly <c>quiz</c> or <c>clip</c>: the only kind that takes effect.</summary>
    public static bool IsSpecial(FencedCodeBlock block) => NamesSpecial(block) && PlacementOf(block) == SpecialPlacement.Valid;

    /// <summary>The info string names a quiz or a clip, whatever its case or depth.</summary>
    public static bool NamesSpecial(FencedCodeBlock block) =>
        block.Info?.Trim() is { } info && (info.Equals(QuizBlock, StringComparison.OrdinalIgnoreCase) || info.Equals(ClipBlock, StringComparison.OrdinalIgnoreCase));

    private static SpecialPlacement PlacementOf(FencedCodeBlock block) =>
        block.Info?.Trim() is not (QuizBlock or ClipBlock) ? SpecialPlacement.WrongCase
        : block.Parent is MarkdownDocument ? SpecialPlacement.Valid
        : SpecialPlacement.Nested;

    /// <summary>Images and their 0-based lines.</summary>
    public static IEnumerable<(string Url, int Line)> Images(MarkdownDocument document) =>
        document.Descendants<LinkInline>().Where(link => link.IsImage).Select(link => (link.Url ?? "", link.Line));

    /// <summary>The course-folder path of a relative picture, or null for anything else (absolute, scheme, parent folder, other type).</summary>
    public static string? PicturePath(string url)
    {
        var path = url.Trim();
        if (path.Length == 0 || path.Contains(':') || path.Contains('\\') || path.StartsWith('/') || path.Contains('?') || path.Contains('#')) return null;
        var segments = path.Split('/');
        if (segments.Any(s => s is "" or "." or "..")) return null;
        return ImageExtensions.Contains(Path.GetExtension(path)) ? path : null;
    }
}
