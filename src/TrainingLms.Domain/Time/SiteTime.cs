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

    /// <summary>A site-local wall-clock time as UTC; a time skipped by a daylight-saving change counts as the hour after.</summary>
    public static DateTime ToUtc(DateTime local, string? timeZoneId)
    {
        var zone = Find(timeZoneId);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    public static DateOnly Today(DateTime utcNow, string? timeZoneId) => DateOnly.FromDateTime(ToLocal(utcNow, timeZoneId));

    public static bool IsKnown(string timeZoneId) => TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _);

    private static TimeZoneInfo Find(string? timeZoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId ?? DefaultTimeZoneId, out var zone)
            ? zone
            : TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZoneId);
}
