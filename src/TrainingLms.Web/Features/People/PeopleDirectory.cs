using TrainingLms.Domain.Organisation;
using TrainingLms.Data.Identity;
using TrainingLms.Web.Features.People.Import;

namespace TrainingLms.Web.Features.People;

/// <summary>What the administrator's people list is filtered by; the export takes the same.</summary>
public sealed record PeopleSearch(string? Query = null, int? SiteId = null, int? TeamId = null, string? Role = null, string? Status = null, StaffFilter? Staff = null)
{
    public const string InactiveStatus = "inactive";
    public const string AllStatuses = "all";
}

public sealed record PersonRow(string Id, string EmployeeNumber, string FullName, string? Phone, string? Site, string? Team, string? Position, string? Contractor, bool IsActive);

public sealed record PeoplePage(IReadOnlyList<PersonRow> Rows, int Total, int Page, int PageCount);

/// <summary>One option of a select list: the id it posts and the text it shows.</summary>
public sealed record Choice(int Id, string Label);

/// <summary>What the person form's lists offer: the active teams (as "site / team"), sites, positions and contractors.</summary>
public sealed record PersonFormChoices(IReadOnlyList<Choice> Teams, IReadOnlyList<Choice> Sites, IReadOnlyList<Choice> Positions, IReadOnlyList<Choice> Contractors);

/// <summary>The administrator's list of people, a page at a time or whole as a CSV the people import reads back.</summary>
public sealed class PeopleDirectory(IDbContextFactory<LmsDbContext> dbFactory, IStringLocalizer<SharedResource> localizer)
{
    public const int PageSize = 50;

    /// <summary>
    /// The person form's lists, the person's own team, site, position and contractor among them even when deactivated.
    /// Only the columns shown: a large company has some 500 teams.
    /// </summary>
    public async Task<PersonFormChoices> FormChoicesAsync(Person? person, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (teamId, siteId, positionId, contractorId) = (person?.TeamId, person?.SiteId, person?.PositionId, person?.ContractorCompanyId);
        return new PersonFormChoices(
            await db.Teams.Where(t => t.IsActive || t.Id == teamId).OrderBy(t => t.Site!.Code).ThenBy(t => t.Name)
                .Select(t => new Choice(t.Id, t.Site!.Name + " / " + t.Name)).ToListAsync(cancellationToken),
            await db.Sites.Where(s => s.IsActive || s.Id == siteId).OrderBy(s => s.Code).Select(s => new Choice(s.Id, s.Name)).ToListAsync(cancellationToken),
            await db.Positions.Where(p => p.IsActive || p.Id == positionId).OrderBy(p => p.Name).Select(p => new Choice(p.Id, p.Name)).ToListAsync(cancellationToken),
            await db.ContractorCompanies.Where(c => c.IsActive || c.Id == contractorId).OrderBy(c => c.Name).Select(c => new Choice(c.Id, c.Name)).ToListAsync(cancellationToken));
    }

    public async Task<PeoplePage> PageAsync(PeopleSearch search, int? page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = await MatchingAsync(db, search, cancellationToken);
        var total = await people.CountAsync(cancellationToken);
        var (number, pageCount) = Paging.Locate(total, page, PageSize);
        var rows = await people.OrderBy(p => p.UserName).Skip(Paging.Skip(number, PageSize)).Take(PageSize)
            .Select(p => new PersonRow(p.Id, p.UserName!, p.FullName, p.PhoneNumber, p.Site!.Name, p.Team!.Name, p.Position!.Name, p.ContractorCompany!.Name, p.IsActive))
            .ToListAsync(cancellationToken);
        return new PeoplePage(rows, total, number, pageCount);
    }

    /// <summary>
    /// Everyone the search finds, in the columns and names of the people import (its template's header), so a list
    /// can be edited in Excel and imported again; a last column says whether each person is active.
    /// </summary>
    public async Task<byte[]> CsvAsync(PeopleSearch search, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = await MatchingAsync(db, search, cancellationToken);
        var rows = await people.OrderBy(p => p.UserName)
            .Select(p => new
            {
                p.Id, p.UserName, p.FullName, p.PhoneNumber, p.Email, Site = p.Site!.Name, Team = p.Team!.Name, LineOfWork = (LineOfWork?)p.Team!.LineOfWork,
                Position = p.Position!.Name, p.HireDate, Contractor = p.ContractorCompany!.Name, p.IsActive,
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name!);
        var header = PeopleCsv.TemplateHeader.Split(',').Append(localizer["Field.Status"].Value).ToList();
        return CsvExport.Write(rows.Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [header[0]] = r.UserName,
            [header[1]] = r.FullName,
            [header[2]] = r.PhoneNumber,
            [header[3]] = r.Email,
            [header[4]] = r.Site,
            [header[5]] = r.Team,
            [header[6]] = r.LineOfWork is { } line ? localizer[$"LineOfWork.{line}"].Value : null,
            [header[7]] = r.Position,
            [header[8]] = r.HireDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [header[9]] = string.Join("、", Roles.All.Where(role => roles[r.Id].Contains(role)).Select(role => localizer[$"Role.{role}"].Value)),
            [header[10]] = r.Contractor,
            [header[11]] = localizer[r.IsActive ? "Status.Active" : "Status.Inactive"].Value,
        }), header);
    }

    private static async Task<IQueryable<Person>> MatchingAsync(LmsDbContext db, PeopleSearch search, CancellationToken cancellationToken)
    {
        // People of an import still being written are nobody yet.
        var people = db.Users.AsNoTracking().Where(p => p.StagedImportId == null);
        people = search.Status switch
        {
            PeopleSearch.InactiveStatus => people.Where(p => !p.IsActive),
            PeopleSearch.AllStatuses => people,
            _ => people.Where(p => p.IsActive),
        };
        if (!string.IsNullOrWhiteSpace(search.Query))
        {
            var pattern = SearchPattern.Contains(search.Query);
            people = people.Where(p => SearchPattern.Matches(p.FullName, pattern) || SearchPattern.Matches(p.UserName, pattern)
                || (p.PhoneNumber != null && SearchPattern.Matches(p.PhoneNumber, pattern)));
        }
        if (search.SiteId is { } siteId) people = people.Where(p => p.SiteId == siteId);
        if (search.TeamId is { } teamId) people = people.Where(p => p.TeamId == teamId);
        if (search.Staff is { } staff) people = await staff.ApplyAsync(db, people, cancellationToken);
        if (!string.IsNullOrEmpty(search.Role))
            people = people.Where(p => db.UserRoles.Any(ur => ur.UserId == p.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == search.Role)));
        return people;
    }
}
