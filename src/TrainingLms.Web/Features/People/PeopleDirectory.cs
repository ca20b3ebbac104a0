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

/// <summary>The administrator's list of people, a page at a time or whole as a CSV the people import reads back.</summary>
public sealed class PeopleDirectory(IDbContextFactory<LmsDbContext> dbFactory, IStringLocalizer<SharedResource> localizer)
{
    public const int PageSize = 50;

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
