using TrainingLms.Domain.Courses;

namespace TrainingLms.Domain.Tests.Courses;

public class PositionalGuessingTests
{
    private static readonly LocalizedText Text = new("文", "Text");

    /// <summary>A question whose options are right where <paramref name="rights"/> says "1".</summary>
    private static QuizQuestion Question(QuestionType type, string rights) =>
        new(type, Text, [.. rights.Select(r => new QuizOption(Text, r == '1', Text))]);

    [Theory]
    [InlineData(QuestionType.Multiple, "1100", true)]
    [InlineData(QuestionType.Multiple, "10110", true)]
    [InlineData(QuestionType.Multiple, "1000", false)]   // "always the first" can hit it
    [InlineData(QuestionType.Multiple, "1110", false)]   // "all but the last" can hit it
    [InlineData(QuestionType.Single, "0100", false)]
    [InlineData(QuestionType.TrueFalse, "01", false)]
    public void DefeatsPosition_OnlyMultipleWithTwoRightAndTwoWrong(QuestionType type, string rights, bool expected) =>
        Assert.Equal(expected, PositionalGuessing.DefeatsPosition(Question(type, rights)));

    [Fact]
    public void CanPass_EnoughProofQuestionsInEveryDraw_False()
    {
        // 8 of 16 with 6 proof questions: every attempt holds 3, so at most 5 of 8 (62%) fall to a guesser.
        var pool = Enumerable.Repeat(Question(QuestionType.Multiple, "1100"), 6)
            .Concat(Enumerable.Repeat(Question(QuestionType.Single, "0010"), 6))
            .Concat(Enumerable.Repeat(Question(QuestionType.TrueFalse, "10"), 4)).ToList();

        Assert.Equal(3, PositionalGuessing.FewestProofQuestionsPerAttempt(new Quiz(80, pool, 8)));
        Assert.False(PositionalGuessing.CanPass(new Quiz(80, pool, 8)));
        Assert.True(PositionalGuessing.CanPass(new Quiz(60, pool, 8)));
    }

    [Fact]
    public void CanPass_WeakMultiplesDoNotCount()
    {
        var pool = Enumerable.Repeat(Question(QuestionType.Multiple, "1110"), 6)
            .Concat(Enumerable.Repeat(Question(QuestionType.Single, "0010"), 10)).ToList();

        Assert.True(PositionalGuessing.CanPass(new Quiz(80, pool, 8)));
    }
}
