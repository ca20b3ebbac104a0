using Microsoft.AspNetCore.Identity;
using TrainingLms.Domain.People;

namespace TrainingLms.Web.Features.Account;

/// <summary>
/// Refuses passwords that are among the most common or contain the person's employee number or mobile number. Runs
/// wherever Identity sets a password (set-up, an administrator's create and reset, a person's own change); the people
/// import asks it about each new person's initial password.
/// </summary>
public sealed class WeakPasswordValidator(IStringLocalizer<SharedResource> L) : IPasswordValidator<Person>
{
    public Task<IdentityResult> ValidateAsync(UserManager<Person> manager, Person user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        var errors = WeakPasswords.Check(password, user.UserName, user.PhoneNumber)
            .Select(problem => new IdentityError { Code = $"Password{problem}", Description = L[$"Identity.Password{problem}"] })
            .ToArray();
        return Task.FromResult(errors.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(errors));
    }
}
