using System.Globalization;

namespace TrainingLms.Domain.Tests.Time;

public class SiteTimeTests
{
    [Theory]
    [InlineData("Asia/Shanghai", DateTimeKind.Utc, 10)]
    [InlineData("Asia/Shanghai", DateTimeKind.Unspecified, 10)] // unspecified is read as UTC, as the database stores it
    [InlineData(null, DateTimeKind.Utc, 10)]                     // no zone set: Shanghai
    [InlineData("Mars/Olympus_Mons", DateTimeKind.Utc, 10)]      // unknown zone: Shanghai
    [InlineData("Asia/Urumqi", DateTimeKind.Utc, 8)]             // UTC+6 all year
    public void ToLocal_StoredUtc_ShownInTheSiteZone(string? zone, DateTimeKind kind, int expectedHour)
    {
        var local = SiteTime.ToLocal(new DateTime(2025, 3, 1, 2, 30, 0, kind), zone);

        Assert.Equal(new DateTime(2025, 3, 1, expectedHour, 30, 0), local);
    }

    [Fact]
    public void Today_UtcEveningBeforeShanghaiMidnight_SameDate()
    {
        var today = SiteTime.Today(new DateTime(2025, 12, 31, 15, 59, 59, DateTimeKind.Utc), "Asia/Shanghai");

        Assert.Equal(new DateOnly(2025, 12, 31), today);
    }

    [Fact]
    public void Today_UtcEveningAfterShanghaiMidnight_NextDate()
    {
        var today = SiteTime.Today(new DateTime(2025, 12, 31, 16, 0, 0, DateTimeKind.Utc), "Asia/Shanghai");

        Assert.Equal(new DateOnly(2026, 1, 1), today);
    }

    [Theory]
    [InlineData("Asia/Shanghai", true)]
    [InlineData("Europe/London", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    public void IsKnown_ZoneId_WhetherTheSystemHasIt(string zone, bool expected) =>
        Assert.Equal(expected, SiteTime.IsKnown(zone));

    [Theory]
    [InlineData("Asia/Shanghai", "2025-03-01", "2025-03-01T16:00:00")]    // UTC+8: midnight of the 2nd is 16:00 UTC on the 1st
    [InlineData("America/New_York", "2025-03-09", "2025-03-10T04:00:00")] // clocks went forward on the 9th: midnight of the 10th is EDT
    public void EndOfDayUtc_IsMidnightAtTheStartOfTheNextDayThere(string zone, string day, string expectedUtc)
    {
        var end = SiteTime.EndOfDayUtc(DateOnly.Parse(day, CultureInfo.InvariantCulture), zone);

        Assert.Equal(DateTime.Parse(expectedUtc, CultureInfo.InvariantCulture), end);
    }
}
