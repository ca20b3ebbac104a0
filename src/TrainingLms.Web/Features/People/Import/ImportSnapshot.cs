using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.People.Import;

namespace TrainingLms.Web.Features.People.Import;

/// <summary>Someone already in the organisation, as an import compares them with a row.</summary>
public sealed record ExistingPerson(string Id, string EmployeeNumber, string FullName, string? Phone, string? Email, DateOnly? HireDate, int? SiteId, int? TeamId, int? PositionId, int? ContractorCompanyId = null);

/// <summary>A post, with what the courses' audience rules ask of it.</summary>
public sealed record PositionFacts(int Id, LineOfWork LineOfWork, bool FacesCustomers, bool ExemptFromCompanyWideCourses);

/// <summary>
/// What an import checks its rows against, read without taking the write lock: the people (not those of an import
/// still under way), their roles, sites with their teams, positions, contractor companies and roles.
/// </summary>
public sealed class ImportSnapshot
{
    /// <summary>By normalised employee number.</summary>
    public required IReadOnlyDictionary<string, ExistingPerson> People { get; init; }

    /// <summary>Person id → ids of the roles they hold.</summary>
    public required ILookup<string, string> HeldRoles { get; init; }

    public required IReadOnlyList<Site> Sites { get; init; }

    /// <summary>By position name, case-insensitively.</summary>
    public required IReadOnlyDictionary<string, PositionFacts> Positions { get; init; }

    public required IReadOnlyList<ContractorCompany> Contractors { get; init; }

    /// <summary>Role name → id.</summary>
    public required IReadOnlyDictionary<string, string> RoleIds { get; init; }

    public static async Task<ImportSnapshot> LoadAsync(LmsDbContext db, CancellationToken cancellationToken)
    {
        var people = await db.Users.AsNoTracking().Where(p => p.StagedImportId == null)
            .Select(p => new { p.NormalizedUserName, Person = new ExistingPerson(p.Id, p.UserName!, p.FullName, p.PhoneNumber, p.Email, p.HireDate, p.SiteId, p.TeamId, p.PositionId, p.ContractorCompanyId) })
            .ToDictionaryAsync(p => p.NormalizedUserName!, p => p.Person, cancellationToken);
        var roles = await db.UserRoles.AsNoTracking().Select(link => new { link.UserId, link.RoleId }).ToListAsync(cancellationToken);
        return new ImportSnapshot
        {
            People = people,
            HeldRoles = roles.ToLookup(link => link.UserId, link => link.RoleId),
            Sites = await db.Sites.AsNoTracking().Include(s => s.Teams).ToListAsync(cancellationToken),
            Positions = await db.Positions.AsNoTracking()
                .ToDictionaryAsync(p => p.Name, p => new PositionFacts(p.Id, p.LineOfWork, p.FacesCustomers, p.ExemptFromCompanyWideCourses), StringComparer.OrdinalIgnoreCase, cancellationToken),
            Contractors = await db.ContractorCompanies.AsNoTracking().ToListAsync(cancellationToken),
            RoleIds = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken),
        };
    }

    /// <summary>What the validator needs to know about the organisation.</summary>
    public ImportReference Reference()
    {
        var reference = new ImportReference();
        foreach (var site in Sites)
        {
            reference.AddSite(site.Name, site.Code);
            foreach (var team in site.Teams)
            {
                reference.AddTeam(site.Name, team.Name);
                reference.AddTeam(site.Code, team.Name);
            }
        }
        foreach (var position in Positions.Keys) reference.Positions.Add(position);
        foreach (var contractor in Contractors) reference.Contractors.Add(contractor.Name);
        foreach (var person in People.Values)
        {
            if (person.Phone is { } phone) reference.PhoneOwners[phone] = person.EmployeeNumber;
            if (person.Email is { } email) reference.EmailOwners[email] = person.EmployeeNumber;
        }
        return reference;
    }
}
