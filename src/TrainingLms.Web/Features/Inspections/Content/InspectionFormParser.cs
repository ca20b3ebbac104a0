using System.Text.Json;
using TrainingLms.Domain;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Inspections;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Content;
using TrainingLms.Web.Features.Courses.Content;
using YamlDotNet.RepresentationModel;

namespace TrainingLms.Web.Features.Inspections.Content;

/// <summary>An inspection form file read into an unsaved revision.</summary>
public sealed record ParsedInspectionForm(string Slug, InspectionFormRevision Revision, string RevisionHash) : IParsedItem<InspectionFormRevision>;

/// <summary>
/// Reads one form under content/inspections (format in content/README.md): front matter only — slug, version, title,
/// summary, the line of work (or <c>any</c>) and the items, each a key, a title and a standard in both languages.
/// Problems are reported by file and line like every content file; the Markdown body is not used.
/// </summary>
public static class InspectionFormParser
{
    public const int MaxItems = 40;
    public const string AnyLine = "any";

    public static ParsedInspectionForm? Parse(string chineseText, ProblemLog log, string? englishText = null, ProblemLog? englishLog = null)
    {
        var before = log.Count;
        if (FrontMatter.Split(chineseText, log) is not { } file) return null;
        var yamlLog = log.Section(FrontMatter.YamlLineOffset);
        if (YamlFields.Load(file.Yaml, yamlLog) is not { } fields) return null;

        var slug = fields.Text("slug");
        if (slug is not null && !Slugs.IsValid(slug)) fields.Report("slug", "SlugInvalid", slug);
        var version = fields.Number("version", 1, 100_000);
        var title = fields.Localized("title");
        var summary = fields.Localized("summary");
        var lineText = fields.Text("lineOfWork");
        LineOfWork? line = null;
        if (lineText is not null && lineText != AnyLine)
        {
            line = LinesOfWork.FromName(lineText.Replace("-", ""));
            if (line is null) fields.Report("lineOfWork", "UnknownLineOfWork", lineText);
        }
        var items = ReadItems(fields, yamlLog);
        fields.ReportUnknown();

        if (log.Count > before || slug is null || version is null || title is null || summary is null || lineText is null || items is null) return null;
        var revision = new InspectionFormRevision { Version = version.Value, Title = title, Summary = summary, LineOfWork = line, Items = items };
        return new ParsedInspectionForm(slug, revision, RevisionHash(revision));
    }

    public static string RevisionHash(InspectionFormRevision revision) => ContentHash.Of(JsonSerializer.Serialize(new
    {
        revision.Version, revision.Title, revision.Summary, revision.LineOfWork, revision.Items,
    }));

    private static List<InspectionItem>? ReadItems(YamlFields fields, ProblemLog log)
    {
        var before = log.Count;
        var nodes = fields.Sequence("items", required: true);
        if (nodes.Count == 0 && log.Count == before) fields.Report("items", "NoInspectionItems");
        if (nodes.Count > MaxItems) fields.Report("items", "TooManyInspectionItems", MaxItems.ToString());
        var items = nodes.Select(node => ReadItem(node, log)).ToList();
        if (log.Count > before) return null;
        var read = items.OfType<InspectionItem>().ToList();
        foreach (var duplicate in read.GroupBy(i => i.Key).Where(g => g.Count() > 1))
            log.Add(YamlFields.LineOf(nodes[items.LastIndexOf(duplicate.Last())]), "DuplicateInspectionItem", duplicate.Key);
        return log.Count > before ? null : read;
    }

    private static InspectionItem? ReadItem(YamlNode node, ProblemLog log)
    {
        var before = log.Count;
        if (YamlFields.Of(node, log, "items") is not { } item) return null;
        var key = item.Text("key");
        if (key is not null && !Slugs.IsValid(key)) item.Report("key", "InspectionItemKeyInvalid", key);
        var title = item.Localized("title");
        var standard = item.Localized("standard");
        item.ReportUnknown();
        if (log.Count > before || key is null || title is null || standard is null) return null;
        return new InspectionItem(key, title, standard);
    }
}
