namespace TrainingLms.Domain.Drills;

/// <summary>The calendar of a drill result, in the site-local days of the site where it was held.</summary>
public static class DrillDates
{
    /// <summary>
    /// The last day a pass counts: the day before the same date <paramref name="validityMonths"/> later (held 10 March,
    /// twelve months: through 9 March next year). Where that month has no such date (held 31 January, one month),
    /// the pass counts to the month's end.
    /// </summary>
    public static DateOnly ValidThrough(DateOnly heldOn, int validityMonths)
    {
        var sameDate = heldOn.AddMonths(validityMonths);
        return sameDate.Day == heldOn.Day ? sameDate.AddDays(-1) : sameDate;
    }

    /// <summary>The first day a failed candidate may be drilled again.</summary>
    public static DateOnly RetakeFrom(DateOnly heldOn, int waitDays) => heldOn.AddDays(waitDays);

    /// <summary>Whether a pass still counts at this moment: through the whole of its last day, site-local.</summary>
    public static bool IsValid(DateOnly validThrough, DateTime utcNow, string? timeZoneId) =>
        SiteTime.Today(utcNow, timeZoneId) <= validThrough;
}
