using TrainingLms.Domain.FootageSessions;

namespace TrainingLms.Domain.Tests.FootageSessions;

public class FootageRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Theory]
    [InlineData("0:00", 0)]
    [InlineData("01:25", 85)]
    [InlineData(" 2:05 ", 125)]
    [InlineData("125:59", 7559)]
    public void ParseMoment_MinutesAndSeconds_Seconds(string text, int expected) => Assert.Equal(expected, FootageRules.ParseMoment(text));

    [Theory]
    [InlineData("")]
    [InlineData("85")]
    [InlineData("1:5")]
    [InlineData("1:60")]
    [InlineData("abc")]
    [InlineData("1:2:3")]
    [InlineData("-1:00")]
    [InlineData("１:２５")]
    [InlineData("99999:00")]
    [InlineData(":30")]
    public void ParseMoment_AnythingElse_Null(string text) => Assert.Null(FootageRules.ParseMoment(text));

    [Theory]
    [InlineData(0, "00:00")]
    [InlineData(85, "01:25")]
    [InlineData(7559, "125:59")]
    public void FormatMoment_ReadsBackAsTyped(int seconds, string expected)
    {
        Assert.Equal(expected, FootageRules.FormatMoment(seconds));
        Assert.Equal(seconds, FootageRules.ParseMoment(expected));
    }

    [Theory]
    [InlineData(0, 30.4, true)]
    [InlineData(30, 30.4, true)]
    [InlineData(31, 30.4, false)]
    [InlineData(30, 29.99, false)]
    [InlineData(-1, 30, false)]
    public void IsWithinClip_UpToTheLastWholeSecond(int moment, double clipSeconds, bool expected) =>
        Assert.Equal(expected, FootageRules.IsWithinClip(moment, clipSeconds));

    [Theory]
    [InlineData(0, true)]
    [InlineData(-14, true)]
    [InlineData(-15, false)]
    [InlineData(1, false)]
    public void IsHeldOnInRange_TodayOrTheLastTwoWeeks(int days, bool expected) =>
        Assert.Equal(expected, FootageRules.IsHeldOnInRange(Today.AddDays(days), Today));

    [Theory]
    [InlineData(0, -3, true)]
    [InlineData(90, 0, true)]
    [InlineData(91, 0, false)]
    [InlineData(-1, -3, false)]
    [InlineData(0, 1, false)]
    public void IsDueInRange_FromTheSessionAndTodayToNinetyDays(int dueDays, int heldDays, bool expected) =>
        Assert.Equal(expected, FootageRules.IsDueInRange(Today.AddDays(dueDays), Today.AddDays(heldDays), Today));

    [Fact]
    public void MayRecord_TrainersAndTheSitesManagerOnly()
    {
        Assert.True(FootageRules.MayRecord(new FootageActor("t", ManagesSite: false, OverseesAll: true)));
        Assert.True(FootageRules.MayRecord(new FootageActor("m", ManagesSite: true, OverseesAll: false)));
        Assert.False(FootageRules.MayRecord(new FootageActor("other-site-manager-or-leader", ManagesSite: false, OverseesAll: false)));
    }

    [Fact]
    public void MayClose_OnlyTheOwner_EvenATrainer()
    {
        Assert.True(FootageRules.MayClose(new FootageActor("owner", false, false), "owner"));
        Assert.False(FootageRules.MayClose(new FootageActor("trainer", false, true), "owner"));
        Assert.False(FootageRules.MayClose(new FootageActor("manager", true, false), "owner"));
    }

    [Fact]
    public void MayJudge_TheRecorderOrTheSitesManager()
    {
        Assert.True(FootageRules.MayJudge(new FootageActor("recorder", false, false), "recorder"));
        Assert.True(FootageRules.MayJudge(new FootageActor("manager", true, false), "recorder"));
        Assert.False(FootageRules.MayJudge(new FootageActor("trainer", false, true), "recorder"));
        Assert.False(FootageRules.MayJudge(new FootageActor("owner", false, false), "recorder"));
    }
}
