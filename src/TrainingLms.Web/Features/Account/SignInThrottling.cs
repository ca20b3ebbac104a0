using TrainingLms.Domain.People;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.Web.Features.Account;

/// <summary>What a password try gave (<see cref="Result"/>), or how long it must wait when the counters refused it.</summary>
public sealed record ThrottledTry<T>(T? Result, TimeSpan? RetryAfter)
{
    public bool WasRefused => RetryAfter is not null;
}

/// <summary>
/// Slows password guessing per client address and typed identifier, and per address, without ever locking an account
/// as such: a stranger's wrong passwords from one address leave the person free to sign in from any other. The counters
/// live in the database (<see cref="SignInThrottle"/>), so every instance of the app sees the same ones and a restart
/// forgives nothing.
/// </summary>
/// <remarks>
/// Tries several requests make at once: the identifier's counter is charged before the password is checked, under the
/// address's write lock (<see cref="WriteLock"/>), with a version check and a new round as the net under it, so no
/// number of simultaneous requests gets more checks than the allowance, on one instance or several. Within one instance the tries
/// for one address and identifier also take turns, so a person tapping "sign in" five times with the right password is
/// not refused for tries that were still running. The address's own counter counts failures once they are known: a
/// class of forty signing in at once from the training room's Wi-Fi must never look like forty failures.
/// </remarks>
public sealed class SignInThrottling(
    IDbContextFactory<LmsDbContext> dbFactory,
    IOptions<AccountOptions> options,
    TimeProvider clock,
    ILogger<SignInThrottling> logger)
{
    // The write lock serialises the rounds of one address; more are a net for a counter changed some other way.
    private const int MaxRounds = 10;
    private readonly KeyedLocks turns = new();
    private long nextPruneTicks;

    /// <summary>
    /// Runs <paramref name="attempt"/> (which checks the password once) unless the counters make it wait, and counts it:
    /// forgiven when <paramref name="succeeded"/> says so, otherwise a failure for the identifier and for the address.
    /// </summary>
    public async Task<ThrottledTry<T>> TryAsync<T>(string address, string identifier, Func<Task<T>> attempt, Func<T, bool> succeeded, CancellationToken cancellationToken = default)
    {
        using var turn = await turns.AcquireAsync(address + "\n" + identifier, cancellationToken);
        var wait = await ChargeAsync(address, identifier, cancellationToken);
        if (wait > TimeSpan.Zero)
        {
            logger.LogWarning("Password try for {Identifier} from {Address} refused for {Seconds} s: too many wrong passwords", identifier, address, (int)Math.Ceiling(wait.TotalSeconds));
            return new ThrottledTry<T>(default, wait);
        }
        var result = await attempt();
        if (succeeded(result)) await ForgiveAsync(address, identifier, cancellationToken);
        else await ChargeAddressAsync(address, cancellationToken);
        return new ThrottledTry<T>(result, null);
    }

    /// <summary>Charges the identifier's counter, unless it or the address's counter makes the try wait (then: how long).</summary>
    private Task<TimeSpan> ChargeAsync(string address, string identifier, CancellationToken cancellationToken) =>
        InRoundsAsync(address, async (db, now) =>
        {
            var (whole, pair) = await CountersAsync(db, address, identifier, cancellationToken);
            var wait = Longer(whole?.WaitAt(now) ?? TimeSpan.Zero, pair?.WaitAt(now) ?? TimeSpan.Zero);
            if (wait == TimeSpan.Zero) (pair ?? Add(db, address, identifier)).Charge(now, options.Value.PerIdentifierRule);
            return wait;
        }, cancellationToken);

    private Task ChargeAddressAsync(string address, CancellationToken cancellationToken) =>
        InRoundsAsync(address, async (db, now) =>
        {
            var (whole, _) = await CountersAsync(db, address, SignInThrottle.WholeAddress, cancellationToken);
            (whole ?? Add(db, address, SignInThrottle.WholeAddress)).Charge(now, options.Value.PerAddressRule);
            return TimeSpan.Zero;
        }, cancellationToken);

    /// <summary>The password was right: the identifier's counter at this address starts again.</summary>
    private Task ForgiveAsync(string address, string identifier, CancellationToken cancellationToken) =>
        InRoundsAsync(address, async (db, _) =>
        {
            var (_, pair) = await CountersAsync(db, address, identifier, cancellationToken);
            if (pair is not null) db.SignInThrottles.Remove(pair);
            return TimeSpan.Zero;
        }, cancellationToken);

    private async Task<TimeSpan> InRoundsAsync(string address, Func<LmsDbContext, DateTime, Task<TimeSpan>> change, CancellationToken cancellationToken)
    {
        for (var round = 1; ; round++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await WriteLock.EnterAsync(db, $"sign-in:{address}", cancellationToken);
                var wait = await change(db, now);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                await PruneAsync(now, cancellationToken);
                return wait;
            }
            catch (DbUpdateException exception) when (round < MaxRounds)
            {
                logger.LogDebug(exception, "Sign-in counters for {Address} changed meanwhile; round {Round}", address, round);
            }
            catch (DbUpdateException exception)
            {
                // Refusing is the safe side: letting the try through would let a flood past the counters.
                logger.LogWarning(exception, "Sign-in counters for {Address} kept changing; try refused", address);
                return options.Value.PerIdentifierRule.FirstDelay;
            }
        }
    }

    private static async Task<(SignInThrottle? Whole, SignInThrottle? Pair)> CountersAsync(LmsDbContext db, string address, string identifier, CancellationToken cancellationToken)
    {
        var counters = await db.SignInThrottles
            .Where(t => t.Address == address && (t.Identifier == SignInThrottle.WholeAddress || t.Identifier == identifier))
            .ToListAsync(cancellationToken);
        return (counters.Find(t => t.IsWholeAddress), counters.Find(t => t.Identifier == identifier && !t.IsWholeAddress));
    }

    private static SignInThrottle Add(LmsDbContext db, string address, string identifier)
    {
        var counter = new SignInThrottle { Address = address, Identifier = identifier };
        db.SignInThrottles.Add(counter);
        return counter;
    }

    private static TimeSpan Longer(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Counters quiet for longer than the memory are worth nothing; at most one sweep per memory span and process.</summary>
    private async Task PruneAsync(DateTime now, CancellationToken cancellationToken)
    {
        var due = Interlocked.Read(ref nextPruneTicks);
        var memory = options.Value.PerIdentifierRule.Memory;
        if (now.Ticks < due || Interlocked.CompareExchange(ref nextPruneTicks, (now + memory).Ticks, due) != due) return;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var forgotten = now - memory;
        var removed = await db.SignInThrottles.Where(t => t.CountedAtUtc < forgotten).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0) logger.LogInformation("Removed {Count} sign-in counters quiet since {Since:u}", removed, forgotten);
    }
}
