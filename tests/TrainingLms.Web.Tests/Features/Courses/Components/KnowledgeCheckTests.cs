using AngleSharp.Dom;
using Bunit;
using TrainingLms.Domain.Courses;
using TrainingLms.Web.Features.Courses.Checks;
using TrainingLms.Web.Features.Courses.Components;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Tests.Features.Courses.Components;

public class KnowledgeCheckTests : LocalizedContext
{
    private static readonly Quiz Quiz = new(PassMark: 60,
    [
        new QuizQuestion(QuestionType.Single, new LocalizedText("目光相遇时？", "When eyes meet?"),
        [
            new QuizOption(new LocalizedText("微笑点头", "Smile and nod"), Correct: true, new LocalizedText("这是标准动作。", "That is the standard action.")),
            new QuizOption(new LocalizedText("转身离开", "Walk away"), Correct: false, new LocalizedText("显得冷淡。", "It comes across as cold.")),
            new QuizOption(new LocalizedText("等业主先开口", "Wait for the owner"), Correct: false, new LocalizedText("应当主动。", "Take the initiative.")),
        ], Id: "eyes-meet"),
        new QuizQuestion(QuestionType.Multiple, new LocalizedText("文明用语有哪些？", "Which are civil words?"),
        [
            new QuizOption(new LocalizedText("你好", "Hello"), Correct: true, new LocalizedText("是文明用语。", "A civil word.")),
            new QuizOption(new LocalizedText("谢谢", "Thank you"), Correct: true, new LocalizedText("是文明用语。", "A civil word.")),
            new QuizOption(new LocalizedText("不知道", "No idea"), Correct: false, new LocalizedText("是禁用语。", "A forbidden phrase.")),
            new QuizOption(new LocalizedText("我们不管", "Not our business"), Correct: false, new LocalizedText("是禁用语。", "A forbidden phrase.")),
        ], Id: "civil-words"),
        new QuizQuestion(QuestionType.TrueFalse, new LocalizedText("微笑时应露出牙齿。", "A service smile shows the teeth."),
        [
            new QuizOption(new LocalizedText("正确", "True"), Correct: false, new LocalizedText("标准的微笑不露齿。", "The standard smile does not show the teeth.")),
            new QuizOption(new LocalizedText("错误", "False"), Correct: true, new LocalizedText("标准的微笑不露齿。", "The standard smile does not show the teeth.")),
        ], Id: "teeth"),
    ], Draw: 2);

    /// <summary>An attempt as stored: the true/false statement first, then the civil words with their options turned round.</summary>
    private static readonly List<ShownQuestion> Shown = [new(2, [0, 1]), new(1, [3, 1, 0, 2])];

    private IRenderedComponent<QuizPaper> RenderPaper(IReadOnlyList<IReadOnlyCollection<int>>? answers = null, QuizReveal? reveal = null) =>
        Render<QuizPaper>(p => p
            .Add(c => c.Quiz, Quiz)
            .Add(c => c.Shown, Shown)
            .Add(c => c.Answers, answers)
            .Add(c => c.Reveal, reveal));

    private static string[] Inputs(IElement question) =>
        question.QuerySelectorAll("input").Select(i => $"{i.GetAttribute("type")} {i.GetAttribute("name")}={i.GetAttribute("value")}").ToArray();

    [Fact]
    public void QuizPaper_StoredOrder_RenderedExactlyAsShown_InputsCarryPositionsOnly()
    {
        UseCulture("zh-CN");

        var cut = RenderPaper();

        var questions = cut.FindAll("fieldset.quiz-question");
        Assert.Equal(["teeth", "civil-words"], questions.Select(q => q.GetAttribute("data-question")));
        Assert.Equal(["1. 微笑时应露出牙齿。", "2. 文明用语有哪些？(多选)"], questions.Select(q => Text(q.QuerySelector("legend")!)));
        Assert.Equal(["正确", "错误", "我们不管", "谢谢", "你好", "不知道"], cut.FindAll("label.form-check-label").Select(Text));
        Assert.Equal(["radio q0=0", "radio q0=1"], Inputs(questions[0]));
        Assert.Equal(["checkbox q1=0", "checkbox q1=1", "checkbox q1=2", "checkbox q1=3"], Inputs(questions[1]));
        Assert.Empty(cut.FindAll(".quiz-feedback, legend .badge, input[checked], fieldset[disabled]"));
    }

    [Fact]
    public void QuizPaper_FailedAttemptWrongOnly_MarksQuestionsAndChoices_NeverTheKey()
    {
        UseCulture("zh-CN");

        // "False" is right; of the civil words only 你好 was ticked, which is wrong as a whole.
        var cut = RenderPaper([[1], [0]], QuizReveal.WhichWrong);

        Assert.Equal(["答对", "答错"], cut.FindAll("legend .badge").Select(Text));
        Assert.Equal(["错误", "你好"], cut.FindAll("input[checked]").Select(i => Text(cut.Find($"label[for={i.Id}]"))));
        Assert.Empty(cut.FindAll(".quiz-feedback"));
        Assert.Equal(2, cut.FindAll("fieldset[disabled]").Count);
    }

    [Fact]
    public void QuizPaper_Everything_EveryOptionMarkedWithItsExplanation_TrueFalseExplainedOnce()
    {
        UseCulture("en-US");

        var cut = RenderPaper([[1], [1, 0]], QuizReveal.Everything);

        Assert.Equal(["right", "right"], cut.FindAll("legend .badge").Select(Text));
        Assert.Equal(
            [
                "✓ Right: The standard smile does not show the teeth.",
                "✗ Not right: A forbidden phrase.",
                "✓ Right: A civil word.",
                "✓ Right: A civil word.",
                "✗ Not right: A forbidden phrase.",
            ],
            cut.FindAll(".quiz-feedback").Select(Text));
    }

    private static QuizAttempt Attempt(bool passed, int score, DateTime? finished) => new()
    {
        Id = 7, PersonId = "p", LessonKey = "05-review", Shown = Shown, Answers = finished is null ? [] : [[0], [0, 1]], ScorePercent = score, Passed = passed,
        StartedAtUtc = new DateTime(2026, 12, 6, 1, 0, 0, DateTimeKind.Utc), FinishedAtUtc = finished,
    };

    private IRenderedComponent<KnowledgeCheckPanel> RenderPanel(CheckStanding standing) =>
        Render<KnowledgeCheckPanel>(p => p
            .Add(c => c.Check, new CurrentCheck(1, "course", 1, new LessonRevision { Key = "05-review", Title = new("复习", "Review"), BodyZh = "", ContentHash = "" }, Quiz))
            .Add(c => c.Standing, standing)
            .Add(c => c.TimeZoneId, "Asia/Shanghai"));

    [Fact]
    public void Panel_OpenAttempt_FormWithTheAttemptAndItsQuestions()
    {
        UseCulture("zh-CN");

        var cut = RenderPanel(new CheckStanding(new QuizAttemptState(false, 2, null), new AttemptPaper(Attempt(false, 0, null), Quiz), null, QuizReveal.WhichWrong, 1));

        Assert.Equal("7", cut.Find("form[data-attempt]").GetAttribute("data-attempt"));
        Assert.Equal("7", cut.Find("input[name=attempt]").GetAttribute("value"));
        Assert.Equal("每次从 3 道题中随机抽 2 道，题目和选项顺序每次都不同；答对 60% 即通过。每轮有 3 次机会，用完后，最后一次作答 12 小时后开始新一轮。",
            Text(cut.Find("#knowledge-check > p.text-muted")));
        Assert.Equal(2, cut.FindAll("form[data-attempt] fieldset.quiz-question").Count);
    }

    [Fact]
    public void Panel_WindowSpent_ReviewOfTheLastAttemptAndWhenTheNextOpens_NoStartButton()
    {
        UseCulture("en-US");
        var finished = new DateTime(2026, 12, 6, 2, 0, 0, DateTimeKind.Utc);

        var cut = RenderPanel(new CheckStanding(new QuizAttemptState(false, 0, finished.AddHours(12)), null,
            new AttemptPaper(Attempt(false, 50, finished), Quiz), QuizReveal.Everything, 3));

        Assert.StartsWith("You scored 50%; 60% is needed.", Text(cut.Find(".alert-warning")));
        Assert.NotEmpty(cut.FindAll(".quiz-review .quiz-feedback"));
        Assert.Empty(cut.FindAll("form button"));
        Assert.All(cut.FindAll("fieldset.quiz-question"), f => Assert.True(f.HasAttribute("disabled")));
        Assert.Contains("The next round opens 12/6/2026 10:00", Squash(cut.Find(".alert-secondary").TextContent));
    }
}
