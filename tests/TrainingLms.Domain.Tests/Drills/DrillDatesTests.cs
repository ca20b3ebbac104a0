using TrainingLms.Domain.Drills;

namespace TrainingLms.Domain.Tests.Drills;

public class DrillDatesTests
{
    [Theory]
    [InlineData("2026-03-10", 12, "2027-03-09")]
    [InlineData("2026-03-10", 1, "2026-04-09")]
    [InlineData("2026-01-31", 1, "2026-02-28")]   // no 31 February: through the month's end
    [InlineData("2026-01-30", 1, "2026-02-28")]
    [InlineData("2026-01-28", 1, "2026-02-27")]
    [InlineData("2024-02-29", 12, "2025-02-28")]  // leap day
    [InlineData("2023-03-01", 12, "2024-02-29")]
    [InlineData("2026-12-31", 6, "2027-06-30")]
    public void ValidThrough_TheDayBeforeTheSameDateLater(string heldOn, int months, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), DrillDates.ValidThrough(DateOnly.Parse(heldOn), months));
    }

    [Theory]
    [InlineData(0, "2026-05-01")]
    [InlineData(7, "2026-05-08")]
    public void RetakeFrom_HeldOnPlusTheWait(int days, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), DrillDates.RetakeFrom(new DateOnly(2026, 5, 1), days));
    }

    [Theory]
    // Valid through 30 June, site-local. Shanghai is UTC+8: its 1 July starts at 16:00 UTC on 30 June.
    [InlineData("Asia/Shanghai", "2026-06-30T15:59:59Z", true)]
    [InlineData("Asia/Shanghai", "2026-06-30T16:00:00Z", false)]
    // New York in summer is UTC−4: its 1 July starts at 04:00 UTC on 1 July.
    [InlineData("America/New_York", "2026-07-01T03:59:59Z", true)]
    [InlineData("America/New_York", "2026-07-01T04:00:00Z", false)]
    public void IsValid_EndsAtTheSiteLocalMidnight(string zone, string utcNow, bool valid)
    {
        var now = DateTime.Parse(utcNow, null, System.Globalization.DateTimeStyles.AdjustToUniversal);

        Assert.Equal(valid, DrillDates.IsValid(new DateOnly(2026, 6, 30), now, zone));
    }
}
