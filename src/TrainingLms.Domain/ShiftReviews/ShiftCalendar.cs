using TrainingLms.Domain.Organisation;

namespace TrainingLms.Domain.ShiftReviews;

/// <summary>
/// Which review is due when. All times are site-local wall-clock times. A shift belongs to the day it started
/// on, so a night shift from 20:00 to 08:00 is reviewed as the evening's date. Teams without concentrated
/// shifts hold one review a day, under <see cref="DailyKey"/>.
/// </summary>
public static class ShiftCalendar
{
    public const string DailyKey = "day";

    public static bool IsDaily(IReadOnlyList<TeamShift> shifts) => shifts.Count == 0;

    /// <summary>The slots expected on one day, in the order the shifts start.</summary>
    public static IReadOnlyList<ShiftSlot> SlotsOn(IReadOnlyList<TeamShift> shifts, DateOnly date) =>
        IsDaily(shifts) ? [new(date, DailyKey)] : [.. shifts.OrderBy(s => s.Start).Select(s => new ShiftSlot(date, s.Key))];

    public static bool IsKnownKey(IReadOnlyList<TeamShift> shifts, string key) =>
        IsDaily(shifts) ? key == DailyKey : shifts.Any(s => s.Key == key);

    /// <summary>
    /// The slot a leader reviews now: the shift that started most recently (the one just ending or just ended).
    /// Before the day's first shift starts, that is the previous day's last shift, which may still be running.
    /// </summary>
    public static ShiftSlot Current(IReadOnlyList<TeamShift> shifts, DateTime localNow)
    {
        var today = DateOnly.FromDateTime(localNow);
        if (IsDaily(shifts)) return new(today, DailyKey);
        return new[] { today, today.AddDays(-1) }
            .SelectMany(date => shifts.Select(shift => (Slot: new ShiftSlot(date, shift.Key), Start: date.ToDateTime(shift.Start))))
            .Where(candidate => candidate.Start <= localNow)
            .MaxBy(candidate => candidate.Start).Slot;
    }

    /// <summary>When the shift starts (a daily review's "shift" is the whole day, from midnight).</summary>
    public static DateTime StartOf(IReadOnlyList<TeamShift> shifts, ShiftSlot slot) =>
        slot.Date.ToDateTime(IsDaily(shifts) || shifts.FirstOrDefault(s => s.Key == slot.Key) is not { } shift ? TimeOnly.MinValue : shift.Start);

    /// <summary>When the shift ends (a daily review's "shift" is the whole day).</summary>
    public static DateTime EndOf(IReadOnlyList<TeamShift> shifts, ShiftSlot slot)
    {
        if (IsDaily(shifts) || shifts.FirstOrDefault(s => s.Key == slot.Key) is not { } shift)
            return slot.Date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return (shift.CrossesMidnight ? slot.Date.AddDays(1) : slot.Date).ToDateTime(shift.End);
    }

    /// <summary>The review counts as on time until this long after the shift ends.</summary>
    public static DateTime DeadlineOf(IReadOnlyList<TeamShift> shifts, ShiftSlot slot, TimeSpan grace) => EndOf(shifts, slot) + grace;
}
