using AngleSharp.Dom;
using Bunit;
using TrainingLms.Domain.Courses;
using TrainingLms.Web.Features.Courses.Components;

namespace TrainingLms.Web.Tests.Features.Courses.Components;

public class QuizFormTests : LocalizedContext
{
    private static readonly Quiz Quiz = new(PassMark: 60,
    [
        new QuizQuestion(QuestionType.Single, new LocalizedText("目光相遇时？", "When eyes meet?"),
        [
            new QuizOption(new LocalizedText("微笑点头", "Smile and nod"), Correct: true, new LocalizedText("这是标准动作。", "That is the standard action.")),
            new QuizOption(new LocalizedText("转身离开", "Walk away"), Correct: false, new LocalizedText("显得冷淡。", "It comes across as cold.")),
        ]),
        new QuizQuestion(QuestionType.Multiple, new LocalizedText("文明用语有哪些？", "Which are civil words?"),
        [
            new QuizOption(new LocalizedText("你好", "Hello"), Correct: true, new LocalizedText("是文明用语。", "A civil word.")),
            new QuizOption(new LocalizedText("谢谢", "Thank you"), Correct: true, new LocalizedText("是文明用语。", "A civil word.")),
            new QuizOption(new LocalizedText("不知道", "No idea"), Correct: false, new LocalizedText("是禁用语。", "A forbidden phrase.")),
        ]),
        new QuizQuestion(QuestionType.TrueFalse, new LocalizedText("微笑时应露出牙齿。", "A service smile shows the teeth."),
        [
            new QuizOption(new LocalizedText("正确", "True"), Correct: false, new LocalizedText("标准的微笑不露齿。", "The standard smile does not show the teeth.")),
            new QuizOption(new LocalizedText("错误", "False"), Correct: true, new LocalizedText("标准的微笑不露齿。", "The standard smile does not show the teeth.")),
        ]),
    ]);

    private static IReadOnlySet<int> Chose(params int[] options) => options.ToHashSet();

    private IRenderedComponent<QuizForm> RenderQuiz(IReadOnlyList<IReadOnlySet<int>>? answers = null) =>
        Render<QuizForm>(p => p
            .Add(c => c.Quiz, Quiz)
            .Add(c => c.FormName, "quiz")
            .Add(c => c.Answers, answers)
            .Add(c => c.Result, answers is null ? null : Quiz.Grade(answers)));

    private static string[] Inputs(IElement question) =>
        question.QuerySelectorAll("input").Select(i => $"{i.GetAttribute("type")} {i.GetAttribute("name")}={i.GetAttribute("value")}").ToArray();

    [Fact]
    public void QuizForm_BeforeAnswering_EachQuestionWithItsOptionsAndNoFeedback()
    {
        UseCulture("zh-CN");

        var cut = RenderQuiz();

        Assert.Equal("知识测验", Text(cut.Find("form#knowledge-check h2")));
        Assert.Equal("及格线 60% · 共 3 题", Text(cut.Find("form#knowledge-check p.text-muted")));
        var questions = cut.FindAll("fieldset.quiz-question");
        Assert.Equal(["1. 目光相遇时？", "2. 文明用语有哪些？(多选)", "3. 微笑时应露出牙齿。"], questions.Select(q => Text(q.QuerySelector("legend")!)));
        Assert.Equal(["微笑点头", "转身离开", "你好", "谢谢", "不知道", "正确", "错误"], cut.FindAll("label.form-check-label").Select(Text));
        Assert.Empty(cut.FindAll(".quiz-feedback, .alert, legend .badge, input[checked]"));
        Assert.Equal("提交答案", Text(cut.Find("button[type=submit]")));
    }

    [Fact]
    public void QuizForm_QuestionTypes_RadiosForSingleAndTrueFalseCheckboxesForMultiple()
    {
        UseCulture("en-US");

        var cut = RenderQuiz();

        var questions = cut.FindAll("fieldset.quiz-question");
        Assert.Equal(["radio q0=0", "radio q0=1"], Inputs(questions[0]));
        Assert.Equal(["checkbox q1=0", "checkbox q1=1", "checkbox q1=2"], Inputs(questions[1]));
        Assert.Equal(["radio q2=0", "radio q2=1"], Inputs(questions[2]));
        Assert.Equal(cut.FindAll("input.form-check-input").Select(i => i.Id), cut.FindAll("label.form-check-label").Select(l => l.GetAttribute("for")));
        Assert.Equal(["Smile and nod", "Walk away", "Hello", "Thank you", "No idea", "True", "False"], cut.FindAll("label.form-check-label").Select(Text));
    }

    [Fact]
    public void QuizForm_Failed_ScoreRetryAndFeedbackOnTheChosenOptionsOnly()
    {
        UseCulture("zh-CN");

        // Right, wrong (missed 谢谢), wrong (chose 正确): 33% against a pass mark of 60%.
        var cut = RenderQuiz([Chose(0), Chose(0), Chose(0)]);

        Assert.Equal("得分 33%，需要 60%。请阅读反馈后再试一次。", Text(cut.Find(".alert.alert-warning[role=status]")));
        Assert.Equal(["答对", "答错", "答错"], cut.FindAll("legend .badge").Select(Text));
        Assert.Equal(["q0-o0", "q1-o0", "q2-o0"], cut.FindAll("input[checked]").Select(i => i.Id));
        var feedback = cut.FindAll(".quiz-feedback").Select(f => (f.ClassList.Contains("is-right"), Text(f))).ToArray();
        Assert.Equal(
            [
                (true, "✓ 正确： 这是标准动作。"),
                (true, "✓ 正确： 是文明用语。"),
                (false, "✗ 不正确： 标准的微笑不露齿。"),
            ],
            feedback);
        Assert.Equal("再次提交", Text(cut.Find("button[type=submit]")));
    }

    [Fact]
    public void QuizForm_Passed_FeedbackOnEveryOptionWithItsExplanation()
    {
        UseCulture("en-US");

        var cut = RenderQuiz([Chose(0), Chose(0, 1), Chose(0)]);

        Assert.Equal("Passed with 66%. The lesson is complete.", Text(cut.Find(".alert.alert-success[role=status]")));
        Assert.Equal(["right", "right", "wrong"], cut.FindAll("legend .badge").Select(Text));
        var options = cut.FindAll(".form-check").Select(o => Text(o.QuerySelector(".quiz-feedback")!)).ToArray();
        Assert.Equal(
            [
                "✓ Right: That is the standard action.",
                "✗ Not right: It comes across as cold.",
                "✓ Right: A civil word.",
                "✓ Right: A civil word.",
                "✗ Not right: A forbidden phrase.",
                "✗ Not right: The standard smile does not show the teeth.",
                "✓ Right: The standard smile does not show the teeth.",
            ],
            options);
        Assert.Equal(7, cut.FindAll(".quiz-feedback.is-right, .quiz-feedback.is-wrong").Count);
        Assert.Equal("Submit again", Text(cut.Find("button[type=submit]")));
    }
}
