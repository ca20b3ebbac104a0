namespace TrainingLms.Domain.Evaluations;

public static class EvaluationScoring
{
    /// <summary>The weighted score as a percentage, to one decimal: Σ(score / max × weight) / Σ weight × 100.</summary>
    public static double Percent(IReadOnlyCollection<CriterionScore> scores)
    {
        var weight = scores.Sum(s => s.Weight);
        if (weight == 0) return 0;
        var earned = scores.Sum(s => (double)s.Score / s.Max * s.Weight);
        return Math.Round(earned / weight * 100, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>A computed percentage placed on a criterion's 0–max scale, rounded to the nearest point.</summary>
    public static int ScoreFor(double percent, int max) =>
        (int)Math.Round(Math.Clamp(percent, 0, 100) * max / 100, MidpointRounding.AwayFromZero);
}
