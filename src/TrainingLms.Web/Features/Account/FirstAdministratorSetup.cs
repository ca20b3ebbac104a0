using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.People;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.Web.Features.Account;

/// <summary>On an empty database, creates the company and its first administrator — once.</summary>
public class FirstAdministratorSetup(LmsDbContext db, PeopleAdministration people, IStringLocalizer<SharedResource> L)
{
    public async Task<PeopleResult> RunAsync(string companyName, PersonInput administrator, string password)
    {
        if (string.IsNullOrWhiteSpace(companyName)) return PeopleResult.Fail("CompanyName", L["Validation.Required"]);

        // Under the write lock: two people submitting the form at once cannot both become the first administrator.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await WriteLock.EnterAsync(db, PeopleAdministration.PeopleLock);
        if (await SetupState.IsSetUpAsync(db)) return PeopleResult.Fail("", L["Setup.AlreadyDone"]);

        db.Companies.Add(new Company { Name = companyName.Trim() });
        await db.SaveChangesAsync();
        administrator.Roles = [Roles.Admin, Roles.Employee];
        var result = await people.CreateAsync(administrator, password, mustChangePassword: false);
        if (result.Succeeded) await transaction.CommitAsync();
        return result;
    }
}
