using System.Text.Json;
using System.Text.RegularExpressions;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Drills;
using TrainingLms.Web.Features.Courses.Content;
using YamlDotNet.RepresentationModel;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Features.Drills.Content;

/// <summary>A rubric file read into an unsaved revision, or the problems that keep it from being published.</summary>
public sealed record ParsedDrill(string Slug, DrillRevision Revision, string RevisionHash) : IParsedItem<DrillRevision>;

/// <summary>
/// Reads one rubric under content/drills (format in content/README.md) with the courses' YAML reader, so problems
/// are reported the same way: by file and line, unknown fields included.
/// </summary>
public static partial class DrillFileParser
{
    public const int MaxCriteria = 30;

    public static ParsedDrill? Parse(string chineseText, ProblemLog log, string? englishText = null, ProblemLog? englishLog = null)
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
        var passMark = fields.Number("passMark", 1, 100);
        var validity = fields.Number("validityMonths", 1, 120);
        var retake = fields.Number("retakeAfterDays", 0, 365);
        var criteria = ReadCriteria(fields, yamlLog, passMark);
        fields.ReportUnknown();

        var briefing = Tidy(file.Body);
        CheckBriefing(briefing, log.Section(file.BodyLineOffset));
        var english = englishText is null ? "" : Tidy(FrontMatter.Normalise(englishText));
        if (englishLog is not null) CheckBriefing(english, englishLog);

        if (log.Count > before || slug is null || version is null || title is null || summary is null
            || passMark is null || validity is null || retake is null || criteria is null) return null;
        var revision = new DrillRevision
        {
            Version = version.Value,
            Title = title,
            Summary = summary,
            Briefing = new LocalizedText(briefing, english),
            PassMark = passMark.Value,
            ValidityMonths = validity.Value,
            RetakeWaitDays = retake.Value,
            Criteria = criteria,
        };
        return new ParsedDrill(slug, revision, RevisionHash(revision));
    }

    /// <summary>A hash of everything the rubric says: equal hashes mean nothing changed.</summary>
    public static string RevisionHash(DrillRevision revision) => ContentHash.Of(JsonSerializer.Serialize(new
    {
        revision.Version, revision.Title, revision.Summary, revision.Briefing, revision.PassMark,
        revision.ValidityMonths, revision.RetakeWaitDays, revision.Criteria,
    }));

    private static List<DrillCriterion>? ReadCriteria(YamlFields fields, ProblemLog log, int? passMark)
    {
        var before = log.Count;
        var nodes = fields.Sequence("criteria", required: true);
        if (nodes.Count == 0 && log.Count == before) fields.Report("criteria", "NoCriteria");
        if (nodes.Count > MaxCriteria) fields.Report("criteria", "TooManyCriteria", MaxCriteria.ToString());
        var criteria = nodes.Select(node => ReadCriterion(node, log)).ToList();
        if (log.Count > before) return null;
        var read = criteria.OfType<DrillCriterion>().ToList();
        foreach (var duplicate in read.GroupBy(c => c.Key).Where(g => g.Count() > 1))
            log.Add(YamlFields.LineOf(nodes[criteria.LastIndexOf(duplicate.Last())]), "DuplicateCriterion", duplicate.Key);
        if (read.Sum(c => c.Weight) == 0) fields.Report("criteria", "NoWeight");
        if (log.Count > before) return null;
        foreach (var minimum in read.Where(c => c.Minimum && DrillScoring.PassMarkReachableWithout(read, passMark ?? 100, c)))
            log.Warn(YamlFields.LineOf(nodes[criteria.IndexOf(minimum)]), "MinimumOutweighed", minimum.Key);
        return read;
    }

    private static DrillCriterion? ReadCriterion(YamlNode node, ProblemLog log)
    {
        var before = log.Count;
        if (YamlFields.Of(node, log, "criteria") is not { } criterion) return null;
        var key = criterion.Text("key");
        if (key is not null && !Slugs.IsValid(key)) criterion.Report("key", "CriterionKeyInvalid", key);
        var title = criterion.Localized("title");
        var standard = criterion.Localized("standard");
        var scaleText = criterion.Text("scale");
        var scale = scaleText is null ? null : ReadScale(scaleText);
        if (scaleText is not null && scale is null) criterion.Report("scale", "ScaleInvalid", scaleText, CriterionScale.MaxPoints.ToString());
        var weight = criterion.Number("weight", 0, 100);
        var mustPass = criterion.Flag("mustPass") ?? false;
        var passAt = criterion.Number("passAt", 1, CriterionScale.MaxPoints, required: false);
        var minimum = criterion.Flag("minimum") ?? false;
        criterion.ReportUnknown();
        // The minimum actions of every post are what a pass certifies: a rubric that lets a candidate pass without one is refused.
        if (minimum && !mustPass) criterion.Report("minimum", "MinimumNotMustPass", key ?? "");

        if (scale is not null)
        {
            var pointsMustPass = mustPass && scale.Kind == ScaleKind.Points;
            if (passAt is not null && !pointsMustPass) criterion.Report("passAt", "PassAtNotApplicable");
            else if (pointsMustPass && passAt is null && log.Count == before) log.Add(criterion.Line, "PassAtRequired");
            else if (passAt > scale.Max) criterion.Report("passAt", "PassAtAboveScale", passAt.Value.ToString(), scale.Max.ToString());
        }
        if (log.Count > before || key is null || title is null || standard is null || scale is null || weight is null) return null;
        return new DrillCriterion(key, title, standard, scale, weight.Value, mustPass, passAt, minimum);
    }

    /// <summary>"pass-fail", or "0-N" for whole points up to <see cref="CriterionScale.MaxPoints"/>.</summary>
    private static CriterionScale? ReadScale(string text)
    {
        if (text == "pass-fail") return CriterionScale.PassFail;
        var match = PointsScale().Match(text);
        return match.Success && int.TryParse(match.Groups[1].Value, out var max) && max is >= 1 and <= CriterionScale.MaxPoints
            ? CriterionScale.Points(max) : null;
    }

    /// <summary>A briefing is plain Markdown for the trainer: no quiz or clip blocks and no pictures (a drill has no media folder).</summary>
    private static void CheckBriefing(string markdown, ProblemLog log)
    {
        if (ContentMarkdown.TryParse(markdown) is not { } document)
        {
            log.Add(0, "MarkdownTooDeep");
            return;
        }
        foreach (var block in ContentMarkdown.SpecialBlocks(document)) log.Add(block.FenceLine + 1, "BlockInDrill", block.Kind);
        foreach (var (url, line) in ContentMarkdown.Images(document)) log.Add(line + 1, "ImageInDrill", url);
    }

    private static string Tidy(string body) => body.Trim() is { Length: > 0 } text ? text + "\n" : "";

    [GeneratedRegex(@"^0\s*-\s*(\d{1,2})$")]
    private static partial Regex PointsScale();
}
