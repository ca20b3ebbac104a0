using System.Text.RegularExpressions;
using TrainingLms.Web.Features.Content;
using TrainingLms.Web.Features.Courses.Content;

namespace TrainingLms.Web.Tests.Features.Courses.Content;

/// <summary>
/// The practice coverage table in content/README.md is kept honest: every practice the product must carry is listed,
/// and every lesson and question it names exists in the real content.
/// </summary>
public partial class PracticeCoverageTests
{
    /// <summary>The practices of the domain brief, the company's service culture and the on-site work of engineering and greening.</summary>
    private static readonly string[] RequiredPractices =
    [
        "Meet, smile, greet, rise", "The service smile", "Smile-service training DV", "Pre-posting drill assessment",
        "Class-leader pre-job training", "End-of-shift review", "Monthly evaluations, ranked", "Smile Discovery",
        "I Smile, I Act benchmarking", "Learning from benchmark footage", "Quality inspection",
        "Five emphases", "Four beauties", "Keep the post simple", "Three degrees of service", "Everyone", "Four -isations",
        "Service slogans", "Four habits", "Three sounds of reception", "Ten civil words", "Three warmths", "Greeting rules",
        "Courteous language: four haves and four avoids", "Forbidden phrases", "First-inquiry responsibility",
        "The missing organiser case", "Appearance and bearing", "Door-to-door service", "Complaints", "Service timing",
        "Why customers leave: the 1998 survey", "Working in public areas", "Talking with owners while working",
    ];

    private static readonly string ContentRoot = Path.Combine(RepositoryRoot(), "content");

    [Fact]
    public void Table_NamesEveryPractice_OnceEach()
    {
        var practices = ReadTable().Select(row => row.Practice).ToList();

        Assert.Empty(RequiredPractices.Except(practices));
        Assert.Empty(practices.GroupBy(p => p).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void Table_EveryRow_NamesLessonsThatExistAndQuestionsInTheChecksOfTheirCourses()
    {
        var rows = ReadTable();
        var courses = new Dictionary<string, ParsedCourse>();

        Assert.NotEmpty(rows);
        Assert.All(rows, row =>
        {
            Assert.True(row.Lessons.Count > 0, $"{row.Practice}: no lesson named");
            Assert.True(row.QuestionIds.Count > 0, $"{row.Practice}: no question named");
            var rowCourses = new List<ParsedCourse>();
            foreach (var lesson in row.Lessons)
            {
                var match = LessonPath().Match(lesson);
                Assert.True(match.Success, $"{row.Practice}: `{lesson}` is not of the form courses/<slug>/NN-name.md");
                var slug = match.Groups["slug"].Value;
                if (!courses.TryGetValue(slug, out var course)) courses[slug] = course = Parse(slug);
                Assert.True(course.Revision.Lessons.Any(l => l.Key == match.Groups["key"].Value), $"{row.Practice}: course {slug} has no lesson {match.Groups["key"].Value}");
                rowCourses.Add(course);
            }
            var questionIds = rowCourses.SelectMany(c => c.Revision.Lessons).SelectMany(l => l.Quiz?.Questions ?? []).Select(q => q.Id).ToHashSet();
            var missing = row.QuestionIds.Where(id => !questionIds.Contains(id)).ToList();
            Assert.True(missing.Count == 0, $"{row.Practice}: no knowledge check of {string.Join(", ", rowCourses.Select(c => c.Slug).Distinct())} holds {string.Join(", ", missing)}");
        });
    }

    private sealed record CoverageRow(string Practice, IReadOnlyList<string> Lessons, IReadOnlyList<string> QuestionIds);

    private static List<CoverageRow> ReadTable()
    {
        var lines = File.ReadAllLines(Path.Combine(ContentRoot, "README.md"));
        var start = Array.IndexOf(lines, "## Practice coverage");
        Assert.True(start >= 0, "content/README.md has no \"## Practice coverage\" section");
        var tableLines = lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.True(tableLines.Count > 2, "the practice coverage section holds no table");
        Assert.Equal("| practice | lesson(s) | question id(s) |", tableLines[0]);

        return tableLines.Skip(2).Select(line =>
        {
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            Assert.True(cells.Length == 3, $"a coverage row needs three cells: {line}");
            var practice = cells[0].Split(" (", 2)[0];
            return new CoverageRow(practice, Quoted(cells[1]), Quoted(cells[2]));
        }).ToList();
    }

    private static List<string> Quoted(string cell) => [.. Backticked().Matches(cell).Select(m => m.Groups[1].Value)];

    private static ParsedCourse Parse(string slug)
    {
        var problems = new List<ContentProblem>();
        var folder = Path.Combine(ContentRoot, "courses", slug);
        Assert.True(Directory.Exists(folder), $"no course folder content/courses/{slug}");

        var parsed = CourseFolderParser.Parse(folder, ContentRoot, problems);

        Assert.True(problems.Count == 0, $"{slug}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        return parsed!;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"^courses/(?<slug>[a-z0-9-]+)/(?<key>\d\d-[a-z0-9-]+)\.md$")]
    private static partial Regex LessonPath();

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TrainingLms.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds TrainingLms.sln");
    }
}
