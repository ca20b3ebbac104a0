using Microsoft.AspNetCore.Identity;

namespace TrainingLms.Web.Features.Account;

/// <summary>Identity's messages in the person's language.</summary>
public class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> L) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), L["Identity.DefaultError"]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), L["Identity.PasswordMismatch"]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), L["Identity.DefaultError"]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), L["Identity.PasswordTooShort", length]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), L["Identity.PasswordRequiresDigit"]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), L["Validation.EmployeeNumberTaken"]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), L["Identity.ConcurrencyFailure"]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), L["Validation.EmployeeNumber"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
