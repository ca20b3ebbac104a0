using Microsoft.EntityFrameworkCore;
using TrainingLms.Data;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Web.Features.Account;

/// <summary>Whether the one-time first-administrator set-up is still open: only while no administrator exists.</summary>
public class SetupState(IDbContextFactory<LmsDbContext> dbFactory)
{
    private volatile bool hasAdministrator;

    public async Task<bool> IsSetupNeededAsync(CancellationToken cancellationToken = default)
    {
        if (hasAdministrator) return false;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        hasAdministrator = await HasAdministratorAsync(db, cancellationToken);
        return !hasAdministrator;
    }

    public static Task<bool> HasAdministratorAsync(LmsDbContext db, CancellationToken cancellationToken = default) =>
        (from userRole in db.UserRoles
         join role in db.Roles on userRole.RoleId equals role.Id
         where role.Name == Roles.Admin
         select userRole).AnyAsync(cancellationToken);
}
