using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Drills;

namespace TrainingLms.Domain.Tests.Drills;

public class DrillScoringTests
{
    private static readonly LocalizedText Text = new("项", "Item");

    private static DrillCriterion Points(string key, int max, int weight, bool mustPass = false, int? passAt = null) =>
        new(key, Text, Text, CriterionScale.Points(max), weight, mustPass, passAt);

    private static DrillCriterion PassFail(string key, int weight, bool mustPass = false) =>
        new(key, Text, Text, CriterionScale.PassFail, weight, mustPass);

    // A: 0–4 weight 2; B: 0–4 weight 1; C: pass/fail weight 1. Total weight 4.
    private static readonly IReadOnlyList<DrillCriterion> Mixed = [Points("a", 4, 2), Points("b", 4, 1), PassFail("c", 1)];

    [Theory]
    // a, b, c → weighted percent in tenths, and whether 75% is reached.
    [InlineData(4, 4, 1, 1000, true)]
    [InlineData(0, 0, 0, 0, false)]
    [InlineData(4, 4, 0, 750, true)]     // exactly the pass mark passes
    [InlineData(3, 4, 1, 875, true)]
    [InlineData(4, 0, 1, 750, true)]
    [InlineData(3, 3, 0, 562, false)]    // 56.25% shown as 56.2, never rounded up
    [InlineData(2, 4, 1, 750, true)]
    [InlineData(2, 3, 1, 687, false)]    // 68.75%
    public void Evaluate_WeightsEachCriterionByItsScale(int a, int b, int c, int percentTenths, bool reaches)
    {
        var outcome = DrillScoring.Evaluate(Mixed, 75, new Dictionary<string, int?> { ["a"] = a, ["b"] = b, ["c"] = c });

        Assert.Equal(percentTenths, outcome.PercentTenths);
        Assert.Equal(reaches, outcome.ReachesPassMark);
        Assert.Equal(reaches, outcome.Passed);
    }

    [Theory]
    [InlineData(66, true)]
    [InlineData(67, false)]   // 2 of 3 is 66.67%: not rounded up to 67
    public void Evaluate_PassMarkBoundary_ComparedExactly(int passMark, bool passed)
    {
        var outcome = DrillScoring.Evaluate([Points("a", 3, 1)], passMark, new Dictionary<string, int?> { ["a"] = 2 });

        Assert.Equal(666, outcome.PercentTenths);
        Assert.Equal(passed, outcome.Passed);
    }

    [Theory]
    // smile (0–4, must pass at 3), rise (pass/fail, must pass), extra (0–4): full marks elsewhere.
    [InlineData(3, 1, true, "")]
    [InlineData(2, 1, false, "smile")]        // 95% overall, but the must-pass smile is missed
    [InlineData(4, 0, false, "rise")]
    [InlineData(2, 0, false, "smile,rise")]
    public void Evaluate_MustPassMissed_FailsWhateverTheTotal(int smile, int rise, bool passed, string missed)
    {
        IReadOnlyList<DrillCriterion> criteria = [Points("smile", 4, 1, mustPass: true, passAt: 3), PassFail("rise", 1, mustPass: true), Points("extra", 4, 8)];

        var outcome = DrillScoring.Evaluate(criteria, 50, new Dictionary<string, int?> { ["smile"] = smile, ["rise"] = rise, ["extra"] = 4 });

        Assert.True(outcome.ReachesPassMark);
        Assert.Equal(passed, outcome.Passed);
        Assert.Equal(missed, string.Join(",", outcome.MustPassMissed));
    }

    [Fact]
    public void Evaluate_MustPassOnPointsWithoutPassAt_NeedsFullMarks()
    {
        IReadOnlyList<DrillCriterion> criteria = [Points("greet", 3, 1, mustPass: true)];

        Assert.False(DrillScoring.Evaluate(criteria, 10, new Dictionary<string, int?> { ["greet"] = 2 }).Passed);
        Assert.True(DrillScoring.Evaluate(criteria, 10, new Dictionary<string, int?> { ["greet"] = 3 }).Passed);
    }

    [Fact]
    public void Evaluate_WeightZeroCriterion_IsAGateOnly()
    {
        IReadOnlyList<DrillCriterion> criteria = [PassFail("forbidden", 0, mustPass: true), Points("a", 4, 1)];

        var failedGate = DrillScoring.Evaluate(criteria, 100, new Dictionary<string, int?> { ["forbidden"] = 0, ["a"] = 4 });
        var passedGate = DrillScoring.Evaluate(criteria, 100, new Dictionary<string, int?> { ["forbidden"] = 1, ["a"] = 4 });

        Assert.Equal(1000, failedGate.PercentTenths);
        Assert.False(failedGate.Passed);
        Assert.True(passedGate.Passed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(5)]    // above the scale counts as not scored
    [InlineData(-1)]
    public void Evaluate_UnscoredOrOffTheScale_IsIncompleteAndNeverPasses(int? score)
    {
        var outcome = DrillScoring.Evaluate(Mixed, 10, new Dictionary<string, int?> { ["a"] = 4, ["b"] = score, ["c"] = 1 });

        Assert.False(outcome.Complete);
        Assert.Equal(["b"], outcome.Unscored);
        Assert.True(outcome.ReachesPassMark);
        Assert.False(outcome.Passed);
    }

    [Fact]
    public void Evaluate_TenCriteriaOfEveryScale_StaysExact()
    {
        var criteria = Enumerable.Range(1, 10).Select(max => Points($"c{max}", max, max)).ToList();
        var scores = criteria.ToDictionary(c => c.Key, c => (int?)c.Scale.Max);

        var outcome = DrillScoring.Evaluate(criteria, 100, scores);

        Assert.Equal(1000, outcome.PercentTenths);
        Assert.True(outcome.Passed);
    }
}
