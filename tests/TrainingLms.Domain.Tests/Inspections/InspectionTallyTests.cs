using TrainingLms.Domain.Inspections;

namespace TrainingLms.Domain.Tests.Inspections;

public class InspectionTallyTests
{
    private static ItemResult R(string key, ItemVerdict verdict) => new(key, verdict, "");

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(2, 1, 66.7)]
    [InlineData(1, 2, 33.3)]
    [InlineData(1, 7, 12.5)]
    [InlineData(5, 0, 100.0)]
    public void PassRate_OkOfJudged_OneDecimal_NoneWithoutJudgement(int ok, int notOk, double? expected) =>
        Assert.Equal(expected, InspectionTally.PassRate(ok, notOk));

    [Fact]
    public void Count_NotSeenLeftOutOfRates_WeeksFromTheMondayOfTheFirstDay_EmptyWeeksKept()
    {
        // 2026-12-01 is a Tuesday of ISO week 49; the period ends on Thursday 2026-12-17 (week 51).
        InspectionFacts[] inspections =
        [
            new(true, new(2026, 12, 1), [R("smile", ItemVerdict.Ok), R("greet", ItemVerdict.NotOk), R("rise", ItemVerdict.NotSeen)]),
            new(false, new(2026, 12, 6), [R("smile", ItemVerdict.NotOk), R("greet", ItemVerdict.NotOk)]),
            new(false, new(2026, 12, 16), [R("smile", ItemVerdict.Ok)]),
        ];

        var totals = InspectionTally.Count(inspections, new(2026, 12, 1), new(2026, 12, 17));

        Assert.Equal((3, 1, 2, 2, 3, 1, 40.0), (totals.Held, totals.Announced, totals.WalkBy, totals.Ok, totals.NotOk, totals.NotSeen, totals.PassRate!.Value));
        Assert.Equal([new ItemTally("greet", 0, 2, 0), new ItemTally("smile", 2, 1, 0), new ItemTally("rise", 0, 0, 1)], totals.Items);
        Assert.Equal([(2026, 49, 2, 25.0), (2026, 50, 0, (double?)null), (2026, 51, 1, 100.0)], totals.Weeks.Select(w => (w.IsoYear, w.Week, w.Inspections, w.PassRate)));
        Assert.Equal(new DateOnly(2026, 11, 30), totals.Weeks[0].Monday);
        Assert.Equal("2026-W49", totals.Weeks[0].Label);
        Assert.Equal(["greet", "smile"], InspectionTally.MostFailed(totals.Items, 5).Select(i => i.Key));
    }

    [Fact]
    public void Count_WeekAcrossTheYear_TakesTheIsoYear() =>
        Assert.Equal("2026-W53", InspectionTally.Count([], new(2027, 1, 1), new(2027, 1, 3)).Weeks.Single().Label);
}
