using TrainingLms.Domain.Evaluations;

namespace TrainingLms.Domain.Tests.Evaluations.Cycle;

public class EvaluationFormFormatTests
{
    [Theory]
    [InlineData("0-1", 1)]
    [InlineData("0-10", 10)]
    [InlineData(" 0 - 5 ", 5)]
    public void ParseScale_ZeroToN_GivesN(string text, int max) => Assert.Equal(max, EvaluationFormFormat.ParseScale(text));

    [Theory]
    [InlineData("0-0")]
    [InlineData("0-11")]
    [InlineData("1-5")]
    [InlineData("pass-fail")]
    [InlineData("")]
    [InlineData(null)]
    public void ParseScale_Otherwise_IsNull(string? text) => Assert.Null(EvaluationFormFormat.ParseScale(text));

    [Theory]
    [InlineData(0, 5, 0)]
    [InlineData(100, 5, 5)]
    [InlineData(90, 5, 5)]
    [InlineData(89.9, 5, 4)]
    [InlineData(150, 4, 4)]
    [InlineData(-10, 4, 0)]
    public void ScoreFor_Percent_RoundsOntoScale(double percent, int max, int score) => Assert.Equal(score, EvaluationScoring.ScoreFor(percent, max));
}
