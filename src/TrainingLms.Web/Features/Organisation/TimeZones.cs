namespace TrainingLms.Web.Features.Organisation;

/// <summary>The zones offered for a site; the company works in China, with room for sites abroad.</summary>
public static class TimeZones
{
    public static readonly IReadOnlyList<string> Offered =
        ["Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei", "Asia/Singapore", "Europe/London", "UTC"];
}
