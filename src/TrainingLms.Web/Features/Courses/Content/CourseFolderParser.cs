using System.Text.Json;
using System.Text.RegularExpressions;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Organisation;
using YamlDotNet.RepresentationModel;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Features.Courses.Content;

/// <summary>A course folder read into an unsaved revision, or the problems that keep it from being published.</summary>
public sealed record ParsedCourse(string Slug, CourseRevision Revision, string RevisionHash);

/// <summary>Reads one folder under content/courses (format in content/README.md).</summary>
public static partial class CourseFolderParser
{
    public const string CourseFile = "course.md";
    public const string EnglishCourseFile = "course.en.md";

    /// <param name="displayRoot">The folder that problem file names are relative to (the content folder).</param>
    public static ParsedCourse? Parse(string folder, string displayRoot, List<ContentProblem> problems)
    {
        var before = problems.Count;
        ProblemLog LogFor(string fileName) => new(Path.GetRelativePath(displayRoot, Path.Combine(folder, fileName)).Replace('\\', '/'), problems);

        var courseLog = LogFor(CourseFile);
        var coursePath = Path.Combine(folder, CourseFile);
        if (!File.Exists(coursePath))
        {
            courseLog.Add(0, "CourseFileMissing");
            return null;
        }
        var revision = ReadCourseFile(File.ReadAllText(coursePath), courseLog, folder, out var slug);
        var englishIntro = Path.Combine(folder, EnglishCourseFile);
        if (revision is not null && File.Exists(englishIntro))
        {
            var english = FrontMatter.Normalise(File.ReadAllText(englishIntro));
            LessonFileParser.Body.Read(english, LogFor(EnglishCourseFile), folder, quizAllowed: false, IntroductionQuiz);
            revision.Introduction = revision.Introduction with { En = english.Trim() };
        }

        var lessons = ReadLessons(folder, LogFor);
        if (lessons.Count == 0 && problems.Count == before) courseLog.Add(0, "NoLessons");
        if (problems.Count > before || revision is null || slug is null) return null;

        revision.Lessons = lessons;
        return new ParsedCourse(slug, revision, RevisionHash(revision));
    }

    /// <summary>
    /// The line of a field in the front matter of a folder's course.md (e.g. <c>slug</c> or <c>version</c>), for a problem
    /// found after parsing (a slug two folders share, a lowered version); 0 when the file or the field cannot be read.
    /// </summary>
    public static int FieldLine(string folder, string field)
    {
        var path = Path.Combine(folder, CourseFile);
        if (!File.Exists(path)) return 0;
        var ignored = new ProblemLog(CourseFile, []);
        if (FrontMatter.Split(File.ReadAllText(path), ignored) is not { } file) return 0;
        return YamlFields.Load(file.Yaml, ignored)?.LineOfKey(field) is { } line ? line + FrontMatter.YamlLineOffset : 0;
    }

    /// <summary>A hash of everything learners see in a revision: equal hashes mean nothing changed.</summary>
    public static string RevisionHash(CourseRevision revision) => ContentHash.Of(JsonSerializer.Serialize(new
    {
        revision.Version, revision.Title, revision.Summary, revision.Introduction, revision.Audience,
        revision.CountsTowardClearance, revision.DueDays, revision.EstimatedMinutes,
        Lessons = revision.Lessons.OrderBy(l => l.Order).Select(l => new { l.Key, l.Order, l.ContentHash }),
    }));

    private const string IntroductionQuiz = "QuizInIntroduction";

    private static CourseRevision? ReadCourseFile(string text, ProblemLog log, string folder, out string? slug)
    {
        slug = null;
        var before = log.Count;
        if (FrontMatter.Split(text, log) is not { } file) return null;
        if (YamlFields.Load(file.Yaml, log.Section(FrontMatter.YamlLineOffset)) is not { } fields) return null;

        slug = fields.Text("slug");
        if (slug is not null && !Slugs.IsValid(slug)) fields.Report("slug", "SlugInvalid", slug);
        var version = fields.Number("version", 1, 100_000);
        var title = fields.Localized("title");
        var summary = fields.Localized("summary");
        var audience = fields.Sequence("audience", required: false).Select(node => ReadRule(node, log.Section(FrontMatter.YamlLineOffset))).ToList();
        var clearance = fields.Flag("clearance") ?? false;
        var dueDays = fields.Number("dueDays", 1, 365);
        var minutes = fields.Number("estimatedMinutes", 1, 10_000);
        fields.ReportUnknown();
        // The introduction is shown like a lesson: its pictures and clip blocks are checked the same way.
        LessonFileParser.Body.Read(file.Body, log.Section(file.BodyLineOffset), folder, quizAllowed: false, IntroductionQuiz);

        if (log.Count > before || version is null || title is null || summary is null || dueDays is null || minutes is null) return null;
        return new CourseRevision
        {
            Version = version.Value,
            Title = title,
            Summary = summary,
            Introduction = new LocalizedText(file.Body.Trim(), ""),
            Audience = audience.OfType<AudienceRule>().ToList(),
            CountsTowardClearance = clearance,
            DueDays = dueDays.Value,
            EstimatedMinutes = minutes.Value,
            Source = RevisionSource.Content,
        };
    }

    private static AudienceRule? ReadRule(YamlNode node, ProblemLog log)
    {
        if (YamlFields.Of(node, log, "audience") is not { } rule) return null;
        var before = log.Count;
        var everyone = rule.Flag("everyone") ?? false;
        var roles = new List<string>();
        foreach (var (name, at) in rule.TextList("roles"))
        {
            if (Roles.FromName(name) is { } role) roles.Add(role);
            else log.Add(at, "UnknownRole", name);
        }
        var lines = new List<LineOfWork>();
        foreach (var (name, at) in rule.TextList("linesOfWork"))
        {
            if (LinesOfWork.FromName(name) is { } line) lines.Add(line);
            else log.Add(at, "UnknownLineOfWork", name);
        }
        var customerFacing = rule.Flag("customerFacing") ?? false;
        rule.ReportUnknown();
        if (log.Count > before) return null;
        var conditions = roles.Count > 0 || lines.Count > 0 || customerFacing;
        // "everyone" is the one rule a post can be opted out of: narrowing it would make the opt-out mean something else,
        // and an entry naming nothing would reach everyone past the opt-out.
        if (everyone && conditions) rule.Report("everyone", "AudienceEveryoneNarrowed");
        else if (!everyone && !conditions) log.Add(rule.Line, "AudienceRuleEmpty");
        return new AudienceRule(roles, lines, customerFacing, everyone);
    }

    private static List<LessonRevision> ReadLessons(string folder, Func<string, ProblemLog> logFor)
    {
        var chinese = new Dictionary<string, (int Order, string File)>();
        var english = new Dictionary<string, string>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name is CourseFile or EnglishCourseFile) continue;
            var match = LessonFileName().Match(name);
            if (!match.Success)
            {
                logFor(name).Add(0, "LessonFileName");
                continue;
            }
            var key = match.Groups["key"].Value;
            if (match.Groups["en"].Success) english[key] = name;
            else
            {
                var order = int.Parse(match.Groups["number"].Value);
                if (chinese.Values.Any(v => v.Order == order)) logFor(name).Add(0, "DuplicateLessonNumber", order.ToString());
                chinese[key] = (order, name);
            }
        }
        foreach (var orphan in english.Where(e => !chinese.ContainsKey(e.Key)))
            logFor(orphan.Value).Add(0, "EnglishWithoutLesson", orphan.Key + ".md");

        return chinese.OrderBy(c => c.Value.Order)
            .Select(c =>
            {
                var englishFile = english.GetValueOrDefault(c.Key);
                var source = new LessonFileParser.LessonSource(c.Key, c.Value.Order,
                    File.ReadAllText(Path.Combine(folder, c.Value.File)), logFor(c.Value.File),
                    englishFile is null ? null : File.ReadAllText(Path.Combine(folder, englishFile)),
                    englishFile is null ? null : logFor(englishFile));
                return LessonFileParser.Parse(source, folder);
            })
            .OfType<LessonRevision>()
            .ToList();
    }

    [GeneratedRegex(@"^(?<key>(?<number>\d{1,3})-[a-z0-9]+(-[a-z0-9]+)*)(?<en>\.en)?\.md$")]
    private static partial Regex LessonFileName();
}
