using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingLms.Data;
using TrainingLms.Domain.People;

namespace TrainingLms.Web.Features.Account;

/// <summary>A try the counters let through (<see cref="RetryAfter"/> null) or refused, with what to give back if it succeeds.</summary>
public sealed record SignInGate(string Address, string Identifier, TimeSpan? RetryAfter)
{
    public bool IsOpen => RetryAfter is null;
}

/// <summary>
/// Slows password guessing per client address and typed identifier, and per address, without ever locking an account
/// as such: a stranger's wrong passwords from one address leave the person free to sign in from any other. The counters
/// live in the database (<see cref="SignInThrottle"/>) so that every instance of the app sees the same ones and a
/// restart forgives nothing.
/// </summary>
public sealed class SignInThrottling(
    IDbContextFactory<LmsDbContext> dbFactory,
    IOptions<AccountOptions> options,
    TimeProvider clock,
    ILogger<SignInThrottling> logger)
{
    // Enough for the optimistic rounds of a server database under a burst; SQLite serialises and needs one.
    private const int MaxRounds = 10;
    private long nextPruneTicks;

    /// <summary>
    /// Charges one failure to both counters before the password is checked, unless either makes the try wait. Charging
    /// first is what keeps requests sent at once from all being checked against a counter that still looks clean.
    /// </summary>
    public async Task<SignInGate> EnterAsync(string address, string identifier, CancellationToken cancellationToken = default)
    {
        var account = options.Value;
        for (var round = 1; ; round++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                // On SQLite an immediate transaction: tries queue here one at a time. On a server database the version
                // check refuses a save made from a stale read, and the round starts again.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var (whole, pair) = await CountersAsync(db, address, identifier, cancellationToken);
                var wait = Longer(whole?.WaitAt(now) ?? TimeSpan.Zero, pair?.WaitAt(now) ?? TimeSpan.Zero);
                if (wait > TimeSpan.Zero)
                {
                    logger.LogWarning("Sign-in try for {Identifier} from {Address} refused for {Seconds} s: too many wrong passwords", identifier, address, (int)Math.Ceiling(wait.TotalSeconds));
                    return new SignInGate(address, identifier, wait);
                }
                (whole ?? Add(db, address, SignInThrottle.WholeAddress)).Charge(now, account.PerAddressRule);
                (pair ?? Add(db, address, identifier)).Charge(now, account.PerIdentifierRule);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (round < MaxRounds)
            {
                logger.LogDebug(exception, "Sign-in counters for {Address} changed meanwhile; round {Round}", address, round);
                continue;
            }
            catch (DbUpdateException exception)
            {
                // Refusing is the safe side: letting the try through would let a flood past the counters.
                logger.LogWarning(exception, "Sign-in counters for {Address} kept changing; try refused", address);
                return new SignInGate(address, identifier, account.PerIdentifierRule.FirstDelay);
            }
            await PruneAsync(now, cancellationToken);
            return new SignInGate(address, identifier, null);
        }
    }

    /// <summary>The try was right: the identifier's counter at this address starts again, the address gets its charge back.</summary>
    public async Task SucceededAsync(SignInGate gate, CancellationToken cancellationToken = default)
    {
        for (var round = 1; ; round++)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var (whole, pair) = await CountersAsync(db, gate.Address, gate.Identifier, cancellationToken);
                if (pair is not null) db.SignInThrottles.Remove(pair);
                whole?.Refund(clock.GetUtcNow().UtcDateTime, options.Value.PerAddressRule);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (round < MaxRounds)
            {
            }
        }
    }

    private static async Task<(SignInThrottle? Whole, SignInThrottle? Pair)> CountersAsync(LmsDbContext db, string address, string identifier, CancellationToken cancellationToken)
    {
        var counters = await db.SignInThrottles
            .Where(t => t.Address == address && (t.Identifier == SignInThrottle.WholeAddress || t.Identifier == identifier))
            .ToListAsync(cancellationToken);
        return (counters.Find(t => t.IsWholeAddress), counters.Find(t => t.Identifier == identifier));
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
