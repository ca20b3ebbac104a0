using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.ShiftReviews;

namespace TrainingLms.Domain.Tests.ShiftReviews;

public class ReviewTimingTests
{
    private static readonly IReadOnlyList<TeamShift> Night = [new("夜班", new(22, 0), new(6, 0))];
    private static readonly DateOnly Date = new(2026, 3, 10);
    private static readonly TimeSpan Grace = TimeSpan.FromHours(2);

    private static DateTime At(int dayOffset, int hour, int minute = 0) => Date.AddDays(dayOffset).ToDateTime(new TimeOnly(hour, minute));

    [Theory]
    [InlineData(0, 23, ReviewStatus.Pending)]   // shift running
    [InlineData(1, 7, ReviewStatus.Pending)]    // ended at 06:00, still within grace
    [InlineData(1, 8, ReviewStatus.Pending)]    // deadline itself
    [InlineData(1, 9, ReviewStatus.Missing)]
    public void Status_NightShiftNotFiled_MissingOnlyAfterNextMorningsDeadline(int dayOffset, int hour, ReviewStatus expected)
    {
        var deadline = ShiftCalendar.DeadlineOf(Night, new(Date, "夜班"), Grace);

        Assert.Equal(expected, ReviewTiming.Status(filed: false, filedLate: false, deadline, At(dayOffset, hour)));
    }

    [Fact]
    public void Status_Filed_OnTimeOrLate_WhateverTheTimeNow()
    {
        var deadline = ShiftCalendar.DeadlineOf(Night, new(Date, "夜班"), Grace);

        Assert.Equal(ReviewStatus.Filed, ReviewTiming.Status(true, ReviewTiming.IsLate(At(1, 6, 30), deadline), deadline, At(5, 0)));
        Assert.Equal(ReviewStatus.Late, ReviewTiming.Status(true, ReviewTiming.IsLate(At(1, 8, 1), deadline), deadline, At(5, 0)));
    }

    [Theory]
    [InlineData(0, 23, true)]
    [InlineData(1, 0, false)]   // past midnight, site-local: now an amendment
    [InlineData(3, 12, false)]
    public void EditsInPlace_OnlyOnTheSiteLocalDayFirstFiled(int dayOffset, int hour, bool expected)
    {
        Assert.Equal(expected, ReviewTiming.EditsInPlace(At(0, 6, 30), At(dayOffset, hour)));
    }

    private static readonly IReadOnlyList<TeamShift> DayAndNight = [new("白班", new(8, 0), new(20, 0)), new("夜班", new(20, 0), new(8, 0))];

    [Theory]
    // shift (empty: a daily review), days from Date, now: days from Date, hour, minute → not started yet
    [InlineData("夜班", 0, 0, 12, 0, true)]    // tonight's night shift at noon: its date is today, but it has not begun
    [InlineData("夜班", 0, 0, 19, 59, true)]
    [InlineData("夜班", 0, 0, 20, 0, false)]   // it starts now
    [InlineData("夜班", 0, 1, 6, 0, false)]    // after midnight, still running: belongs to the day it started
    [InlineData("夜班", -1, 0, 7, 0, false)]   // last night's, just ending
    [InlineData("白班", 0, 0, 7, 59, true)]
    [InlineData("白班", 0, 0, 8, 0, false)]
    [InlineData("白班", 1, 0, 23, 0, true)]    // tomorrow's
    [InlineData("", 0, 0, 0, 1, false)]        // a daily review: the day has begun
    [InlineData("", 1, 0, 23, 59, true)]       // tomorrow
    public void IsInFuture_ComparesTheShiftsStartWithTheSiteLocalTime(string shift, int slotDay, int nowDay, int hour, int minute, bool expected)
    {
        var shifts = shift.Length == 0 ? [] : DayAndNight;
        var slot = new ShiftSlot(Date.AddDays(slotDay), shift.Length == 0 ? ShiftCalendar.DailyKey : shift);

        Assert.Equal(expected, ReviewTiming.IsInFuture(shifts, slot, At(nowDay, hour, minute)));
    }
}
