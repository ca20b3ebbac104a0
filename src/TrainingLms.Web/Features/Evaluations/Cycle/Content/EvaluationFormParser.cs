using System.Text.Json;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Web.Features.Courses.Content;
using YamlDotNet.RepresentationModel;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Features.Evaluations.Cycle.Content;

/// <summary>A form file read into an unsaved revision.</summary>
public sealed record ParsedEvaluationForm(string Slug, EvaluationFormRevision Revision, string RevisionHash) : IParsedItem<EvaluationFormRevision>;

/// <summary>
/// Reads one form under content/evaluations (format in content/README.md) with the courses' YAML reader: problems by
/// file and line, unknown fields included. The Markdown body is a note for authors and is not published.
/// </summary>
public static class EvaluationFormParser
{
    public const int MaxCriteria = 20;

    public static ParsedEvaluationForm? Parse(string text, ProblemLog log)
    {
        var before = log.Count;
        if (FrontMatter.Split(text, log) is not { } file) return null;
        var yamlLog = log.Section(FrontMatter.YamlLineOffset);
        if (YamlFields.Load(file.Yaml, yamlLog) is not { } fields) return null;

        var slug = fields.Text("slug");
        if (slug is not null && !Slugs.IsValid(slug)) fields.Report("slug", "SlugInvalid", slug);
        var version = fields.Number("version", 1, 100_000);
        var subject = Word(fields, "subject", EvaluationFormFormat.Subjects, "EvaluationSubjectInvalid", required: true);
        var title = fields.Localized("title");
        var summary = fields.Localized("summary");
        var criteria = Criteria(fields, yamlLog);
        fields.ReportUnknown();

        if (log.Count > before || slug is null || version is null || subject is null || title is null || summary is null || criteria is null) return null;
        var revision = new EvaluationFormRevision
        {
            Version = version.Value,
            Subject = subject.Value,
            Title = title,
            Summary = summary,
            Criteria = criteria,
        };
        return new ParsedEvaluationForm(slug, revision, RevisionHash(revision));
    }

    /// <summary>A hash of everything the form says: equal hashes mean nothing changed.</summary>
    public static string RevisionHash(EvaluationFormRevision revision) => ContentHash.Of(JsonSerializer.Serialize(new
    {
        revision.Version, revision.Subject, revision.Title, revision.Summary, revision.Criteria,
    }));

    private static List<EvaluationCriterion>? Criteria(YamlFields fields, ProblemLog log)
    {
        var before = log.Count;
        var nodes = fields.Sequence("criteria", required: true);
        if (nodes.Count == 0 && log.Count == before) fields.Report("criteria", "NoCriteria");
        if (nodes.Count > MaxCriteria) fields.Report("criteria", "TooManyCriteria", MaxCriteria.ToString());
        var read = nodes.Select(node => Criterion(node, log)).ToList();
        if (log.Count > before) return null;
        var criteria = read.OfType<EvaluationCriterion>().ToList();
        foreach (var key in criteria.GroupBy(c => c.Key).Where(g => g.Count() > 1).Select(g => g.Key))
            log.Add(YamlFields.LineOf(nodes[criteria.FindLastIndex(c => c.Key == key)]), "DuplicateCriterion", key);
        if (criteria.Sum(c => c.Weight) == 0) fields.Report("criteria", "NoWeight");
        return log.Count > before ? null : criteria;
    }

    private static EvaluationCriterion? Criterion(YamlNode node, ProblemLog log)
    {
        var before = log.Count;
        if (YamlFields.Of(node, log, "criteria") is not { } fields) return null;
        var key = fields.Text("key");
        if (key is not null && !Slugs.IsValid(key)) fields.Report("key", "CriterionKeyInvalid", key);
        var title = fields.Localized("title");
        var standard = fields.Localized("standard");
        var scaleText = fields.Text("scale");
        var max = EvaluationFormFormat.ParseScale(scaleText);
        if (scaleText is not null && max is null) fields.Report("scale", "EvaluationScaleInvalid", scaleText, EvaluationCriterion.MaxPoints.ToString());
        var weight = fields.Number("weight", 0, 100);
        var source = Word(fields, "source", EvaluationFormFormat.Sources, "EvaluationSourceInvalid", required: false) ?? CriterionSource.Scored;
        fields.ReportUnknown();
        if (log.Count > before || key is null || title is null || standard is null || max is null || weight is null) return null;
        return new EvaluationCriterion(key, title, standard, max.Value, weight.Value, source);
    }

    /// <summary>One of a fixed set of words; a wrong one is reported with the words allowed.</summary>
    private static T? Word<T>(YamlFields fields, string key, IReadOnlyDictionary<string, T> words, string code, bool required) where T : struct
    {
        var text = fields.Text(key, required);
        if (text is null) return null;
        if (words.TryGetValue(text, out var value)) return value;
        fields.Report(key, code, text, string.Join(", ", words.Keys));
        return null;
    }
}
