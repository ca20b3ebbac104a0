using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.People.Import;

namespace TrainingLms.Web.Features.People.Import;

/// <summary>
/// Someone the import creates. <see cref="Site"/> and <see cref="Team"/> may be new (their ids come when the import
/// opens); <see cref="Profile"/> says which courses they get.
/// </summary>
public sealed record PlannedPerson(ValidPersonRow Row, string NormalizedUserName, string? NormalizedEmail, Site? Site, Team? Team, int? PositionId,
    IReadOnlyList<string> RoleIds, LearnerProfile Profile, ContractorCompany? Contractor = null);

/// <summary>A change to someone who exists; blanks in the row keep what the person has.</summary>
public sealed record PlannedChange(string PersonId, ValidPersonRow Row, string? NormalizedEmail, Site? Site, Team? Team, int? PositionId, IReadOnlyList<string> AddedRoleIds,
    ContractorCompany? Contractor = null, bool BecomesOwnStaff = false);

/// <summary>What an import will write, worked out from a snapshot before any write lock is taken.</summary>
public sealed class ImportPlan
{
    public required DateTime NowUtc { get; init; }

    /// <summary>The hash of the initial password everyone new gets (hashed once: hashing is slow by design).</summary>
    public required string? InitialPasswordHash { get; init; }

    public List<Site> NewSites { get; } = [];
    public List<Team> NewTeams { get; } = [];
    public List<ContractorCompany> NewContractors { get; } = [];
    public List<PlannedPerson> NewPeople { get; } = [];
    public List<PlannedChange> Changes { get; } = [];
    public int Unchanged { get; set; }
}

/// <summary>Turns validated rows into an <see cref="ImportPlan"/>: who is new, who changes, which sites, teams and contractor companies to create.</summary>
public static class ImportPlanner
{
    public static ImportPlan Plan(IEnumerable<ValidPersonRow> rows, ImportSnapshot snapshot, string? initialPasswordHash, DateTime nowUtc,
        Func<string, string> normalizeName, Func<string, string> normalizeEmail)
    {
        var plan = new ImportPlan { NowUtc = nowUtc, InitialPasswordHash = initialPasswordHash };
        var sites = snapshot.Sites.Select(site => new SiteTeams(site, [.. site.Teams])).ToList();
        var contractors = snapshot.Contractors.ToList();
        foreach (var row in rows)
        {
            var site = row.Site is null ? null : FindOrCreateSite(sites, row.Site, plan);
            var team = site is null || row.Team is null ? null : FindOrCreateTeam(site, row.Team, row.TeamLineOfWork, plan);
            var position = row.Position is null ? null : snapshot.Positions[row.Position];
            var positionId = position?.Id;
            var roleIds = row.Roles.Select(role => snapshot.RoleIds[role]).ToList();
            var normalizedEmail = row.Email is null ? null : normalizeEmail(row.Email);
            var contractor = row.Contractor.Name is { } contractorName ? FindOrCreateContractor(contractors, contractorName, plan) : null;

            var key = normalizeName(row.EmployeeNumber);
            if (!snapshot.People.TryGetValue(key, out var person))
            {
                plan.NewPeople.Add(new PlannedPerson(row, key, normalizedEmail, site?.Site, team, positionId, roleIds,
                    new LearnerProfile(row.Roles, position?.LineOfWork, position?.FacesCustomers ?? false, position?.ExemptFromCompanyWideCourses ?? false), contractor));
                continue;
            }
            var addedRoles = roleIds.Where(id => !snapshot.HeldRoles[person.Id].Contains(id)).ToList();
            // Moving to another site with no team named takes the person out of the old site's team.
            var leavesTeam = site is not null && team is null && person.TeamId is { } oldTeam && site.Teams.All(t => t.Id != oldTeam);
            var changed = person.FullName != row.FullName
                || (row.Phone is not null && row.Phone != person.Phone)
                || (row.Email is not null && row.Email != person.Email)
                || (row.HireDate is not null && row.HireDate != person.HireDate)
                || (site is not null && (site.Site.Id == 0 || site.Site.Id != person.SiteId))
                || (team is not null && (team.Id == 0 || team.Id != person.TeamId))
                || (positionId is not null && positionId != person.PositionId)
                || (contractor is not null && (contractor.Id == 0 || contractor.Id != person.ContractorCompanyId))
                || (row.Contractor.OwnStaff && person.ContractorCompanyId is not null)
                || leavesTeam
                || addedRoles.Count > 0;
            if (changed) plan.Changes.Add(new PlannedChange(person.Id, row, normalizedEmail, site?.Site, team, positionId, addedRoles, contractor, row.Contractor.OwnStaff));
            else plan.Unchanged++;
        }
        return plan;
    }

    private static SiteTeams FindOrCreateSite(List<SiteTeams> sites, string nameOrCode, ImportPlan plan)
    {
        var found = sites.FirstOrDefault(s => Same(s.Site.Name, nameOrCode) || Same(s.Site.Code, nameOrCode));
        if (found is not null) return found;
        // Inactive until the import's switch, so a half-written import shows no empty site.
        var site = new Site { Name = nameOrCode, Code = NewSiteCode(sites), IsActive = false };
        plan.NewSites.Add(site);
        found = new SiteTeams(site, []);
        sites.Add(found);
        return found;
    }

    private static Team FindOrCreateTeam(SiteTeams site, string name, LineOfWork? lineOfWork, ImportPlan plan)
    {
        var team = site.Teams.FirstOrDefault(t => Same(t.Name, name));
        if (team is not null) return team;
        // The validator has made sure a line of work was given for a team that does not exist yet. A new site is
        // saved with its new teams; an existing one is referred to by its id only, so it is not saved again.
        team = new Team { Name = name, LineOfWork = lineOfWork!.Value, IsActive = false };
        if (site.Site.Id == 0) team.Site = site.Site;
        else team.SiteId = site.Site.Id;
        site.Teams.Add(team);
        plan.NewTeams.Add(team);
        return team;
    }

    private static ContractorCompany FindOrCreateContractor(List<ContractorCompany> contractors, string name, ImportPlan plan)
    {
        var found = contractors.FirstOrDefault(c => Same(c.Name, name));
        if (found is not null) return found;
        // Inactive until the import's switch, like a new site.
        var contractor = new ContractorCompany { Name = name, IsActive = false };
        plan.NewContractors.Add(contractor);
        contractors.Add(contractor);
        return contractor;
    }

    private static string NewSiteCode(List<SiteTeams> sites)
    {
        for (var n = sites.Count + 1; ; n++)
        {
            var code = $"S{n:000}";
            if (!sites.Any(s => Same(s.Site.Code, code))) return code;
        }
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private sealed record SiteTeams(Site Site, List<Team> Teams);
}
