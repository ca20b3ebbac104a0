using System.Globalization;

namespace TrainingLms.Domain.Evaluations;

/// <summary>
/// A computed criterion's value for one target and month: <see cref="Count"/> of <see cref="OutOf"/> (reviews filed of
/// those due, assignments completed of those due, drill attempts passed of those signed, required clips watched of
/// those required, inspection items OK of those judged). With nothing to count there is no value, and the criterion does not count toward the score.
/// </summary>
public sealed record ComputedValue(CriterionSource Source, int Count, int OutOf)
{
    public bool HasData => OutOf > 0;

    public double? Percent => HasData ? Math.Round(100.0 * Count / OutOf, 1, MidpointRounding.AwayFromZero) : null;

    /// <summary>How the value is stored beside the score, e.g. "18/20"; the page puts it into words in the reader's language.</summary>
    public string Detail => $"{Count}/{OutOf}";

    /// <summary>The value as an evaluation recorded it (see <see cref="Detail"/>).</summary>
    public static ComputedValue FromRecorded(CriterionScore score)
    {
        var parts = (score.SourceDetail ?? "").Split('/');
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var count) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var outOf)
            ? new ComputedValue(score.Source, count, outOf)
            : new ComputedValue(score.Source, 0, 0);
    }
}

public static class EvaluationSheet
{
    /// <summary>
    /// The scores an evaluation records: the evaluator's score for each scored criterion, and for each computed one its
    /// value on the criterion's scale with where it came from. Computed criteria without data are left out, so they
    /// neither add nor cost points.
    /// </summary>
    public static IReadOnlyList<CriterionScore> Scores(
        IReadOnlyList<EvaluationCriterion> criteria, IReadOnlyDictionary<string, int> scored, IReadOnlyDictionary<CriterionSource, ComputedValue> computed)
    {
        var scores = new List<CriterionScore>(criteria.Count);
        foreach (var criterion in criteria)
        {
            if (!criterion.IsComputed)
            {
                if (!scored.TryGetValue(criterion.Key, out var score) || score < 0 || score > criterion.Max)
                    throw new ArgumentException($"No valid score for criterion {criterion.Key}.", nameof(scored));
                scores.Add(new CriterionScore(criterion.Key, score, criterion.Max, criterion.Weight, CriterionSource.Scored));
            }
            else if (computed.GetValueOrDefault(criterion.Source) is { Percent: { } percent } value)
            {
                scores.Add(new CriterionScore(criterion.Key, EvaluationScoring.ScoreFor(percent, criterion.Max), criterion.Max, criterion.Weight,
                    criterion.Source, percent, value.Detail));
            }
        }
        return scores;
    }
}
