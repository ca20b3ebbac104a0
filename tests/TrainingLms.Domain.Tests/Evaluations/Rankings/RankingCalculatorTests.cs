using TrainingLms.Domain.Evaluations;

namespace TrainingLms.Domain.Tests.Evaluations.Rankings;

public class RankingCalculatorTests
{
    private static RankingInput Target(int id, string name, params (string Evaluator, double Percent)[] scores) =>
        new(id, name, "项目A", [.. scores.Select(s => new ScoredBy(s.Evaluator, "评价人" + s.Evaluator, s.Percent))]);

    [Fact]
    public void Rank_EqualScores_ShareARank_TheNextSkips()
    {
        var ranked = RankingCalculator.Rank([Target(1, "甲", ("e", 90)), Target(2, "乙", ("e", 80)), Target(3, "丙", ("e", 80)), Target(4, "丁", ("e", 70))]);

        Assert.Equal([1, 2, 2, 4], ranked.Select(r => r.Rank));
        Assert.Equal([1, 2, 3, 4], ranked.Select(r => r.TargetId).Order());
        Assert.Equal(4, ranked.Single(r => r.TargetId == 4).Rank);
    }

    [Fact]
    public void Rank_SingleEvaluator_ScoresAreTheirPercentages()
    {
        var ranked = RankingCalculator.Rank([Target(1, "甲", ("e", 72.5)), Target(2, "乙", ("e", 88.1)), Target(3, "丙", ("e", 64))]);

        Assert.Equal([88.1, 72.5, 64], ranked.Select(r => r.Score));
        Assert.All(ranked, r => Assert.Equal(r.RawScore, r.Score));
        Assert.All(ranked, r => Assert.Equal(["评价人e"], r.Evaluators));
    }

    [Fact]
    public void Rank_TeamScoredOnlyByAStrictEvaluator_IsNotSunk()
    {
        // "l" is lenient, "s" strict; both score A, B and C in the same order, and only "s" scores D, above their own average.
        var ranked = RankingCalculator.Rank([
            Target(1, "A", ("l", 90), ("s", 60)),
            Target(2, "B", ("l", 80), ("s", 50)),
            Target(3, "C", ("l", 70), ("s", 40)),
            Target(4, "D", ("s", 55)),
        ]);
        var d = ranked.Single(r => r.TargetId == 4);
        var b = ranked.Single(r => r.TargetId == 2);

        Assert.Equal(55, d.RawScore);
        Assert.True(d.Score > d.RawScore);
        Assert.True(b.RawScore > d.RawScore);
        Assert.True(d.Rank < b.Rank, $"D ranked {d.Rank}, B {b.Rank}");
        Assert.Equal(1, ranked.Single(r => r.TargetId == 1).Rank);
    }

    [Fact]
    public void Normalise_ZeroSpreadOrFewTargets_OnlyShifts()
    {
        // "flat" gives everyone 70 (no spread); "two" scores two targets only; "wide" scores three with spread.
        var targets = new[]
        {
            Target(1, "A", ("flat", 70), ("wide", 80), ("two", 50)),
            Target(2, "B", ("flat", 70), ("wide", 60), ("two", 70)),
            Target(3, "C", ("flat", 70), ("wide", 70)),
        };
        var values = RankingCalculator.Normalise(targets);
        var ranked = RankingCalculator.Rank(targets);

        Assert.All(values.Values, v => Assert.False(double.IsNaN(v)));
        Assert.Equal(values[(1, "flat")], values[(2, "flat")]);
        Assert.Equal(20, values[(2, "two")] - values[(1, "two")], 6);
        Assert.Equal(67.5, values[(1, "flat")], 6); // overall mean of the eight evaluations: 540 / 8
        Assert.Equal([1, 2, 3], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Normalise_ExtremeValues_StayWithin0And100()
    {
        var values = RankingCalculator.Normalise([
            Target(1, "A", ("a", 100), ("b", 100)), Target(2, "B", ("a", 0), ("b", 99)), Target(3, "C", ("a", 0), ("b", 98)), Target(4, "D", ("b", 0)),
        ]);

        Assert.All(values.Values, v => Assert.InRange(v, 0, 100));
    }

    [Fact]
    public void Rank_ScoresEqualAfterRoundingToOneDecimal_ShareARank()
    {
        var targets = new[] { Target(1, "A", ("x", 80.1), ("y", 80), ("z", 80)), Target(2, "B", ("x", 80), ("y", 80), ("z", 80)) };
        var values = RankingCalculator.Normalise(targets);
        var ranked = RankingCalculator.Rank(targets);

        Assert.True((values[(1, "x")] + values[(1, "y")] + values[(1, "z")]) / 3 > (values[(2, "x")] + values[(2, "y")] + values[(2, "z")]) / 3);
        Assert.Equal([80.0, 80.0], ranked.Select(r => r.Score));
        Assert.Equal([1, 1], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Rank_TargetWithoutEvaluations_HasNoLine()
    {
        var ranked = RankingCalculator.Rank([Target(1, "A", ("e", 80)), Target(2, "B")]);

        Assert.Equal([1], ranked.Select(r => r.TargetId));
    }

    [Fact]
    public void Sites_RankedByTheMeanOfTheirTeams_WithTies()
    {
        RankingEntry Line(int id, string site, double score) => new(id, "班" + id, site, 0, score, score, 1, []);

        var sites = RankingCalculator.Sites([Line(1, "东", 90), Line(2, "东", 70), Line(3, "西", 80), Line(4, "南", 60)]);

        Assert.Equal([("东", 1, 80.0, 2), ("西", 1, 80.0, 1), ("南", 3, 60.0, 1)], sites.Select(s => (s.SiteName, s.Rank, s.Score, s.Teams)));
    }

    [Fact]
    public void Rerank_AfterAnAmendedScore_RecomputesRanksWithTies()
    {
        var ranked = RankingCalculator.Rank([Target(1, "A", ("e", 90)), Target(2, "B", ("e", 80)), Target(3, "C", ("e", 70))]);

        var amended = RankingCalculator.Rerank(ranked.Select(r => r.TargetId == 3 ? r with { Score = 90 } : r));

        Assert.Equal([(1, 1), (3, 1), (2, 3)], amended.Select(r => (r.TargetId, r.Rank)));
    }
}
