using TrainingLms.Domain.Drills;

namespace TrainingLms.Web.Features.Drills;

/// <summary>How drill numbers and dates read on pages, in the export and in the certificate.</summary>
public static class DrillFormat
{
    /// <summary>A weighted score kept in tenths of a percent: 875 → "87.5%".</summary>
    public static string Percent(int tenths) => (tenths / 10m).ToString("0.#", CultureInfo.CurrentCulture) + "%";

    /// <summary>Dates as yyyy-MM-dd everywhere they are compared with paper: unambiguous in both languages.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Score(int score, CriterionScale scale) => scale.Kind == ScaleKind.PassFail
        ? (score == 1 ? "✓" : "✗")
        : string.Create(CultureInfo.InvariantCulture, $"{score}/{scale.Max}");
}
