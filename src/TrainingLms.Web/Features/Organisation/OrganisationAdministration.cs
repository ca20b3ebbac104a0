using Microsoft.AspNetCore.Identity;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Courses;

namespace TrainingLms.Web.Features.Organisation;

public enum OrganisationStatus
{
    Saved = 1,
    Invalid = 2,
    NotFound = 3,
}

public sealed record SiteInput(string Code, string Name, string? Address, string TimeZoneId);

public sealed record PositionInput(string Name, LineOfWork LineOfWork, bool FacesCustomers, bool HasConcentratedShift, bool ExemptFromCompanyWideCourses);

public sealed record ContractorInput(string Name);

public sealed record TeamInput(int SiteId, string Name, LineOfWork LineOfWork, string? ClassLeaderId, string? Shifts);

/// <summary>
/// An administrator's changes to the organisation — sites, posts, teams, contractor companies — with their rules: names that must be unique,
/// a team that may not leave its site with people in it, a class leader who is one of the team's people and gets the
/// role, and the courses a changed post brings its holders. Errors are resource keys by field, as the forms name them.
/// </summary>
public sealed class OrganisationAdministration(IDbContextFactory<LmsDbContext> dbFactory, UserManager<Person> users, CourseAssigner courses)
{
    public async Task<Outcome<OrganisationStatus>> SaveSiteAsync(int? id, SiteInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        var code = input.Code.Trim();
        var name = input.Name.Trim();
        if (code.Length == 0) errors[nameof(SiteInput.Code)] = "Validation.Required";
        if (name.Length == 0) errors[nameof(SiteInput.Name)] = "Validation.Required";
        if (!SiteTime.IsKnown(input.TimeZoneId)) errors[nameof(SiteInput.TimeZoneId)] = "Validation.Unknown";
        if (errors.Count > 0) return Outcome.Refused(OrganisationStatus.Invalid, errors);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Sites.AnyAsync(s => s.Code == code && s.Id != id, cancellationToken)) errors[nameof(SiteInput.Code)] = "Validation.Duplicate";
        if (await db.Sites.AnyAsync(s => s.Name == name && s.Id != id, cancellationToken)) errors[nameof(SiteInput.Name)] = "Validation.Duplicate";
        if (errors.Count > 0) return Outcome.Refused(OrganisationStatus.Invalid, errors);

        var site = id is { } existing ? await db.Sites.SingleOrDefaultAsync(s => s.Id == existing, cancellationToken) : db.Sites.Add(new Site { Code = code, Name = name }).Entity;
        if (site is null) return Outcome.Of(OrganisationStatus.NotFound);
        site.Code = code;
        site.Name = name;
        site.Address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
        site.TimeZoneId = input.TimeZoneId;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Of(OrganisationStatus.Saved, site.Id);
    }

    public async Task<Outcome<OrganisationStatus>> SavePositionAsync(int? id, PositionInput input, CancellationToken cancellationToken = default)
    {
        var name = input.Name.Trim();
        if (name.Length == 0) return Outcome.Refused(OrganisationStatus.Invalid, nameof(PositionInput.Name), "Validation.Required");
        if (!Enum.IsDefined(input.LineOfWork)) return Outcome.Refused(OrganisationStatus.Invalid, nameof(PositionInput.LineOfWork), "Validation.Unknown");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Positions.AnyAsync(p => p.Name == name && p.Id != id, cancellationToken))
            return Outcome.Refused(OrganisationStatus.Invalid, nameof(PositionInput.Name), "Validation.Duplicate");
        var position = id is { } existing ? await db.Positions.SingleOrDefaultAsync(p => p.Id == existing, cancellationToken) : db.Positions.Add(new Position { Name = name }).Entity;
        if (position is null) return Outcome.Of(OrganisationStatus.NotFound);
        position.Name = name;
        position.LineOfWork = input.LineOfWork;
        position.FacesCustomers = input.FacesCustomers;
        position.HasConcentratedShift = input.HasConcentratedShift;
        position.ExemptFromCompanyWideCourses = input.ExemptFromCompanyWideCourses;

        // A post that now faces customers, moved to another line of work or is no longer opted out of the company-wide
        // courses brings its holders the courses of their new audience in the same commit; courses already assigned stay
        // (as when a person changes post), so opting a post out never takes away learning under way or done.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var holders = await db.Users.Where(p => p.PositionId == position.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        if (holders.Count > 0) await courses.AddByAudienceAsync(db, holders, cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Of(OrganisationStatus.Saved, position.Id);
    }

    public async Task<Outcome<OrganisationStatus>> SaveContractorAsync(int? id, ContractorInput input, CancellationToken cancellationToken = default)
    {
        var name = input.Name.Trim();
        if (name.Length == 0) return Outcome.Refused(OrganisationStatus.Invalid, nameof(ContractorInput.Name), "Validation.Required");
        if (name.Length > ContractorCompany.MaxNameLength) return Outcome.Refused(OrganisationStatus.Invalid, nameof(ContractorInput.Name), "Validation.TooLong");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ContractorCompanies.AnyAsync(c => c.Name == name && c.Id != id, cancellationToken))
            return Outcome.Refused(OrganisationStatus.Invalid, nameof(ContractorInput.Name), "Validation.Duplicate");
        var contractor = id is { } existing
            ? await db.ContractorCompanies.SingleOrDefaultAsync(c => c.Id == existing, cancellationToken)
            : db.ContractorCompanies.Add(new ContractorCompany { Name = name }).Entity;
        if (contractor is null) return Outcome.Of(OrganisationStatus.NotFound);
        contractor.Name = name;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueIndex.IsViolation(e))
        {
            // Another administrator saved the same name between the check and the save.
            return Outcome.Refused(OrganisationStatus.Invalid, nameof(ContractorInput.Name), "Validation.Duplicate");
        }
        return Outcome.Of(OrganisationStatus.Saved, contractor.Id);
    }

    /// <summary>Who may lead a team: its own active people, or the site's active people not in a team yet; a new team has none.</summary>
    public async Task<IReadOnlyList<Person>> LeaderCandidatesAsync(int? teamId, CancellationToken cancellationToken = default)
    {
        if (teamId is not { } id) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var siteId = await db.Teams.Where(t => t.Id == id).Select(t => (int?)t.SiteId).SingleOrDefaultAsync(cancellationToken);
        if (siteId is null) return [];
        return await db.Users.AsNoTracking()
            .Where(p => p.IsActive && (p.TeamId == id || (p.SiteId == siteId && p.TeamId == null)))
            .OrderBy(p => p.UserName).ToListAsync(cancellationToken);
    }

    public async Task<Outcome<OrganisationStatus>> SaveTeamAsync(int? id, TeamInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        var name = input.Name.Trim();
        if (name.Length == 0) errors[nameof(TeamInput.Name)] = "Validation.Required";
        if (input.SiteId == 0) errors[nameof(TeamInput.SiteId)] = "Validation.Required";
        if (!Enum.IsDefined(input.LineOfWork)) errors[nameof(TeamInput.LineOfWork)] = "Validation.Unknown";
        var shifts = TeamShifts.Parse(input.Shifts);
        if (shifts.Problems.FirstOrDefault() is ({ } entry, var problem)) errors[nameof(TeamInput.Shifts)] = ErrorKey.With($"Teams.ShiftProblem.{problem}", entry);
        if (errors.Count > 0) return Outcome.Refused(OrganisationStatus.Invalid, errors);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var team = id is { } existing ? await db.Teams.SingleOrDefaultAsync(t => t.Id == existing, cancellationToken) : null;
        if (id is not null && team is null) return Outcome.Of(OrganisationStatus.NotFound);
        if (await db.Teams.AnyAsync(t => t.SiteId == input.SiteId && t.Name == name && t.Id != id, cancellationToken)) errors[nameof(TeamInput.Name)] = "Validation.Duplicate";
        if (!await db.Sites.AnyAsync(s => s.Id == input.SiteId, cancellationToken)) errors[nameof(TeamInput.SiteId)] = "Validation.Unknown";
        // Members belong to the team's site; moving a team with people in it would split them from it.
        if (team is not null && team.SiteId != input.SiteId && await db.Users.AnyAsync(p => p.TeamId == team.Id, cancellationToken))
            errors[nameof(TeamInput.SiteId)] = "Teams.SiteChangeWithMembers";
        var leaderId = string.IsNullOrEmpty(input.ClassLeaderId) ? null : input.ClassLeaderId;
        if (leaderId is not null && !(await LeaderCandidatesAsync(id, cancellationToken)).Any(c => c.Id == leaderId))
            errors[nameof(TeamInput.ClassLeaderId)] = "Teams.LeaderNotInTeam";
        if (errors.Count > 0) return Outcome.Refused(OrganisationStatus.Invalid, errors);

        team ??= db.Teams.Add(new Team { Name = name }).Entity;
        team.SiteId = input.SiteId;
        team.Name = name;
        team.LineOfWork = input.LineOfWork;
        team.ClassLeaderId = leaderId;
        team.Shifts = [.. shifts.Shifts];
        await db.SaveChangesAsync(cancellationToken);
        await EnsureLeaderRoleAsync(leaderId);
        return Outcome.Of(OrganisationStatus.Saved, team.Id);
    }

    /// <summary>Naming someone class leader gives them the role; the new security stamp makes their next request see it.</summary>
    private async Task EnsureLeaderRoleAsync(string? leaderId)
    {
        if (leaderId is null || await users.FindByIdAsync(leaderId) is not { } leader) return;
        if (await users.IsInRoleAsync(leader, Roles.ClassLeader)) return;
        await users.AddToRoleAsync(leader, Roles.ClassLeader);
        await users.UpdateSecurityStampAsync(leader);
    }

    public Task SetSiteActiveAsync(int id, bool active, CancellationToken cancellationToken = default) =>
        SetActiveAsync(db => db.Sites.SingleOrDefaultAsync(s => s.Id == id, cancellationToken), site => site.IsActive = active, cancellationToken);

    public Task SetPositionActiveAsync(int id, bool active, CancellationToken cancellationToken = default) =>
        SetActiveAsync(db => db.Positions.SingleOrDefaultAsync(p => p.Id == id, cancellationToken), position => position.IsActive = active, cancellationToken);

    /// <summary>A deactivated contractor is offered for no one new; the people who work for it keep it.</summary>
    public Task SetContractorActiveAsync(int id, bool active, CancellationToken cancellationToken = default) =>
        SetActiveAsync(db => db.ContractorCompanies.SingleOrDefaultAsync(c => c.Id == id, cancellationToken), contractor => contractor.IsActive = active, cancellationToken);

    public Task SetTeamActiveAsync(int id, bool active, CancellationToken cancellationToken = default) =>
        SetActiveAsync(db => db.Teams.SingleOrDefaultAsync(t => t.Id == id, cancellationToken), team => team.IsActive = active, cancellationToken);

    // Saved through the change tracker, so the learners' cached records (which hold their site) are told of the change.
    private async Task SetActiveAsync<T>(Func<LmsDbContext, Task<T?>> find, Action<T> set, CancellationToken cancellationToken) where T : class
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await find(db) is not { } item) return;
        set(item);
        await db.SaveChangesAsync(cancellationToken);
    }
}
