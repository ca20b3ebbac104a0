using TrainingLms.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Identity;
using TrainingLms.Domain.People;

namespace TrainingLms.Web.Features.Account;

public enum SignInStatus
{
    SignedIn = 1,
    Failed = 2,
    Throttled = 3,
}

public sealed record SignInOutcome(SignInStatus Status, Person? Person = null, TimeSpan RetryAfter = default);

/// <summary>
/// A hash of a random password, made once, that an unknown identifier's password is checked against: the same hashing
/// work as checking a real account's password, so the time taken does not tell which identifiers exist.
/// </summary>
public sealed class UnknownAccountHash(IOptions<PasswordHasherOptions> options)
{
    // Made by a hasher of its own, with the app's settings (so the same iteration count), and not counted as a check.
    private readonly Lazy<string> hash = new(() =>
        new PasswordHasher<Person>(options).HashPassword(new Person { FullName = "" }, Convert.ToBase64String(Guid.NewGuid().ToByteArray())));

    public string Value => hash.Value;
}

/// <summary>
/// Signing in with a password. Every try that the counters let through costs exactly one password-hash check, whether
/// the identifier is unknown, the password wrong or the person deactivated, and every refusal reads the same.
/// </summary>
public sealed class PasswordSignIn(
    PersonLookup lookup,
    UserManager<Person> users,
    SignInManager<Person> signIn,
    IPasswordHasher<Person> hasher,
    UnknownAccountHash unknownAccount,
    SignInThrottling throttling)
{
    public async Task<SignInOutcome> SignInAsync(HttpContext context, string typed, string password, bool rememberMe)
    {
        var tried = await throttling.TryAsync(ClientAddress.Key(context), SignInIdentifier.Parse(typed).ThrottleKey, async () =>
        {
            var person = await lookup.FindAsync(typed);
            // The password is checked before anything else about the account, so that a deactivated person costs the same.
            return await CheckPasswordAsync(person, password) && await signIn.CanSignInAsync(person!) ? person : null;
        }, person => person is not null);
        if (tried.RetryAfter is { } wait) return new SignInOutcome(SignInStatus.Throttled, RetryAfter: wait);
        if (tried.Result is not { } signingIn) return new SignInOutcome(SignInStatus.Failed);

        await signIn.SignInAsync(signingIn, rememberMe);
        return new SignInOutcome(SignInStatus.SignedIn, signingIn);
    }

    private async Task<bool> CheckPasswordAsync(Person? person, string password)
    {
        if (person?.PasswordHash is not null) return await users.CheckPasswordAsync(person, password);
        hasher.VerifyHashedPassword(new Person { FullName = "" }, unknownAccount.Value, password);
        return false;
    }
}
