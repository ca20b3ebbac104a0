using TrainingLms.Domain.Clips;

namespace TrainingLms.Domain.Tests.Clips;

public class WatchLedgerTests
{
    private const double Duration = 60;
    private const double Plenty = 1000;

    private static WatchSpan[] Spans(params (double Start, double End)[] spans) => [.. spans.Select(s => new WatchSpan(s.Start, s.End))];

    [Fact]
    public void Merge_OverlappingTouchingAndNearSpans_BecomeOne_OthersStaySeparateInOrder()
    {
        var merged = WatchLedger.Merge(Spans((30, 40), (0, 10), (5, 12), (12.3, 15), (50, 55)), Duration);

        Assert.Equal(Spans((0, 15), (30, 40), (50, 55)), merged);
    }

    [Fact]
    public void Credit_RewatchingTheSameSeconds_CountsThemOnce()
    {
        var first = WatchLedger.Credit([], Spans((0, 20)), Duration, Plenty);
        var again = WatchLedger.Credit(first.Watched, Spans((0, 20), (5, 15)), Duration, Plenty);

        Assert.Equal(20, first.AddedSeconds, 3);
        Assert.Equal(0, again.AddedSeconds, 3);
        Assert.Equal(20, again.TotalSeconds, 3);
    }

    [Fact]
    public void Credit_SeekingAhead_EarnsOnlyWhatWasPlayedOnEitherSide()
    {
        // Played 0–10, jumped to 50, played to 55: the 40 skipped seconds are not watched.
        var credit = WatchLedger.Credit([], Spans((0, 10), (50, 55)), Duration, Plenty);

        Assert.Equal(15, credit.TotalSeconds, 3);
        Assert.Equal(Spans((0, 10), (50, 55)), credit.Watched);
    }

    [Theory]
    [InlineData(-30, 10, 10)]           // before the start
    [InlineData(50, 1e9, 10)]           // far beyond the end
    [InlineData(70, 80, 0)]             // wholly beyond the end
    [InlineData(20, 10, 0)]             // backwards
    [InlineData(double.NaN, 10, 0)]
    [InlineData(0, double.PositiveInfinity, 0)]
    public void Credit_SpansOutsideTheClipOrNonsense_AreClampedOrDropped(double start, double end, double expected)
    {
        var credit = WatchLedger.Credit([], Spans((start, end)), Duration, Plenty);

        Assert.Equal(expected, credit.TotalSeconds, 3);
        Assert.All(credit.Watched, s => Assert.InRange(s.End, 0, Duration));
    }

    [Fact]
    public void Credit_AFloodOfOverlappingSpans_AddsNoMoreThanTheirUnion()
    {
        var flood = Enumerable.Range(0, 5000).Select(i => new WatchSpan(i % 10, i % 10 + 5)).ToList();

        var credit = WatchLedger.Credit([], flood, Duration, Plenty);

        Assert.Equal(14, credit.TotalSeconds, 3);
    }

    [Fact]
    public void Credit_MoreSpansThanAReportMayHold_TheRestIsIgnored()
    {
        var many = Enumerable.Range(0, WatchLedger.MaxSpansPerReport + 100).Select(i => new WatchSpan(i * 0.1, i * 0.1 + 0.05)).ToList();

        var credit = WatchLedger.Credit([], many, Plenty, Plenty);

        Assert.True(credit.Watched.Max(s => s.End) < (WatchLedger.MaxSpansPerReport + 1) * 0.1);
    }

    [Fact]
    public void Credit_ClaimingTheWholeClipAtOnce_IsLimitedToTheAllowance_InPlayedOrder()
    {
        var credit = WatchLedger.Credit(Spans((0, 5)), Spans((0, 60)), Duration, allowanceSeconds: 20);

        Assert.Equal(20, credit.AddedSeconds, 3);
        Assert.Equal(Spans((0, 25)), credit.Watched);
    }

    [Theory]
    [InlineData(0, 10, 2, 120, 20)]     // ten seconds since the last report, up to double speed
    [InlineData(5, 10, 2, 120, 25)]     // plus what the last report left unspent
    [InlineData(0, 3600, 2, 120, 120)]  // an idle tab saves up no more than the cap
    [InlineData(0, -50, 2, 120, 0)]     // a clock that went backwards gives nothing
    public void Allowance_GrowsWithTimeSinceTheLastReport_UpToTheCap(double unspent, double secondsSince, double rate, double cap, double expected)
    {
        Assert.Equal(expected, WatchLedger.Allowance(unspent, TimeSpan.FromSeconds(secondsSince), rate, cap), 3);
    }

    [Theory]
    [InlineData(30, 60, 0.5)]
    [InlineData(90, 60, 1)]
    [InlineData(10, 0, 0)]
    public void Share_IsWatchedOverDuration_BetweenZeroAndOne(double watched, double duration, double expected)
    {
        Assert.Equal(expected, WatchLedger.Share(watched, duration), 3);
    }

    [Theory]
    [InlineData(25, 25)]
    [InlineData(59, 0)]                 // at the end: start again
    [InlineData(-3, 0)]
    [InlineData(double.NaN, 0)]
    public void ResumePosition_InsideTheClip_OtherwiseFromTheStart(double last, double expected)
    {
        Assert.Equal(expected, WatchLedger.ResumePosition(last, Duration), 3);
    }
}
