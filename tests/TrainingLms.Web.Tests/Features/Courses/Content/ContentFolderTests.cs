using TrainingLms.Web.Features.Courses.Content;

namespace TrainingLms.Web.Tests.Features.Courses.Content;

/// <summary>The real courses in content/courses parse without problems and render.</summary>
public class ContentFolderTests
{
    private static readonly string[] ExpectedSlugs =
        ["meet-smile-greet-rise", "courtesy-language", "first-inquiry-responsibility", "appearance-and-bearing"];

    private static readonly string ContentRoot = Path.Combine(RepositoryRoot(), "content");
    private static readonly string CoursesRoot = Path.Combine(ContentRoot, "courses");

    public static TheoryData<string> CourseFolders()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.EnumerateDirectories(CoursesRoot).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(folder));
        return data;
    }

    [Fact]
    public void CoursesFolder_Always_HoldsTheFourExpectedCourses()
    {
        var slugs = Directory.EnumerateDirectories(CoursesRoot).Select(Path.GetFileName).ToList();

        Assert.All(ExpectedSlugs, slug => Assert.Contains(slug, slugs));
    }

    [Theory]
    [MemberData(nameof(CourseFolders))]
    public void Parse_RealCourse_NoProblemsAndComplete(string folderName)
    {
        var parsed = Parse(folderName);

        Assert.Equal(folderName, parsed.Slug);
        var lessons = parsed.Revision.Lessons;
        Assert.True(lessons.Count >= 3, $"{folderName} has {lessons.Count} lessons, at least 3 expected");
        // "A knowledge check of at least 5 questions": one quiz that long, not several short ones adding up.
        var largestQuiz = lessons.Max(l => l.Quiz?.Questions.Count ?? 0);
        Assert.True(largestQuiz >= 5, $"{folderName}'s largest knowledge check has {largestQuiz} questions, at least 5 expected");
        Assert.False(string.IsNullOrWhiteSpace(parsed.Revision.Introduction.Zh), $"{folderName} has no Chinese introduction");
        Assert.False(string.IsNullOrWhiteSpace(parsed.Revision.Introduction.En), $"{folderName} has no English introduction");
        Assert.All(lessons, lesson =>
        {
            Assert.False(string.IsNullOrWhiteSpace(lesson.Title.En), $"{lesson.Key} has no English title");
            Assert.False(string.IsNullOrWhiteSpace(lesson.BodyEn), $"{lesson.Key} has no English body");
        });
    }

    [Theory]
    [MemberData(nameof(CourseFolders))]
    public void Render_EveryLessonInBothLanguages_NonEmptyHtml(string folderName)
    {
        var parsed = Parse(folderName);
        var renderer = new LessonRenderer();

        Assert.False(string.IsNullOrWhiteSpace(renderer.RenderHtml(parsed.Revision.Introduction.Zh, parsed.Slug)));
        Assert.False(string.IsNullOrWhiteSpace(renderer.RenderHtml(parsed.Revision.Introduction.En, parsed.Slug)));
        Assert.All(parsed.Revision.Lessons, lesson =>
        {
            Assert.False(string.IsNullOrWhiteSpace(renderer.RenderHtml(lesson.BodyZh, parsed.Slug)), $"{lesson.Key} (zh) renders empty");
            Assert.False(string.IsNullOrWhiteSpace(renderer.RenderHtml(lesson.BodyEn!, parsed.Slug)), $"{lesson.Key} (en) renders empty");
        });
    }

    private static ParsedCourse Parse(string folderName)
    {
        var problems = new List<ContentProblem>();

        var parsed = CourseFolderParser.Parse(Path.Combine(CoursesRoot, folderName), ContentRoot, problems);

        Assert.True(problems.Count == 0, $"{folderName}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        Assert.NotNull(parsed);
        return parsed;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TrainingLms.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds TrainingLms.sln");
    }
}
