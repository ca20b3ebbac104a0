using TrainingLms.Domain.Organisation;

namespace TrainingLms.Web.Features.Account;

/// <summary>
/// Whether the one-time first-administrator set-up is still open: only while the database has neither a company
/// nor an administrator. Set-up writes the company, so losing every administrator later never reopens it.
/// </summary>
public class SetupState(IDbContextFactory<LmsDbContext> dbFactory)
{
    private volatile bool isSetUp;

    public async Task<bool> IsSetupNeededAsync(CancellationToken cancellationToken = default)
    {
        if (isSetUp) return false;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        isSetUp = await IsSetUpAsync(db, cancellationToken);
        return !isSetUp;
    }

    public static async Task<bool> IsSetUpAsync(LmsDbContext db, CancellationToken cancellationToken = default) =>
        await db.Companies.AnyAsync(cancellationToken)
        || await (from userRole in db.UserRoles
                  join role in db.Roles on userRole.RoleId equals role.Id
                  where role.Name == Roles.Admin
                  select userRole).AnyAsync(cancellationToken);
}
