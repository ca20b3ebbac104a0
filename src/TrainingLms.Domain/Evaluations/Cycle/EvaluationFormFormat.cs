using System.Text.RegularExpressions;

namespace TrainingLms.Domain.Evaluations;

/// <summary>The words an evaluation form file uses for its subject, its criteria's scales and their sources.</summary>
public static partial class EvaluationFormFormat
{
    public static readonly IReadOnlyDictionary<string, EvaluationSubject> Subjects = new Dictionary<string, EvaluationSubject>(StringComparer.Ordinal)
    {
        ["supervisor"] = EvaluationSubject.Supervisor,
        ["team"] = EvaluationSubject.Team,
    };

    public static readonly IReadOnlyDictionary<string, CriterionSource> Sources = new Dictionary<string, CriterionSource>(StringComparer.Ordinal)
    {
        ["scored"] = CriterionSource.Scored,
        ["review-filing-rate"] = CriterionSource.ReviewFilingRate,
        ["course-completion"] = CriterionSource.CourseCompletion,
        ["drill-pass-rate"] = CriterionSource.DrillPassRate,
        ["required-clip-watched-share"] = CriterionSource.RequiredClipWatchedShare,
        ["inspection-pass-rate"] = CriterionSource.InspectionPassRate,
    };

    /// <summary>"0-N" with N from 1 to <see cref="EvaluationCriterion.MaxPoints"/>, spaces allowed round the dash; the N, or null.</summary>
    public static int? ParseScale(string? text)
    {
        var match = PointsScale().Match(text?.Trim() ?? "");
        return match.Success && int.TryParse(match.Groups[1].Value, out var max) && max is >= 1 and <= EvaluationCriterion.MaxPoints ? max : null;
    }

    [GeneratedRegex(@"^0\s*-\s*(\d{1,2})$")]
    private static partial Regex PointsScale();
}
