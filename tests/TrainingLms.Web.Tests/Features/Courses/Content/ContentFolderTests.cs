using TrainingLms.Domain.Courses;
using TrainingLms.Web.Features.Courses.Content;
using TrainingLms.Web.Features.Content;
using TrainingLms.Web.Features.Courses;

namespace TrainingLms.Web.Tests.Features.Courses.Content;

/// <summary>The real courses in content/courses parse without problems and render.</summary>
public class ContentFolderTests
{
    private static readonly string[] ExpectedSlugs =
        ["meet-smile-greet-rise", "courtesy-language", "first-inquiry-responsibility", "appearance-and-bearing", "service-culture", "engineering-and-greening"];

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
    public void CoursesFolder_Always_HoldsTheSixExpectedCourses()
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
        var renderer = new ContentRenderer([new ClipBlock()]);

        Assert.False(string.IsNullOrWhiteSpace(renderer.RenderHtml(parsed.Revision.Introduction.Zh, CourseMedia.Of(parsed.Slug))));
        Assert.False(string.IsNullOrWhiteSpace(renderer.RenderHtml(parsed.Revision.Introduction.En, CourseMedia.Of(parsed.Slug))));
        Assert.All(parsed.Revision.Lessons, lesson =>
        {
            Assert.False(string.IsNullOrWhiteSpace(renderer.RenderHtml(lesson.BodyZh, CourseMedia.Of(parsed.Slug))), $"{lesson.Key} (zh) renders empty");
            Assert.False(string.IsNullOrWhiteSpace(renderer.RenderHtml(lesson.BodyEn!, CourseMedia.Of(parsed.Slug))), $"{lesson.Key} (en) renders empty");
        });
    }

    /// <summary>A pass must mean something: what a learner answering by position, or remembering a retake, could exploit is ruled out.</summary>
    [Theory]
    [MemberData(nameof(CourseFolders))]
    public void Checks_RealCourse_PoolsDrawnAndPositionProof(string folderName)
    {
        var checks = Parse(folderName).Revision.Lessons.Where(l => l.Quiz is not null).Select(l => (l.Key, Quiz: l.Quiz!)).ToList();

        Assert.NotEmpty(checks);
        Assert.All(checks, check =>
        {
            var (key, quiz) = check;
            Assert.True(quiz.Draw is not null && quiz.Questions.Count >= 2 * quiz.Draw,
                $"{key}: the pool of {quiz.Questions.Count} must hold at least twice the draw ({quiz.Draw}), so a retake sees other questions");
            Assert.True(quiz.Questions.All(q => q.Id is not null), $"{key}: every question needs an id, which ties answers and item analysis to it");
            Assert.False(PositionalGuessing.CanPass(quiz), $"{key}: answering by position could reach the pass mark");
            Assert.All(quiz.Questions.Where(q => q.Type == QuestionType.Multiple), q =>
                Assert.True(PositionalGuessing.DefeatsPosition(q), $"{key}/{q.Id}: a multiple-choice question needs at least two right and two wrong options"));
        });
    }

    /// <summary>A printed or exported check has no shuffle: its keys must not sit where a guesser would look.</summary>
    [Theory]
    [MemberData(nameof(CourseFolders))]
    public void Checks_RealCourse_KeysSpreadAcrossPositionsInTheFiles(string folderName)
    {
        var questions = Parse(folderName).Revision.Lessons.SelectMany(l => l.Quiz?.Questions ?? []).ToList();
        var singleKeys = questions.Where(q => q.Type == QuestionType.Single).Select(q => q.Options.ToList().FindIndex(o => o.Correct)).ToList();
        var trueFalse = questions.Where(q => q.Type == QuestionType.TrueFalse).Select(q => q.Options[0].Correct).ToList();

        var crowded = singleKeys.GroupBy(k => k).Where(g => g.Count() > 0.4 * singleKeys.Count).Select(g => $"option {g.Key + 1}: {g.Count()} of {singleKeys.Count}");
        Assert.Empty(crowded);
        Assert.True(trueFalse.Count(t => t) * 3 >= trueFalse.Count && trueFalse.Count(t => !t) * 3 >= trueFalse.Count,
            $"true/false answers are lopsided: {trueFalse.Count(t => t)} true, {trueFalse.Count(t => !t)} false");
        Assert.DoesNotContain(questions, q => q.Type == QuestionType.Multiple
            && q.Options.TakeWhile(o => o.Correct).Count() == q.Options.Count(o => o.Correct));
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
