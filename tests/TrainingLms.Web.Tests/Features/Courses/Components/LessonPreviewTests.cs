using Bunit;
using TrainingLms.Web.Features.Courses.Components;

namespace TrainingLms.Web.Tests.Features.Courses.Components;

/// <summary>The editor's preview: the lesson as learners see it, then its knowledge check as an answer key, or what a save would refuse.</summary>
public class LessonPreviewTests : LessonRendererContext
{
    private IRenderedComponent<LessonPreview> RenderPreview(string markdown, bool quizAllowed = true) =>
        Render<LessonPreview>(p => p
            .Add(c => c.Markdown, markdown)
            .Add(c => c.CourseSlug, "greeting-basics")
            .Add(c => c.CourseFolder, Path.GetTempPath())
            .Add(c => c.QuizAllowed, quizAllowed));

    // Written the long way (one language a line), as the content guide recommends for real lessons.
    private const string Quiz = """
        ```quiz
        passMark: 80
        questions:
          - type: single
            prompt:
              zh-CN: 目光相遇时？
              en: When eyes meet?
            options:
              - text:
                  zh-CN: 微笑点头
                  en: Smile and nod
                correct: true
                explanation:
                  zh-CN: 标准动作
                  en: The standard action
              - text:
                  zh-CN: 转身离开
                  en: Walk away
                explanation:
                  zh-CN: 显得冷淡
                  en: Comes across as cold
          - type: truefalse
            prompt:
              zh-CN: 微笑时应露出牙齿。
              en: A service smile shows the teeth.
            answer: false
            explanation:
              zh-CN: 标准的微笑不露齿
              en: The standard smile does not show the teeth
        ```
        """;

    [Fact]
    public void LessonPreview_TextWithAQuiz_ShowsTheBodyThenTheQuizAsAnAnswerKey()
    {
        UseCulture("zh-CN");

        var cut = RenderPreview("## 复习\n\n要点。\n\n" + Quiz);

        Assert.Equal("复习", Text(cut.Find(".lesson-body h2")));
        var quiz = cut.Find("section.quiz.is-preview");
        Assert.Equal("知识测验", Text(quiz.QuerySelector("h2")!));
        Assert.StartsWith("每次从下面 2 道题中抽 2 道；及格线 80%；", Text(quiz.QuerySelector("p.text-muted")!));
        Assert.Equal(["1. 目光相遇时？", "2. 微笑时应露出牙齿。"], cut.FindAll("fieldset.quiz-question legend").Select(Text));
        // The right options ticked, every explanation shown, nothing that can be changed or sent.
        Assert.Equal(["preview-q0-o0", "preview-q1-o1"], cut.FindAll("input[checked]").Select(i => i.Id));
        // Each option of a choice explained; a true/false statement once, beside its right answer.
        Assert.Equal(3, cut.FindAll(".quiz-feedback").Count);
        Assert.All(cut.FindAll("fieldset.quiz-question"), f => Assert.True(f.HasAttribute("disabled")));
        Assert.Empty(cut.FindAll("form, button, .alert, legend .badge, input[name=__RequestVerificationToken]"));
        Assert.DoesNotContain("correct", cut.Find(".lesson-body").InnerHtml);
    }

    [Fact]
    public void LessonPreview_BrokenQuiz_ListsTheProblemsWithTheirLinesAndNoQuiz()
    {
        UseCulture("en-US");

        // Line 3 opens the quiz; the true/false answer is on the quiz's 25th line, line 28 of the text.
        var cut = RenderPreview("Review.\n\n" + Quiz.Replace("answer: false", "answer: maybe", StringComparison.Ordinal));

        var problems = cut.Find(".preview-problems[role=alert]");
        Assert.Equal("Saving this text would be refused:", Text(problems.QuerySelector("p")!));
        Assert.Equal(["Line 28: \"answer\" must be true or false."], problems.QuerySelectorAll("li").Select(Text));
        Assert.Empty(cut.FindAll(".quiz"));
    }

    [Fact]
    public void LessonPreview_QuizInTheEnglishText_IsAProblemThere()
    {
        UseCulture("en-US");

        var cut = RenderPreview("Review.\n\n" + Quiz, quizAllowed: false);

        Assert.Equal(["Line 3: Write the quiz once, in the Chinese file, with both languages."], cut.FindAll(".preview-problems li").Select(Text));
        Assert.Empty(cut.FindAll(".quiz"));
    }

    [Fact]
    public void LessonPreview_QuizInsideAList_ProblemShown_AnswersNot()
    {
        UseCulture("zh-CN");

        var nested = "- 复习：\n\n" + string.Join("\n", Quiz.Split('\n').Select(line => "  " + line));
        var cut = RenderPreview(nested);

        Assert.StartsWith("第 3 行：", Text(cut.Find(".preview-problems li")));
        Assert.Empty(cut.FindAll(".quiz, pre"));
        Assert.DoesNotContain("correct", cut.Markup);
    }
}
