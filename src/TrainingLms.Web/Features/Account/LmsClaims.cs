using Microsoft.AspNetCore.Identity;

namespace TrainingLms.Web.Features.Account;

public static class LmsClaims
{
    public const string FullName = "lms:full_name";
    public const string MustChangePasswordType = "lms:must_change_password";

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(FullName) ?? user.Identity?.Name ?? "";

    /// <summary>The signed-in person's id; pages behind a sign-in policy always have one.</summary>
    public static string PersonId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in person.");

    public static bool MustChangePassword(this ClaimsPrincipal user) => user.HasClaim(MustChangePasswordType, "true");
}

/// <summary>Puts the person's name, roles and the must-change-password flag into the sign-in cookie.</summary>
public class LmsClaimsPrincipalFactory(UserManager<Person> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Person>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Person user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        // Roles carry no claims of their own here, so one query for their names is all the cookie needs
        // (the cookie is rebuilt every few minutes for every signed-in person).
        foreach (var role in await UserManager.GetRolesAsync(user))
            identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, role));
        identity.AddClaim(new Claim(LmsClaims.FullName, user.FullName));
        if (user.MustChangePassword) identity.AddClaim(new Claim(LmsClaims.MustChangePasswordType, "true"));
        return identity;
    }
}
