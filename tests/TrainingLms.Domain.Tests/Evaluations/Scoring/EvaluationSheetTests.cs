using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Evaluations;

namespace TrainingLms.Domain.Tests.Evaluations.Scoring;

public class EvaluationSheetTests
{
    private static readonly LocalizedText Text = new("项", "Item");
    private static readonly EvaluationCriterion Example = new("example", Text, Text, 5, 3, CriterionSource.Scored);
    private static readonly EvaluationCriterion Reviews = new("reviews", Text, Text, 5, 2, CriterionSource.ReviewFilingRate);
    private static readonly EvaluationCriterion Drills = new("drills", Text, Text, 10, 1, CriterionSource.DrillPassRate);

    [Fact]
    public void Scores_ComputedWithData_PlacedOnTheScaleWithSource()
    {
        var scores = EvaluationSheet.Scores([Example, Reviews], new Dictionary<string, int> { ["example"] = 4 },
            new Dictionary<CriterionSource, ComputedValue> { [CriterionSource.ReviewFilingRate] = new(CriterionSource.ReviewFilingRate, 18, 20) });

        Assert.Equal([
            new CriterionScore("example", 4, 5, 3, CriterionSource.Scored),
            new CriterionScore("reviews", 5, 5, 2, CriterionSource.ReviewFilingRate, 90, "18/20"),
        ], scores);
        Assert.Equal(88, EvaluationScoring.Percent(scores));
    }

    [Fact]
    public void Scores_ComputedWithoutData_LeftOutSoItNeitherAddsNorCosts()
    {
        var scores = EvaluationSheet.Scores([Example, Reviews, Drills], new Dictionary<string, int> { ["example"] = 5 },
            new Dictionary<CriterionSource, ComputedValue>
            {
                [CriterionSource.ReviewFilingRate] = new(CriterionSource.ReviewFilingRate, 0, 0),
            });

        Assert.Equal(["example"], scores.Select(s => s.Key));
        Assert.Equal(100, EvaluationScoring.Percent(scores));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(-1)]
    [InlineData(6)]
    public void Scores_ScoredCriterionMissingOrOffScale_Throws(int? score)
    {
        var scored = score is { } value ? new Dictionary<string, int> { ["example"] = value } : [];

        Assert.Throws<ArgumentException>(() => EvaluationSheet.Scores([Example], scored, new Dictionary<CriterionSource, ComputedValue>()));
    }

    [Theory]
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.7)]
    [InlineData(28, 31, 90.3)]
    [InlineData(0, 4, 0)]
    public void ComputedValue_Percent_RoundsToOneDecimal(int count, int outOf, double expected) =>
        Assert.Equal(expected, new ComputedValue(CriterionSource.CourseCompletion, count, outOf).Percent);

    [Fact]
    public void ComputedValue_FromRecorded_ReadsTheStoredDetailBack()
    {
        var recorded = new CriterionScore("reviews", 5, 5, 2, CriterionSource.ReviewFilingRate, 90.3, "28/31");

        Assert.Equal(new ComputedValue(CriterionSource.ReviewFilingRate, 28, 31), ComputedValue.FromRecorded(recorded));
        Assert.False(ComputedValue.FromRecorded(recorded with { SourceDetail = "garbled" }).HasData);
    }
}
