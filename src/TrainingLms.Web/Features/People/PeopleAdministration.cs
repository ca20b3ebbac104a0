using Microsoft.AspNetCore.Identity;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.People;
using TrainingLms.Web.Features.Courses;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.Web.Features.People;

/// <summary>An administrator's changes to one person: create, edit, reset password, deactivate.</summary>
public class PeopleAdministration(UserManager<Person> users, LmsDbContext db, IStringLocalizer<SharedResource> L, TimeProvider clock, CourseAssigner courses)
{
    /// <summary>The write lock of changes to people made one by one (<see cref="WriteLock"/>): the administrators, the numbers.</summary>
    public const string PeopleLock = "people";

    public async Task<PeopleResult> CreateAsync(PersonInput input, string password, bool mustChangePassword)
    {
        var errors = await CheckAsync(input, existing: null);
        if (errors.Count > 0) return PeopleResult.Fail(errors);

        var person = new Person
        {
            FullName = input.FullName.Trim(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            MustChangePassword = mustChangePassword,
        };
        Apply(input, person);
        // The password is checked and hashed (the slow part) before the write lock is taken.
        var passwordErrors = await CheckPasswordAsync(person, password);
        if (passwordErrors.Count > 0) return PeopleResult.Fail(new Dictionary<string, string> { ["Password"] = string.Join(" ", passwordErrors) });
        person.PasswordHash = users.PasswordHasher.HashPassword(person, password);

        // The person, their roles and their courses are saved together: a crash between them would leave someone without
        // courses. Inside a caller's transaction (the first administrator's set-up) they are saved with the caller's work.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
        // Identity's check for a free employee number, made as the person is created, holds until they are saved.
        await WriteLock.EnterAsync(db, PeopleLock);
        var created = await users.CreateAsync(person);
        if (!created.Succeeded) return PeopleResult.Fail(IdentityErrors(created, passwordField: "Password"));
        await users.AddToRolesAsync(person, input.Roles.Distinct());
        await courses.AddByAudienceAsync(db, [person.Id]);
        await db.SaveChangesAsync();
        if (transaction is not null) await transaction.CommitAsync();
        return PeopleResult.Ok(person.Id);
    }

    public async Task<PeopleResult> UpdateAsync(string personId, PersonInput input)
    {
        // Under the write lock: two administrators demoting each other at once cannot leave the company without one.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await WriteLock.EnterAsync(db, PeopleLock);
        if (await users.FindByIdAsync(personId) is not { } person) return NotFound();
        var errors = await CheckAsync(input, person);
        var currentRoles = await users.GetRolesAsync(person);
        if (currentRoles.Contains(Roles.Admin) && !input.Roles.Contains(Roles.Admin) && await IsLastActiveAdministratorAsync(person))
            errors[nameof(PersonInput.Roles)] = L["People.LastAdministrator"];
        if (errors.Count > 0) return PeopleResult.Fail(errors);

        Apply(input, person);
        var updated = await users.UpdateAsync(person);
        if (!updated.Succeeded) return PeopleResult.Fail(IdentityErrors(updated, passwordField: ""));

        var removed = currentRoles.Except(input.Roles).ToList();
        var added = input.Roles.Distinct().Except(currentRoles).ToList();
        if (removed.Count > 0) await users.RemoveFromRolesAsync(person, removed);
        if (added.Count > 0) await users.AddToRolesAsync(person, added);
        // A new stamp makes open sessions pick up the new roles at their next check.
        if (removed.Count + added.Count > 0) await users.UpdateSecurityStampAsync(person);
        // A new post or role may bring new courses, saved with the change; courses already assigned stay.
        await courses.AddByAudienceAsync(db, [person.Id]);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return PeopleResult.Ok(person.Id);
    }

    /// <summary>Sets a temporary password the person must replace at their next sign-in.</summary>
    public async Task<PeopleResult> ResetPasswordAsync(string personId, string newPassword)
    {
        if (await users.FindByIdAsync(personId) is not { } person) return NotFound();
        var token = await users.GeneratePasswordResetTokenAsync(person);
        var reset = await users.ResetPasswordAsync(person, token, newPassword);
        if (!reset.Succeeded) return PeopleResult.Fail(IdentityErrors(reset, passwordField: "NewPassword"));
        person.MustChangePassword = true;
        await users.UpdateAsync(person);
        return PeopleResult.Ok(person.Id);
    }

    /// <summary>Deactivated people cannot sign in and their open sessions end; their history stays.</summary>
    public async Task<PeopleResult> SetActiveAsync(string personId, bool active)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await WriteLock.EnterAsync(db, PeopleLock);
        if (await users.FindByIdAsync(personId) is not { } person) return NotFound();
        if (!active && await users.IsInRoleAsync(person, Roles.Admin) && await IsLastActiveAdministratorAsync(person))
            return PeopleResult.Fail("", L["People.LastAdministrator"]);
        person.IsActive = active;
        person.DeactivatedAtUtc = active ? null : clock.GetUtcNow().UtcDateTime;
        // The new stamp is saved with the change and ends the person's open sessions.
        await users.UpdateSecurityStampAsync(person);
        // Courses published, or posts changed, while the person was away were not assigned to them then.
        if (active)
        {
            await courses.AddByAudienceAsync(db, [person.Id]);
            await db.SaveChangesAsync();
        }
        await transaction.CommitAsync();
        return PeopleResult.Ok(person.Id);
    }

    private async Task<List<string>> CheckPasswordAsync(Person person, string password)
    {
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, person, password)).Errors.Select(error => error.Description));
        return errors;
    }

    private async Task<bool> IsLastActiveAdministratorAsync(Person person) =>
        !(await users.GetUsersInRoleAsync(Roles.Admin)).Any(other => other.Id != person.Id && other.IsActive);

    private static void Apply(PersonInput input, Person person)
    {
        person.UserName = input.EmployeeNumber.Trim();
        person.FullName = input.FullName.Trim();
        person.PhoneNumber = ContactDetails.NormalizePhone(input.Phone);
        person.Email = ContactDetails.NormalizeEmail(input.Email);
        person.SiteId = input.SiteId;
        person.TeamId = input.TeamId;
        person.PositionId = input.PositionId;
        person.ContractorCompanyId = input.ContractorCompanyId;
        person.HireDate = input.HireDate;
    }

    private async Task<Dictionary<string, string>> CheckAsync(PersonInput input, Person? existing)
    {
        var errors = new Dictionary<string, string>();
        var otherId = existing?.Id ?? "";
        var number = input.EmployeeNumber.Trim();
        if (!ContactDetails.IsValidEmployeeNumber(number))
            errors[nameof(PersonInput.EmployeeNumber)] = L["Validation.EmployeeNumber"];
        else if (await db.Users.AnyAsync(p => p.NormalizedUserName == users.NormalizeName(number) && p.Id != otherId))
            errors[nameof(PersonInput.EmployeeNumber)] = L["Validation.EmployeeNumberTaken"];

        var name = input.FullName.Trim();
        if (name.Length == 0) errors[nameof(PersonInput.FullName)] = L["Validation.NameRequired"];
        else if (name.Length > ContactDetails.MaxNameLength) errors[nameof(PersonInput.FullName)] = L["Validation.NameTooLong", ContactDetails.MaxNameLength];

        if (!string.IsNullOrWhiteSpace(input.Phone))
        {
            var phone = ContactDetails.NormalizePhone(input.Phone);
            if (phone is null) errors[nameof(PersonInput.Phone)] = L["Validation.Phone"];
            else if (await db.Users.AnyAsync(p => p.PhoneNumber == phone && p.Id != otherId))
                errors[nameof(PersonInput.Phone)] = L["Validation.PhoneTaken"];
        }
        if (!string.IsNullOrWhiteSpace(input.Email))
        {
            var email = ContactDetails.NormalizeEmail(input.Email);
            if (email is null) errors[nameof(PersonInput.Email)] = L["Validation.Email"];
            else if (await db.Users.AnyAsync(p => p.NormalizedEmail == users.NormalizeEmail(email) && p.Id != otherId))
                errors[nameof(PersonInput.Email)] = L["Validation.EmailTaken"];
        }

        if (input.SiteId is { } siteId && !await db.Sites.AnyAsync(s => s.Id == siteId))
            errors[nameof(PersonInput.SiteId)] = L["Validation.Unknown"];
        if (input.TeamId is { } teamId)
        {
            // Choosing a team is enough: the site follows from it.
            var teamSite = await db.Teams.Where(t => t.Id == teamId).Select(t => (int?)t.SiteId).SingleOrDefaultAsync();
            if (teamSite is null) errors[nameof(PersonInput.TeamId)] = L["Validation.Unknown"];
            else if (input.SiteId is not null && input.SiteId != teamSite) errors[nameof(PersonInput.TeamId)] = L["Validation.TeamNotAtSite"];
            else input.SiteId = teamSite;
        }
        if (input.PositionId is { } positionId && !await db.Positions.AnyAsync(p => p.Id == positionId))
            errors[nameof(PersonInput.PositionId)] = L["Validation.Unknown"];
        // A contractor company no longer active is offered for no one new, but the people already with it keep it.
        var currentContractorId = existing?.ContractorCompanyId;
        if (input.ContractorCompanyId is { } contractorId
            && !await db.ContractorCompanies.AnyAsync(c => c.Id == contractorId && (c.IsActive || c.Id == currentContractorId)))
            errors[nameof(PersonInput.ContractorCompanyId)] = L["Validation.Unknown"];

        if (input.Roles.Count == 0 || input.Roles.Any(role => !Roles.All.Contains(role)))
            errors[nameof(PersonInput.Roles)] = L["Validation.Roles"];
        return errors;
    }

    private PeopleResult NotFound() => PeopleResult.Fail("", L["People.NotFound"]);

    private static Dictionary<string, string> IdentityErrors(IdentityResult result, string passwordField) =>
        result.Errors
            .GroupBy(error => error.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField : "")
            .ToDictionary(group => group.Key, group => string.Join(" ", group.Select(error => error.Description)));
}
