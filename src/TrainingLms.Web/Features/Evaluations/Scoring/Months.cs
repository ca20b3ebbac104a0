namespace TrainingLms.Web.Features.Evaluations.Scoring;

/// <summary>A period's month as people read it: "2026年11月" or "November 2026", in the page's culture.</summary>
public static class Months
{
    public static string Name(int year, int month) =>
        new DateOnly(year, month, 1).ToString(CultureInfo.CurrentCulture.DateTimeFormat.YearMonthPattern, CultureInfo.CurrentCulture);
}
