namespace TrainingLms.Domain;

/// <summary>Times are stored in UTC and shown in the site's time zone.</summary>
public static class SiteTime
{
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    public static DateTime ToLocal(DateTime utc, string? timeZoneId)
    {
        var zone = Find(timeZoneId);
        return TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
    }

    public static DateOnly Today(DateTime utcNow, string? timeZoneId) => DateOnly.FromDateTime(ToLocal(utcNow, timeZoneId));

    public static bool IsKnown(string timeZoneId) => TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _);

    private static TimeZoneInfo Find(string? timeZoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId ?? DefaultTimeZoneId, out var zone)
            ? zone
            : TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZoneId);
}
