using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.ShiftReviews;

namespace TrainingLms.Domain.Tests.ShiftReviews;

public class ShiftCalendarTests
{
    private static readonly TeamShift Day = new("白班", new(8, 0), new(20, 0));
    private static readonly TeamShift Night = new("夜班", new(20, 0), new(8, 0));
    private static readonly IReadOnlyList<TeamShift> TwoShifts = [Night, Day];
    private static readonly DateOnly Date = new(2026, 3, 10);

    [Theory]
    [InlineData(9, 0, 0, "白班")]      // day shift running
    [InlineData(20, 30, 0, "夜班")]    // night shift just started
    [InlineData(23, 59, 0, "夜班")]
    [InlineData(3, 0, -1, "夜班")]     // after midnight: the night shift that started yesterday
    [InlineData(7, 59, -1, "夜班")]
    [InlineData(8, 0, 0, "白班")]
    public void Current_TwoShifts_IsTheShiftThatStartedLast(int hour, int minute, int dayOffset, string expectedKey)
    {
        var slot = ShiftCalendar.Current(TwoShifts, Date.ToDateTime(new TimeOnly(hour, minute)));

        Assert.Equal(new ShiftSlot(Date.AddDays(dayOffset), expectedKey), slot);
    }

    [Fact]
    public void Current_NoConcentratedShift_IsTodaysDailyReview()
    {
        Assert.Equal(new ShiftSlot(Date, ShiftCalendar.DailyKey), ShiftCalendar.Current([], Date.ToDateTime(new TimeOnly(0, 5))));
    }

    [Fact]
    public void EndOf_NightShift_EndsNextMorning_DailyReview_EndsAtMidnight()
    {
        Assert.Equal(Date.AddDays(1).ToDateTime(new TimeOnly(8, 0)), ShiftCalendar.EndOf(TwoShifts, new(Date, "夜班")));
        Assert.Equal(Date.ToDateTime(new TimeOnly(20, 0)), ShiftCalendar.EndOf(TwoShifts, new(Date, "白班")));
        Assert.Equal(Date.AddDays(1).ToDateTime(TimeOnly.MinValue), ShiftCalendar.EndOf([], new(Date, ShiftCalendar.DailyKey)));
    }

    [Fact]
    public void SlotsOn_ShiftsInStartOrder_OrOneDailySlot()
    {
        Assert.Equal([new(Date, "白班"), new(Date, "夜班")], ShiftCalendar.SlotsOn(TwoShifts, Date));
        Assert.Equal([new(Date, ShiftCalendar.DailyKey)], ShiftCalendar.SlotsOn([], Date));
    }

    [Fact]
    public void IsKnownKey_OnlyTheTeamsShifts_OrDayForDailyTeams()
    {
        Assert.True(ShiftCalendar.IsKnownKey(TwoShifts, "夜班"));
        Assert.False(ShiftCalendar.IsKnownKey(TwoShifts, ShiftCalendar.DailyKey));
        Assert.True(ShiftCalendar.IsKnownKey([], ShiftCalendar.DailyKey));
        Assert.False(ShiftCalendar.IsKnownKey([], "夜班"));
    }
}
