namespace TrainingLms.Domain.Drills;

/// <summary>What the rule makes of a set of scores: the weighted percent, the must-pass criteria missed, pass or fail.</summary>
/// <param name="PercentTenths">The weighted score in tenths of a percent, rounded down (875 is 87.5%): never shown higher than it is.</param>
/// <param name="ReachesPassMark">Exact: compared in whole numbers, so 2 of 3 points never rounds up to a pass mark of 67.</param>
public sealed record DrillOutcome(
    IReadOnlyList<string> Unscored, int PercentTenths, bool ReachesPassMark, IReadOnlyList<string> MustPassMissed)
{
    public bool Complete => Unscored.Count == 0;

    /// <summary>Pass only on a complete scoring that reaches the pass mark with every must-pass criterion met.</summary>
    public bool Passed => Complete && ReachesPassMark && MustPassMissed.Count == 0;
}

/// <summary>
/// The drill's pass rule. Each criterion counts as weight × score ÷ its scale's maximum; the drill passes when the
/// weighted sum reaches the pass mark (a percent of the total weight) and every must-pass criterion is met.
/// Nobody overrides it: a trainer may only comment.
/// </summary>
public static class DrillScoring
{
    public static DrillOutcome Evaluate(IReadOnlyList<DrillCriterion> criteria, int passMark, IReadOnlyDictionary<string, int?> scores)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(criteria.Count, 1);
        // Over the least common multiple of the scales, every criterion's share is a whole number: no rounding decides a pass.
        var common = criteria.Select(c => (long)c.Scale.Max).Aggregate(1L, Lcm);
        var totalWeight = criteria.Sum(c => (long)c.Weight);
        ArgumentOutOfRangeException.ThrowIfLessThan(totalWeight, 1);

        long earned = 0;
        var unscored = new List<string>();
        var missed = new List<string>();
        foreach (var criterion in criteria)
        {
            var score = scores.GetValueOrDefault(criterion.Key);
            if (score is not { } value || !criterion.Scale.Allows(value))
            {
                unscored.Add(criterion.Key);
                continue;
            }
            earned += criterion.Weight * value * (common / criterion.Scale.Max);
            if (criterion.MustPass && !criterion.IsMet(value)) missed.Add(criterion.Key);
        }
        var possible = common * totalWeight;
        return new DrillOutcome(unscored, (int)(earned * 1000 / possible), earned * 100 >= passMark * possible, missed);
    }

    /// <summary>
    /// True when the weighted score alone reaches the pass mark with <paramref name="criterion"/> at zero and every other
    /// criterion at full marks: then only a must-pass rule keeps the drill from passing without it.
    /// </summary>
    public static bool PassMarkReachableWithout(IReadOnlyList<DrillCriterion> criteria, int passMark, DrillCriterion criterion)
    {
        var totalWeight = criteria.Sum(c => (long)c.Weight);
        return (totalWeight - criterion.Weight) * 100 >= passMark * totalWeight;
    }

    private static long Lcm(long a, long b) => a / Gcd(a, b) * b;

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
