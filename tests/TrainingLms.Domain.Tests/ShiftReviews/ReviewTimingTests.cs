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

    [Fact]
    public void IsInFuture_TomorrowIs_TodayIsNot()
    {
        Assert.True(ReviewTiming.IsInFuture(Date.AddDays(1), At(0, 23, 59)));
        Assert.False(ReviewTiming.IsInFuture(Date, At(0, 0, 1)));
    }
}
