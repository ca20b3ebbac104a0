namespace TrainingLms.Web.Infrastructure;

/// <summary>Formats stored UTC times for people, in the company's time zone and the page's culture.</summary>
public static class Dates
{
    public static string Local(DateTime utc, string? timeZoneId = null) =>
        SiteTime.ToLocal(utc, timeZoneId).ToString("g", CultureInfo.CurrentCulture);
}
