using TrainingLms.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Identity;
using TrainingLms.Domain.People;

namespace TrainingLms.Web.Features.Account;

public enum PasswordCheck
{
    Confirmed = 1,
    Missing = 2,
    Wrong = 3,
    Throttled = 4,
}

/// <summary>
/// A signed-in person re-entering their password to sign something (or to change it). Wrong passwords count on the same
/// counters as sign-in tries with the person's employee number from the same address, so a session left open on a
/// shared phone is no way around them.
/// </summary>
public sealed class PasswordConfirmation(UserManager<Person> users, SignInThrottling throttling, IHttpContextAccessor http)
{
    public async Task<PasswordCheck> CheckAsync(string personId, string? password)
    {
        if (string.IsNullOrEmpty(password)) return PasswordCheck.Missing;
        if (await users.FindByIdAsync(personId) is not { IsActive: true } person) return PasswordCheck.Wrong;
        var tried = await TryAsync(person, () => users.CheckPasswordAsync(person, password), right => right);
        return tried.WasRefused ? PasswordCheck.Throttled : tried.Result ? PasswordCheck.Confirmed : PasswordCheck.Wrong;
    }

    /// <summary>Runs a check of the person's own password on the counters of their employee number at this address.</summary>
    public Task<ThrottledTry<T>> TryAsync<T>(Person person, Func<Task<T>> attempt, Func<T, bool> passwordWasRight) =>
        throttling.TryAsync(
            http.HttpContext is { } context ? ClientAddress.Key(context) : ClientAddress.Unknown,
            new SignInIdentifier(SignInIdentifierKind.EmployeeNumber, person.UserName ?? "").ThrottleKey,
            attempt,
            passwordWasRight);
}
