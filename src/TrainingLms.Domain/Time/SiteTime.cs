using System.Collections.Concurrent;

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

    /// <summary>The moment a site-local day ends, in UTC: midnight at the start of the next day there.</summary>
    public static DateTime EndOfDayUtc(DateOnly day, string? timeZoneId) => ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), timeZoneId);

    public static bool IsKnown(string timeZoneId) => TryFind(timeZoneId, out _);

    /// <summary>
    /// The zones found so far. The runtime's own lookup takes one lock for the whole process on every call, and a page
    /// that shows each of a company's five hundred teams in its site's time (yesterday's missing reviews) queued its
    /// requests on it under load. Only zones that exist are kept, so the set stays as small as the zones sites use.
    /// </summary>
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    private static TimeZoneInfo Find(string? timeZoneId) =>
        TryFind(timeZoneId ?? DefaultTimeZoneId, out var zone) || TryFind(DefaultTimeZoneId, out zone) ? zone : TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZoneId);

    private static bool TryFind(string timeZoneId, out TimeZoneInfo zone)
    {
        if (Zones.TryGetValue(timeZoneId, out zone!)) return true;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var found)) return false;
        zone = Zones.GetOrAdd(timeZoneId, found);
        return true;
    }
}
