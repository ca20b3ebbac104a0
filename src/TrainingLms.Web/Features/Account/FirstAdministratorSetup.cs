using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.People;

namespace TrainingLms.Web.Features.Account;

/// <summary>On an empty database, creates the company and its first administrator — once.</summary>
public class FirstAdministratorSetup(LmsDbContext db, PeopleAdministration people, IStringLocalizer<SharedResource> L)
{
    public async Task<PeopleResult> RunAsync(string companyName, PersonInput administrator, string password)
    {
        if (string.IsNullOrWhiteSpace(companyName)) return PeopleResult.Fail("CompanyName", L["Validation.Required"]);

        // An immediate SQLite transaction: two people submitting the form at once cannot both become the first administrator.
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await SetupState.IsSetUpAsync(db)) return PeopleResult.Fail("", L["Setup.AlreadyDone"]);

        db.Companies.Add(new Company { Name = companyName.Trim() });
        await db.SaveChangesAsync();
        administrator.Roles = [Roles.Admin, Roles.Employee];
        var result = await people.CreateAsync(administrator, password, mustChangePassword: false);
        if (result.Succeeded) await transaction.CommitAsync();
        return result;
    }
}
