using Ganss.Xss;
using Microsoft.Extensions.Caching.Memory;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TrainingLms.Web.Features.Courses.Content;

public abstract record LessonPart;

/// <summary>Sanitised HTML, safe to output as markup.</summary>
public sealed record HtmlPart(string Html) : LessonPart;

/// <summary>A place where a training clip is shown.</summary>
public sealed record ClipPart(string Slug, bool Required) : LessonPart;

/// <summary>
/// Turns lesson Markdown into what the learner sees: HTML parts (raw HTML disabled in Markdig, then the output run
/// through HtmlSanitizer with a short list of tags and schemes) and clip parts. Quiz blocks are left out; the quiz
/// is shown by its own component. Authors' previews use the same method. Lessons are read far more often than
/// they change, so results are cached by their text, up to <see cref="CacheCharacters"/> characters in all.
/// </summary>
public sealed class LessonRenderer : IDisposable
{
    private const long CacheCharacters = 32_000_000;

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();
    private readonly MemoryCache rendered = new(new MemoryCacheOptions { SizeLimit = CacheCharacters });

    /// <param name="cache">False for text being edited, which would only push published lessons out of the cache.</param>
    public IReadOnlyList<LessonPart> Render(string markdown, string courseSlug, bool cache = true)
    {
        if (!cache) return RenderUncached(markdown, courseSlug);
        var key = (courseSlug, markdown);
        if (rendered.TryGetValue(key, out IReadOnlyList<LessonPart>? cached)) return cached!;
        var parts = RenderUncached(markdown, courseSlug);
        var size = markdown.Length + parts.Sum(part => part is HtmlPart html ? html.Html.Length : 0);
        return rendered.Set(key, parts, new MemoryCacheEntryOptions { Size = size });
    }

    public void Dispose() => rendered.Dispose();

    private IReadOnlyList<LessonPart> RenderUncached(string markdown, string courseSlug)
    {
        // Text Markdig refuses (nested too deep) is shown as plain text rather than failing the page.
        if (LessonMarkdown.TryParse(FrontMatter.Normalise(markdown)) is not { } document)
            return [new HtmlPart($"<p>{System.Net.WebUtility.HtmlEncode(markdown)}</p>")];
        foreach (var link in document.Descendants<LinkInline>().Where(l => l.IsImage))
            link.Url = LessonMarkdown.CourseImagePath(link.Url ?? "") is { } path ? CourseMedia.UrlFor(courseSlug, path) : "";
        // A quiz or clip block in a list or a quote, or spelt "Quiz", is a content problem; shown as code it would
        // give away a quiz's answers, so it is left out entirely.
        foreach (var stray in document.Descendants<FencedCodeBlock>().Where(b => LessonMarkdown.NamesSpecial(b) && !LessonMarkdown.IsSpecial(b)).ToList())
            stray.Parent?.Remove(stray);

        var parts = new List<LessonPart>();
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        LessonMarkdown.Pipeline.Setup(renderer);
        foreach (var block in document)
        {
            if (block is not FencedCodeBlock fenced || !LessonMarkdown.IsSpecial(fenced))
            {
                renderer.Render(block);
                continue;
            }
            Flush();
            if (fenced.Info!.Trim() == LessonMarkdown.ClipBlock
                && ClipReference.Parse(fenced.Lines.ToString(), new ProblemLog("", [])) is { } clip)
                parts.Add(new ClipPart(clip.Slug, clip.Required));
        }
        Flush();
        return parts;

        void Flush()
        {
            writer.Flush();
            var html = writer.ToString();
            writer.GetStringBuilder().Clear();
            if (!string.IsNullOrWhiteSpace(html)) parts.Add(new HtmlPart(sanitizer.Sanitize(html)));
        }
    }

    /// <summary>Renders Markdown with no lesson features, e.g. a course introduction.</summary>
    public string RenderHtml(string markdown, string courseSlug) =>
        string.Concat(Render(markdown, courseSlug).OfType<HtmlPart>().Select(p => p.Html));

    private static HtmlSanitizer CreateSanitizer()
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
        // Pictures only from the course folder: any src the renderer did not point there is dropped.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "IMG" } image
                && !(image.GetAttribute("src") ?? "").StartsWith(CourseMedia.PathPrefix, StringComparison.Ordinal))
                image.RemoveAttribute("src");
        };
        return sanitizer;
    }
}
