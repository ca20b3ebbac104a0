namespace TrainingLms.Domain.Tests.Time;

public class StoredTimeTests
{
    [Theory]
    [InlineData(638_000_000_000_000_000L, 638_000_000_000_000_000L)] // a whole microsecond stays
    [InlineData(638_000_000_000_000_009L, 638_000_000_000_000_000L)] // 900 ns are cut, never rounded up
    [InlineData(638_000_000_000_001_234L, 638_000_000_000_001_230L)]
    public void Of_TicksBelowAMicrosecond_AreCut(long ticks, long expected)
    {
        Assert.Equal(expected, StoredTime.Of(new DateTime(ticks)).Ticks);
    }

    [Theory]
    [InlineData(DateTimeKind.Utc)]
    [InlineData(DateTimeKind.Unspecified)]
    public void Of_KeepsTheKind(DateTimeKind kind)
    {
        Assert.Equal(kind, StoredTime.Of(new DateTime(638_000_000_000_000_007L, kind)).Kind);
    }
}
