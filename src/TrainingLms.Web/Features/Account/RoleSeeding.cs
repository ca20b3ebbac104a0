using Microsoft.AspNetCore.Identity;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Web.Features.Account;

public static class RoleSeeding
{
    /// <summary>The five roles exist in every database, demo or not.</summary>
    public static async Task EnsureRolesAsync(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }
}
