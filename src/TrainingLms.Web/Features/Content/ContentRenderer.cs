using System.Collections.Concurrent;
using Ganss.Xss;
using Microsoft.Extensions.Caching.Memory;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TrainingLms.Web.Features.Content;

/// <summary>A piece of rendered content: sanitised HTML, or what a content block (a lesson's clip) was read into.</summary>
public abstract record ContentPart;

/// <summary>Sanitised HTML, safe to output as markup.</summary>
public sealed record HtmlPart(string Html) : ContentPart;

/// <summary>A kind of fenced block a section gives a meaning to (a lesson's <c>clip</c>): it reads the block into a part.</summary>
public interface IContentBlock
{
    string Kind { get; }

    /// <summary>The part the block stands for, or null when it cannot be read (the content check reports it).</summary>
    ContentPart? Read(string text);
}

/// <summary>Where a text's pictures are served from: <c>Root</c> + the folder's name + the picture's relative path.</summary>
public sealed record PictureFolder(string Root, string Name)
{
    public string UrlFor(string relativePath) =>
        Root + Uri.EscapeDataString(Name) + "/" + string.Join('/', relativePath.Split('/').Select(Uri.EscapeDataString));
}

/// <summary>
/// Turns content Markdown into what people see: HTML parts (raw HTML disabled in Markdig, then the output run through
/// HtmlSanitizer with a short list of tags and schemes) and the parts registered content blocks read their blocks
/// into. Quiz blocks are left out (a check is shown by its own component); a block nobody registered is dropped.
/// Pictures are pointed at their folder's address or dropped. Authors' previews use the same method. Content is read
/// far more often than it changes, so results are cached by their text, up to <see cref="CacheCharacters"/> characters.
/// </summary>
public sealed class ContentRenderer(IEnumerable<IContentBlock> blocks) : IDisposable
{
    private const long CacheCharacters = 32_000_000;

    private readonly IReadOnlyDictionary<string, IContentBlock> blockReaders = blocks.ToDictionary(b => b.Kind);
    private readonly ConcurrentDictionary<string, HtmlSanitizer> sanitizers = new();
    private readonly MemoryCache rendered = new(new MemoryCacheOptions { SizeLimit = CacheCharacters });

    /// <param name="pictures">Where the text's pictures are; without it every picture is dropped.</param>
    /// <param name="cache">False for text being edited, which would only push published content out of the cache.</param>
    public IReadOnlyList<ContentPart> Render(string markdown, PictureFolder? pictures, bool cache = true)
    {
        if (!cache) return RenderUncached(markdown, pictures);
        var key = (pictures, markdown);
        if (rendered.TryGetValue(key, out IReadOnlyList<ContentPart>? cached)) return cached!;
        var parts = RenderUncached(markdown, pictures);
        var size = markdown.Length + parts.Sum(part => part is HtmlPart html ? html.Html.Length : 0);
        return rendered.Set(key, parts, new MemoryCacheEntryOptions { Size = size });
    }

    public void Dispose() => rendered.Dispose();

    private IReadOnlyList<ContentPart> RenderUncached(string markdown, PictureFolder? pictures)
    {
        // Text Markdig refuses (nested too deep) is shown as plain text rather than failing the page.
        if (ContentMarkdown.TryParse(FrontMatter.Normalise(markdown)) is not { } document)
            return [new HtmlPart($"<p>{System.Net.WebUtility.HtmlEncode(markdown)}</p>")];
        foreach (var link in document.Descendants<LinkInline>().Where(l => l.IsImage))
            link.Url = pictures is not null && ContentMarkdown.PicturePath(link.Url ?? "") is { } path ? pictures.UrlFor(path) : "";
        // A quiz or clip block in a list or a quote, or spelt "Quiz", is a content problem; shown as code it would
        // give away a quiz's answers, so it is left out entirely.
        foreach (var stray in document.Descendants<FencedCodeBlock>().Where(b => ContentMarkdown.NamesSpecial(b) && !ContentMarkdown.IsSpecial(b)).ToList())
            stray.Parent?.Remove(stray);

        var parts = new List<ContentPart>();
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        ContentMarkdown.Pipeline.Setup(renderer);
        foreach (var block in document)
        {
            if (block is not FencedCodeBlock fenced || !ContentMarkdown.IsSpecial(fenced))
            {
                renderer.Render(block);
                continue;
            }
            Flush();
            if (blockReaders.TryGetValue(fenced.Info!.Trim(), out var reader) && reader.Read(fenced.Lines.ToString()) is { } part)
                parts.Add(part);
        }
        Flush();
        return parts;

        void Flush()
        {
            writer.Flush();
            var html = writer.ToString();
            writer.GetStringBuilder().Clear();
            if (!string.IsNullOrWhiteSpace(html)) parts.Add(new HtmlPart(SanitizerFor(pictures?.Root).Sanitize(html)));
        }
    }

    /// <summary>Renders Markdown to HTML alone, e.g. a course introduction or a drill's briefing.</summary>
    public string RenderHtml(string markdown, PictureFolder? pictures = null) =>
        string.Concat(Render(markdown, pictures).OfType<HtmlPart>().Select(p => p.Html));

    private HtmlSanitizer SanitizerFor(string? pictureRoot) => sanitizers.GetOrAdd(pictureRoot ?? "", CreateSanitizer);

    /// <param name="pictureRoot">The only address pictures may come from; empty: none may.</param>
    private static HtmlSanitizer CreateSanitizer(string pictureRoot)
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "del", "ins", "mark", "sub", "sup",
                "blockquote", "code", "pre", "ul", "ol", "li", "dl", "dt", "dd", "a", "img",
                "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "id", "start", "align" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        };
        var sanitizer = new HtmlSanitizer(options);
        // Pictures only from the text's own folder: any src the renderer did not point there is dropped.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "IMG" } image
                && (pictureRoot.Length == 0 || !(image.GetAttribute("src") ?? "").StartsWith(pictureRoot, StringComparison.Ordinal)))
                image.RemoveAttribute("src");
        };
        return sanitizer;
    }
}
