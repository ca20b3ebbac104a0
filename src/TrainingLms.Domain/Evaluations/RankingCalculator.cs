namespace TrainingLms.Domain.Evaluations;

/// <summary>One evaluator's percentage for a target.</summary>
public sealed record ScoredBy(string EvaluatorId, string EvaluatorName, double Percent);

/// <summary>A target of one period and subject kind with every evaluation it received.</summary>
public sealed record RankingInput(int TargetId, string SubjectName, string SiteName, IReadOnlyList<ScoredBy> Scores);

/// <summary>A site's place among the sites: the mean score of its ranked teams.</summary>
public sealed record SiteRankingLine(string SiteName, int Rank, double Score, int Teams);

/// <summary>
/// Ranks one period's targets of one subject kind. Each evaluator's percentages are first re-mapped onto the mean and
/// spread of all the evaluations, so a strict (or lenient) evaluator moves only the targets' order among themselves,
/// not their standing against targets someone else scored. The README's "Evaluation rankings" section states the method.
/// </summary>
public static class RankingCalculator
{
    /// <summary>Below this many targets an evaluator's own spread says too little to scale by; only the offset applies.</summary>
    public const int MinTargetsToScale = 3;

    /// <summary>Every target with at least one evaluation, ranked; a target nobody scored has no line.</summary>
    public static List<RankingEntry> Rank(IReadOnlyCollection<RankingInput> targets)
    {
        var normalised = Normalise(targets);
        var lines = targets.Where(t => t.Scores.Count > 0).Select(t => new RankingEntry(
            t.TargetId, t.SubjectName, t.SiteName, 0,
            Round(t.Scores.Average(s => normalised[(t.TargetId, s.EvaluatorId)])),
            Round(t.Scores.Average(s => s.Percent)),
            t.Scores.Count,
            [.. t.Scores.Select(s => s.EvaluatorName).Distinct().Order(StringComparer.Ordinal)]));
        return Rerank(lines);
    }

    /// <summary>
    /// Each evaluation's normalised value by (target, evaluator): z = (p − evaluator's mean) / evaluator's SD, mapped to
    /// overall mean + z × overall SD; with fewer than <see cref="MinTargetsToScale"/> targets or no spread, p − evaluator's
    /// mean + overall mean. Clamped to 0–100. SDs are population SDs.
    /// </summary>
    public static Dictionary<(int TargetId, string EvaluatorId), double> Normalise(IReadOnlyCollection<RankingInput> targets)
    {
        var all = targets.SelectMany(t => t.Scores.Select(s => (t.TargetId, s.EvaluatorId, s.Percent))).ToList();
        var result = new Dictionary<(int, string), double>();
        if (all.Count == 0) return result;
        var (mean, sd) = MeanAndSd(all.Select(a => a.Percent));
        foreach (var byEvaluator in all.GroupBy(a => a.EvaluatorId, StringComparer.Ordinal))
        {
            var (ownMean, ownSd) = MeanAndSd(byEvaluator.Select(a => a.Percent));
            var scale = byEvaluator.Select(a => a.TargetId).Distinct().Count() >= MinTargetsToScale && ownSd > 0 && sd > 0;
            foreach (var (targetId, evaluatorId, percent) in byEvaluator)
            {
                var value = scale ? mean + (percent - ownMean) / ownSd * sd : percent - ownMean + mean;
                result[(targetId, evaluatorId)] = Math.Clamp(value, 0, 100);
            }
        }
        return result;
    }

    /// <summary>Orders lines by score and gives equal scores the same rank (standard competition ranking: 1, 2, 2, 4).</summary>
    public static List<RankingEntry> Rerank(IEnumerable<RankingEntry> lines)
    {
        var ordered = lines.OrderByDescending(l => l.Score).ThenBy(l => l.SubjectName, StringComparer.Ordinal).ThenBy(l => l.TargetId).ToList();
        var ranked = new List<RankingEntry>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].Score == ordered[i - 1].Score ? ranked[i - 1].Rank : i + 1;
            ranked.Add(ordered[i] with { Rank = rank });
        }
        return ranked;
    }

    /// <summary>Sites ranked by the mean score of their ranked teams, with ties shared like the lines.</summary>
    public static List<SiteRankingLine> Sites(IEnumerable<RankingEntry> teamLines)
    {
        var sites = teamLines.GroupBy(l => l.SiteName, StringComparer.Ordinal)
            .Select(g => new RankingEntry(0, g.Key, g.Key, 0, Round(g.Average(l => l.Score)), Round(g.Average(l => l.RawScore)), g.Count(), []));
        return [.. Rerank(sites).Select(s => new SiteRankingLine(s.SiteName, s.Rank, s.Score, s.Evaluations))];
    }

    public static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    private static (double Mean, double Sd) MeanAndSd(IEnumerable<double> values)
    {
        var list = values.ToList();
        var mean = list.Average();
        return (mean, Math.Sqrt(list.Average(v => (v - mean) * (v - mean))));
    }
}
