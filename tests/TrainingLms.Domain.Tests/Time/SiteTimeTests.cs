namespace TrainingLms.Domain.Tests.Time;

public class SiteTimeTests
{
    [Fact]
    public void ToLocal_UtcInShanghai_EightHoursAhead()
    {
        var local = SiteTime.ToLocal(new DateTime(2025, 3, 1, 2, 30, 0, DateTimeKind.Utc), "Asia/Shanghai");

        Assert.Equal(new DateTime(2025, 3, 1, 10, 30, 0), local);
    }

    [Fact]
    public void ToLocal_UnspecifiedKind_TreatedAsUtc()
    {
        var local = SiteTime.ToLocal(new DateTime(2025, 3, 1, 2, 30, 0, DateTimeKind.Unspecified), "Asia/Shanghai");

        Assert.Equal(new DateTime(2025, 3, 1, 10, 30, 0), local);
    }

    [Fact]
    public void ToLocal_NoZone_Shanghai()
    {
        var local = SiteTime.ToLocal(new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc), null);

        Assert.Equal(new DateTime(2025, 7, 1, 8, 0, 0), local);
    }

    [Fact]
    public void ToLocal_UnknownZone_FallsBackToShanghai()
    {
        var local = SiteTime.ToLocal(new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc), "Mars/Olympus_Mons");

        Assert.Equal(new DateTime(2025, 7, 1, 8, 0, 0), local);
    }

    [Fact]
    public void ToLocal_OtherKnownZone_UsesThatZone()
    {
        // Urumqi keeps UTC+6 all year.
        var local = SiteTime.ToLocal(new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc), "Asia/Urumqi");

        Assert.Equal(new DateTime(2025, 7, 1, 6, 0, 0), local);
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
}
