namespace TrainingLms.Domain.People;

/// <summary>
/// How many wrong passwords a counter lets through before tries must wait, how the wait grows, and how fast the counter
/// forgets: one failure every <see cref="LeakInterval"/> (the whole allowance over <see cref="Memory"/>), and everything
/// after <see cref="Memory"/> without a try.
/// </summary>
public sealed record SignInThrottleRule(int FreeFailures, TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan Memory)
{
    public TimeSpan LeakInterval => Memory / FreeFailures;

    /// <summary>The wait once <paramref name="failures"/> stand: none within the allowance, then doubling up to the cap.</summary>
    public TimeSpan DelayAfter(int failures)
    {
        if (failures < FreeFailures) return TimeSpan.Zero;
        var delay = FirstDelay * Math.Pow(2, Math.Min(failures - FreeFailures, 30));
        return delay < MaxDelay ? delay : MaxDelay;
    }
}

/// <summary>
/// Wrong-password counter for one client address and one typed identifier, or for the address alone
/// (<see cref="Identifier"/> empty). The counter leaks, so the occasional typo of many honest people behind one company
/// address never adds up to a wait.
/// </summary>
public class SignInThrottle
{
    /// <summary>The identifier of the counter that counts every try from an address.</summary>
    public const string WholeAddress = "";

    public const int MaxAddressLength = 64;
    public const int MaxIdentifierLength = 160;

    private const double Rounding = 1e-9;

    public required string Address { get; set; }
    public required string Identifier { get; set; }

    /// <summary>Failures standing at <see cref="CountedAtUtc"/>; fractional because they leak continuously.</summary>
    public double Failures { get; set; }
    public DateTime CountedAtUtc { get; set; }
    public DateTime? BlockedUntilUtc { get; set; }

    /// <summary>Optimistic concurrency: a change made from a stale read is refused and tried again.</summary>
    public int Version { get; set; }

    public bool IsWholeAddress => Identifier == WholeAddress;

    /// <summary>How long a new try must still wait; zero when it may go ahead.</summary>
    public TimeSpan WaitAt(DateTime nowUtc) => BlockedUntilUtc is { } until && until > nowUtc ? until - nowUtc : TimeSpan.Zero;

    /// <summary>The failures still standing, in whole tries.</summary>
    public int FailuresAt(DateTime nowUtc, SignInThrottleRule rule) => Whole(Leaked(nowUtc, rule));

    /// <summary>Counts a failed try and sets the wait the next one faces.</summary>
    public void Charge(DateTime nowUtc, SignInThrottleRule rule)
    {
        Failures = Leaked(nowUtc, rule) + 1;
        CountedAtUtc = nowUtc;
        var delay = rule.DelayAfter(Whole(Failures));
        BlockedUntilUtc = delay > TimeSpan.Zero ? nowUtc + delay : null;
        Version++;
    }

    private double Leaked(DateTime nowUtc, SignInThrottleRule rule)
    {
        var elapsed = nowUtc - CountedAtUtc;
        if (elapsed >= rule.Memory) return 0;
        return elapsed <= TimeSpan.Zero ? Failures : Math.Max(0, Failures - elapsed / rule.LeakInterval);
    }

    private static int Whole(double failures) => (int)Math.Ceiling(failures - Rounding);
}
