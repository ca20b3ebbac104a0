using TrainingLms.Domain.People;

namespace TrainingLms.Web.Features.Account;

/// <summary>One address's counter for one of the person's identifiers, with that address's own counter beside it.</summary>
public sealed record SignInLimitRow(string Address, SignInIdentifierKind Kind, int Failures, DateTime? WaitUntilUtc, int AddressFailures, DateTime? AddressWaitUntilUtc);

public sealed record SignInUnlockRow(DateTime UnlockedAtUtc, string? UnlockedBy, int ClearedCounters);

public sealed record SignInLimitsView(IReadOnlyList<SignInLimitRow> Counters, IReadOnlyList<SignInUnlockRow> Unlocks);

/// <summary>What an administrator sees of a person's sign-in counters, and clearing them, which is recorded.</summary>
public sealed class SignInLimits(IDbContextFactory<LmsDbContext> dbFactory, IOptions<AccountOptions> options, TimeProvider clock, ILogger<SignInLimits> logger)
{
    private const int UnlocksShown = 10;

    public async Task<SignInLimitsView?> ForPersonAsync(string personId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await KeysAsync(db, personId) is not { } keys) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var (identifierRule, addressRule) = (options.Value.PerIdentifierRule, options.Value.PerAddressRule);
        var counters = await db.SignInThrottles.AsNoTracking().Where(t => keys.Contains(t.Identifier)).ToListAsync();
        var addresses = counters.Select(c => c.Address).Distinct().ToList();
        var wholeAddresses = await db.SignInThrottles.AsNoTracking()
            .Where(t => t.Identifier == SignInThrottle.WholeAddress && addresses.Contains(t.Address))
            .ToDictionaryAsync(t => t.Address);
        var rows = counters
            .Select(c =>
            {
                var whole = wholeAddresses.GetValueOrDefault(c.Address);
                return new SignInLimitRow(c.Address, SignInIdentifier.KindOfThrottleKey(c.Identifier), c.FailuresAt(now, identifierRule), Until(c, now),
                    whole?.FailuresAt(now, addressRule) ?? 0, whole is null ? null : Until(whole, now));
            })
            .Where(row => row.Failures > 0 || row.WaitUntilUtc is not null || row.AddressWaitUntilUtc is not null)
            .OrderByDescending(row => row.WaitUntilUtc ?? row.AddressWaitUntilUtc).ThenBy(row => row.Address)
            .ToList();

        var unlocks = await db.SignInUnlocks.AsNoTracking().Where(u => u.PersonId == personId)
            .OrderByDescending(u => u.UnlockedAtUtc).Take(UnlocksShown)
            .Select(u => new SignInUnlockRow(u.UnlockedAtUtc, db.Users.Where(p => p.Id == u.UnlockedById).Select(p => p.FullName + " (" + p.UserName + ")").FirstOrDefault(), u.ClearedCounters))
            .ToListAsync();
        return new SignInLimitsView(rows, unlocks);
    }

    /// <summary>
    /// Clears every counter of the person's identifiers, at every address, and the address-wide counters of those
    /// addresses (a person kept waiting by their site's shared address gets in too); records who did it and when.
    /// </summary>
    public async Task<int?> ClearAsync(string personId, string administratorId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await KeysAsync(db, personId) is not { } keys) return null;
        var addresses = await db.SignInThrottles.Where(t => keys.Contains(t.Identifier)).Select(t => t.Address).Distinct().ToListAsync();
        var cleared = await db.SignInThrottles.Where(t => keys.Contains(t.Identifier)).ExecuteDeleteAsync()
            + await db.SignInThrottles.Where(t => t.Identifier == SignInThrottle.WholeAddress && addresses.Contains(t.Address)).ExecuteDeleteAsync();
        db.SignInUnlocks.Add(new SignInUnlock
        {
            PersonId = personId,
            UnlockedById = administratorId,
            UnlockedAtUtc = clock.GetUtcNow().UtcDateTime,
            ClearedCounters = cleared,
        });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("Administrator {AdministratorId} cleared {Count} sign-in counters of person {PersonId}", administratorId, cleared, personId);
        return cleared;
    }

    private static async Task<IReadOnlyList<string>?> KeysAsync(LmsDbContext db, string personId)
    {
        var person = await db.Users.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.UserName, p.PhoneNumber, p.Email }).SingleOrDefaultAsync();
        return person is null ? null : SignInIdentifier.ThrottleKeysOf(person.UserName ?? "", person.PhoneNumber, person.Email);
    }

    private static DateTime? Until(SignInThrottle counter, DateTime now) => counter.WaitAt(now) > TimeSpan.Zero ? counter.BlockedUntilUtc : null;
}
