using TrainingLms.Domain.Drills;

namespace TrainingLms.Domain.Tests.Drills;

public class EvidenceTimeTests
{
    [Theory]
    [InlineData("", null)]
    [InlineData("  ", null)]
    [InlineData("95", 95)]
    [InlineData("1:35", 95)]
    [InlineData("01:35", 95)]
    [InlineData("1：35", 95)]      // a full-width colon from a Chinese keyboard
    [InlineData("1:02:03", 3723)]
    public void TryParse_SecondsOrMinutesSeconds(string text, int? expected)
    {
        Assert.True(EvidenceTime.TryParse(text, out var seconds));
        Assert.Equal(expected, seconds);
    }

    [Theory]
    [InlineData("1:60")]
    [InlineData("abc")]
    [InlineData("1::2")]
    [InlineData("-5")]
    [InlineData("1:2:3:4")]
    [InlineData("24:00:00")]
    public void TryParse_Nonsense_Refused(string text)
    {
        Assert.False(EvidenceTime.TryParse(text, out _));
    }

    [Theory]
    [InlineData(95, "1:35")]
    [InlineData(5, "0:05")]
    [InlineData(3723, "1:02:03")]
    public void Format_RoundTrips(int seconds, string expected)
    {
        Assert.Equal(expected, EvidenceTime.Format(seconds));
        Assert.True(EvidenceTime.TryParse(expected, out var back));
        Assert.Equal(seconds, back);
    }
}
