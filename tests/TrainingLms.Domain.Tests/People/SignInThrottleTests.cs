using TrainingLms.Domain.People;

namespace TrainingLms.Domain.Tests.People;

public class SignInThrottleTests
{
    private static readonly DateTime Start = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    // Five free, 30 s doubling to 15 min, forgets the allowance over an hour (one failure every 12 minutes).
    private static readonly SignInThrottleRule Rule = new(5, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1));

    private static SignInThrottle Counter() => new() { Address = "203.0.113.1", Identifier = "N:A100" };

    [Theory]
    [InlineData(1, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 30)]
    [InlineData(6, 60)]
    [InlineData(7, 120)]
    [InlineData(9, 480)]
    [InlineData(10, 900)]
    [InlineData(40, 900)]
    public void DelayAfter_FreeThenDoublingToTheCap(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Rule.DelayAfter(failures));
    }

    [Fact]
    public void Charge_WithinTheAllowance_NoWait_TheFifthMakesTheNextWait()
    {
        var counter = Counter();
        for (var i = 0; i < 4; i++) counter.Charge(Start.AddSeconds(i), Rule);
        Assert.Equal(TimeSpan.Zero, counter.WaitAt(Start.AddSeconds(4)));

        counter.Charge(Start.AddSeconds(4), Rule);

        Assert.Equal(TimeSpan.FromSeconds(30), counter.WaitAt(Start.AddSeconds(4)));
        Assert.Equal(TimeSpan.FromSeconds(10), counter.WaitAt(Start.AddSeconds(24)));
        Assert.Equal(TimeSpan.Zero, counter.WaitAt(Start.AddSeconds(34)));
        Assert.Equal(5, counter.FailuresAt(Start.AddSeconds(4), Rule));
    }

    [Fact]
    public void Charge_AfterEachWait_TheWaitDoubles()
    {
        var counter = Counter();
        for (var i = 0; i < 5; i++) counter.Charge(Start, Rule);
        var now = Start.AddSeconds(30);

        counter.Charge(now, Rule);

        Assert.Equal(TimeSpan.FromSeconds(60), counter.WaitAt(now));
    }

    [Fact]
    public void Failures_LeakOneEveryTwelveMinutes_AndAllAfterAnHourOfQuiet()
    {
        var counter = Counter();
        for (var i = 0; i < 4; i++) counter.Charge(Start, Rule);

        Assert.Equal(4, counter.FailuresAt(Start, Rule));
        Assert.Equal(3, counter.FailuresAt(Start.AddMinutes(12), Rule));
        Assert.Equal(1, counter.FailuresAt(Start.AddMinutes(36), Rule));
        Assert.Equal(0, counter.FailuresAt(Start.AddHours(1), Rule));
    }

    [Fact]
    public void Charge_OccasionalTyposOfManyPeople_NeverAddUpToAWait()
    {
        // One wrong password every quarter of an hour from a site's shared address, all day long.
        var counter = Counter();
        for (var i = 0; i < 40; i++)
        {
            var now = Start.AddMinutes(15 * i);
            Assert.Equal(TimeSpan.Zero, counter.WaitAt(now));
            counter.Charge(now, Rule);
        }
    }

    [Fact]
    public void Charge_EveryChange_NewVersion()
    {
        var counter = Counter();

        counter.Charge(Start, Rule);
        counter.Charge(Start, Rule);

        Assert.Equal(2, counter.Version);
    }
}
