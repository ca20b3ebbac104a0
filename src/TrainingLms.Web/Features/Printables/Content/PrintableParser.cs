using System.Text.RegularExpressions;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Content;
using YamlDotNet.RepresentationModel;

namespace TrainingLms.Web.Features.Printables.Content;

/// <summary>
/// Reads one file of content/printables/: YAML front matter (kind, line of work, version, title, the courses that
/// offer it, sections of short bilingual items) and a body that is a note for authors, never printed. Every problem
/// is logged at its line; a file with any problem gives nothing.
/// </summary>
public static partial class PrintableParser
{
    public const int MaxSections = 8;
    public const int MaxItems = 10;
    public const int MaxTitleLength = 60;
    public const int MaxItemLength = 120;

    /// <summary>What every pocket card must carry: the minimum of every customer-facing post.</summary>
    public static readonly IReadOnlyList<string> CardSections = ["four-actions", "three-sounds", "ten-words", "forbidden-phrases", "first-inquiry"];

    public static PrintableDefinition? Parse(string file, string text, ProblemLog log)
    {
        var before = log.Count;
        if (FrontMatter.Split(text, log) is not { } front) return null;
        var yamlLog = log.Section(FrontMatter.YamlLineOffset);
        if (YamlFields.Load(front.Yaml, yamlLog) is not { } fields) return null;

        var kind = fields.Text("kind") switch
        {
            null => (PrintableKind?)null,
            "card" => PrintableKind.Card,
            "chart" => PrintableKind.Chart,
            var other => Refuse(fields, "kind", "PrintableKindInvalid", other),
        };
        var version = fields.Number("version", 1, 100_000);
        var line = kind != PrintableKind.Card ? LineOfWorkOf(fields) : null;
        if (kind == PrintableKind.Card && fields.Node("lineOfWork", required: false) is not null) fields.Report("lineOfWork", "PrintableCardWithLine");
        var title = Limited(fields, "title", fields.Localized("title"), MaxTitleLength);
        var subtitle = Limited(fields, "subtitle", fields.Localized("subtitle", required: false), MaxItemLength);
        var courses = new List<string>();
        foreach (var (slug, slugLine) in fields.TextList("courses"))
        {
            if (SlugPattern().IsMatch(slug)) courses.Add(slug);
            else yamlLog.Add(slugLine, "SlugInvalid", slug);
        }
        var sections = Sections(fields, yamlLog);
        fields.ReportUnknown();

        if (kind == PrintableKind.Card)
            foreach (var missing in CardSections.Where(key => sections.All(s => s.Key != key)))
                yamlLog.Add(fields.LineOfKey("sections") ?? fields.Line, "PrintableCardSectionMissing", missing, string.Join(", ", CardSections));

        if (log.Count > before || kind is null || version is null || title is null) return null;
        return new PrintableDefinition(file, ContentHash.Of(text), kind.Value, line, version.Value, title, subtitle, courses, sections);
    }

    private static LineOfWork? LineOfWorkOf(YamlFields fields)
    {
        if (fields.Text("lineOfWork") is not { } name) return null;
        if (Enum.TryParse<LineOfWork>(name, ignoreCase: false, out var line) && Enum.IsDefined(line)) return line;
        fields.Report("lineOfWork", "UnknownLineOfWork", name);
        return null;
    }

    private static List<PrintableSection> Sections(YamlFields fields, ProblemLog log)
    {
        var nodes = fields.Sequence("sections", required: true);
        if (nodes.Count == 0 && fields.LineOfKey("sections") is not null) fields.Report("sections", "Required", "sections");
        if (nodes.Count > MaxSections) fields.Report("sections", "PrintableTooMany", "sections", MaxSections.ToString(CultureInfo.InvariantCulture));
        var sections = new List<PrintableSection>();
        foreach (var node in nodes)
        {
            if (YamlFields.Of(node, log, "sections") is not { } section) continue;
            var key = section.Text("key");
            if (key is not null && !SlugPattern().IsMatch(key)) section.Report("key", "SlugInvalid", key);
            else if (key is not null && sections.Any(s => s.Key == key)) section.Report("key", "PrintableSectionDuplicate", key);
            var heading = Limited(section, "heading", section.Localized("heading"), MaxTitleLength);
            var style = section.Text("style", required: false) switch
            {
                null or "list" => PrintableStyle.List,
                "words" => PrintableStyle.Words,
                var other => Refuse<PrintableStyle>(section, "style", "PrintableStyleInvalid", other) ?? PrintableStyle.List,
            };
            var items = Items(section, log);
            section.ReportUnknown();
            if (key is not null && heading is not null) sections.Add(new PrintableSection(key, heading, style, items));
        }
        return sections;
    }

    private static List<LocalizedText> Items(YamlFields section, ProblemLog log)
    {
        var nodes = section.Sequence("items", required: true);
        if (nodes.Count == 0 && section.LineOfKey("items") is not null) section.Report("items", "Required", "items");
        if (nodes.Count > MaxItems) section.Report("items", "PrintableTooMany", "items", MaxItems.ToString(CultureInfo.InvariantCulture));
        var items = new List<LocalizedText>();
        foreach (var node in nodes)
        {
            if (YamlFields.Of(node, log, "items") is not { } item) continue;
            var zh = item.Text("zh-CN");
            var en = item.Text("en");
            item.ReportUnknown();
            if (zh is null || en is null) continue;
            if (Math.Max(zh.Length, en.Length) > MaxItemLength)
                log.Add(YamlFields.LineOf(node), "PrintableTextTooLong", MaxItemLength.ToString(CultureInfo.InvariantCulture));
            else items.Add(new LocalizedText(zh, en));
        }
        return items;
    }

    private static LocalizedText? Limited(YamlFields fields, string key, LocalizedText? text, int limit)
    {
        if (text is null || Math.Max(text.Zh.Length, text.En.Length) <= limit) return text;
        fields.Report(key, "PrintableTextTooLong", limit.ToString(CultureInfo.InvariantCulture));
        return null;
    }

    private static T? Refuse<T>(YamlFields fields, string key, string code, string value) where T : struct
    {
        fields.Report(key, code, value);
        return null;
    }

    private static PrintableKind? Refuse(YamlFields fields, string key, string code, string value) => Refuse<PrintableKind>(fields, key, code, value);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
