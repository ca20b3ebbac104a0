using Microsoft.AspNetCore.Identity;
using TrainingLms.Data.Identity;

namespace TrainingLms.Web.Features.Account;

public enum PasswordCheck
{
    Confirmed = 1,
    Missing = 2,
    Wrong = 3,
    LockedOut = 4,
}

/// <summary>
/// A signed-in person re-entering their password to sign something. Goes through Identity's own check, so a wrong
/// password counts towards the lockout like a wrong sign-in, and a locked-out account cannot sign until it lifts.
/// </summary>
public sealed class PasswordConfirmation(UserManager<Person> users, SignInManager<Person> signIn)
{
    public async Task<PasswordCheck> CheckAsync(string personId, string? password)
    {
        if (string.IsNullOrEmpty(password)) return PasswordCheck.Missing;
        if (await users.FindByIdAsync(personId) is not { IsActive: true } person) return PasswordCheck.Wrong;
        var result = await signIn.CheckPasswordSignInAsync(person, password, lockoutOnFailure: true);
        return result.Succeeded ? PasswordCheck.Confirmed : result.IsLockedOut ? PasswordCheck.LockedOut : PasswordCheck.Wrong;
    }
}
