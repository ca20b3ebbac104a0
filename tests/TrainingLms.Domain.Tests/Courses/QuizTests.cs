using TrainingLms.Domain.Courses;

namespace TrainingLms.Domain.Tests.Courses;

public class QuizTests
{
    private static readonly LocalizedText Text = new("文", "Text");

    /// <summary>A question whose options are right where <paramref name="rights"/> says "1", e.g. "100" or "0110".</summary>
    private static QuizQuestion Question(QuestionType type, string rights) =>
        new(type, Text, [.. rights.Select(r => new QuizOption(Text, r == '1', Text))]);

    private static IReadOnlySet<int> Chosen(string indexes) =>
        indexes.Length == 0 ? new HashSet<int>() : indexes.Split(',').Select(int.Parse).ToHashSet();

    [Theory]
    [InlineData(QuestionType.Single, "100", "0", true)]
    [InlineData(QuestionType.Single, "100", "1", false)]
    [InlineData(QuestionType.Single, "100", "", false)]                // unanswered
    [InlineData(QuestionType.Single, "100", "0,1", false)]             // the right one and a wrong one
    [InlineData(QuestionType.Single, "100", "3", false)]               // no such option
    [InlineData(QuestionType.Single, "100", "-1", false)]
    [InlineData(QuestionType.Multiple, "0110", "1,2", true)]
    [InlineData(QuestionType.Multiple, "0110", "2,1", true)]           // order does not matter
    [InlineData(QuestionType.Multiple, "0110", "1", false)]            // only some of the right ones
    [InlineData(QuestionType.Multiple, "0110", "0,1,2", false)]        // all the right ones and a wrong one
    [InlineData(QuestionType.Multiple, "0110", "0,1,2,3", false)]      // everything ticked
    [InlineData(QuestionType.Multiple, "0110", "", false)]
    [InlineData(QuestionType.Multiple, "1111", "0,1,2,3", true)]
    [InlineData(QuestionType.TrueFalse, "10", "0", true)]              // true/false: "true" is option 0
    [InlineData(QuestionType.TrueFalse, "10", "1", false)]
    [InlineData(QuestionType.TrueFalse, "01", "1", true)]
    [InlineData(QuestionType.TrueFalse, "01", "0,1", false)]
    public void IsAnsweredBy_Choice_RightOnlyWhenExactlyTheRightOptions(QuestionType type, string rights, string chosen, bool expected) =>
        Assert.Equal(expected, Question(type, rights).IsAnsweredBy(Chosen(chosen)));

    [Theory]
    // questions, answered right, pass mark → score, passed
    [InlineData(5, 4, 80, 80, true)]      // exactly at the pass mark
    [InlineData(5, 3, 80, 60, false)]
    [InlineData(5, 5, 100, 100, true)]
    [InlineData(5, 4, 100, 80, false)]
    [InlineData(3, 2, 66, 66, true)]      // 66.67 % is floored to 66
    [InlineData(3, 2, 67, 66, false)]     // never rounded up into a pass
    [InlineData(6, 5, 80, 83, true)]      // 83.33 %
    [InlineData(7, 6, 86, 85, false)]     // 85.71 %
    [InlineData(8, 6, 75, 75, true)]
    [InlineData(6, 0, 1, 0, false)]
    [InlineData(1, 1, 100, 100, true)]
    public void Grade_PassMarkBoundaries_ScoreIsFlooredPercent(int questions, int right, int passMark, int expectedScore, bool expectedPassed)
    {
        var quiz = new Quiz(passMark, [.. Enumerable.Range(0, questions).Select(_ => Question(QuestionType.Single, "10"))]);
        var answers = Enumerable.Range(0, questions).Select(i => Chosen(i < right ? "0" : "1")).ToList();

        var result = quiz.Grade(answers);

        Assert.Equal((expectedScore, expectedPassed), (result.ScorePercent, result.Passed));
        Assert.Equal(Enumerable.Range(0, questions).Select(i => i < right), result.QuestionsRight);
    }

    [Fact]
    public void Grade_MixedTypes_EachQuestionJudgedByItsOwnRule()
    {
        var quiz = new Quiz(Quiz.DefaultPassMark,
            [Question(QuestionType.Single, "010"), Question(QuestionType.Multiple, "101"), Question(QuestionType.TrueFalse, "01")]);

        var result = quiz.Grade([Chosen("1"), Chosen("0"), Chosen("1")]);

        Assert.Equal([true, false, true], result.QuestionsRight);
        Assert.Equal((66, false), (result.ScorePercent, result.Passed));
    }

    [Fact]
    public void Grade_FewerAnswersThanQuestions_MissingOnesCountAsWrong()
    {
        var quiz = new Quiz(50, [Question(QuestionType.Single, "10"), Question(QuestionType.Single, "10")]);

        var result = quiz.Grade([Chosen("0")]);

        Assert.Equal([true, false], result.QuestionsRight);
        Assert.Equal((50, true), (result.ScorePercent, result.Passed));
    }

    [Fact]
    public void Grade_NoQuestions_FullMarks()
    {
        var result = new Quiz(100, []).Grade([]);

        Assert.Equal((100, true), (result.ScorePercent, result.Passed));
    }
}
