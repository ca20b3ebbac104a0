using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace TrainingLms.Web.Features.Account;

/// <summary>Deactivated people can neither sign in nor keep using a session they already had.</summary>
public class LmsSignInManager(
    UserManager<Person> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<Person> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<Person>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Person> confirmation)
    : SignInManager<Person>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(Person user) => user.IsActive && await base.CanSignInAsync(user);

    public override async Task<Person?> ValidateSecurityStampAsync(ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { IsActive: true } person ? person : null;
}
