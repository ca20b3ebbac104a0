using TrainingLms.Domain.People.Import;
using TrainingLms.Web.Features.Organisation;

namespace TrainingLms.Web.Features.Home;

/// <summary>What each role's home page shows, each as one small projection.</summary>
public class HomeQueries(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock, CompanyTimeZone companyZone)
{
    /// <summary>Hired within this many days counts as a new hire who still needs pre-posting training.</summary>
    public const int NewHireDays = 30;

    public async Task<AdminSummary> AdminSummaryAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var zone = await companyZone.GetAsync();
        var last = await db.ImportBatches.AsNoTracking().Where(b => b.Status != ImportStatus.Staging).OrderByDescending(b => b.ImportedAtUtc).FirstOrDefaultAsync();
        // The organisation's counts in one statement.
        var counts = await db.Users.GroupBy(_ => 1).Select(people => new
        {
            Sites = db.Sites.Count(s => s.IsActive),
            Teams = db.Teams.Count(t => t.IsActive),
            Active = people.Count(p => p.IsActive),
            // People of an import still being written are not deactivated, just not in yet.
            Deactivated = people.Count(p => !p.IsActive && p.StagedImportId == null),
            WithoutTeam = people.Count(p => p.IsActive && p.TeamId == null),
        }).SingleAsync();
        return new AdminSummary(
            counts.Sites,
            counts.Teams,
            counts.Active,
            counts.Deactivated,
            counts.WithoutTeam,
            last is null ? null : new LastImport(SiteTime.ToLocal(last.ImportedAtUtc, zone), last.FileName, last.Succeeded, last.Created, last.Updated, last.Unchanged, last.ProblemCount),
            await db.Teams.Where(t => t.IsActive && t.ClassLeaderId == null).OrderBy(t => t.Site!.Code)
                .Select(t => t.Site!.Name + " / " + t.Name).ToListAsync());
    }

    public async Task<MyPlace?> MyPlaceAsync(string personId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Users.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new MyPlace(p.FullName, p.UserName!, p.Site!.Name, p.Team!.Name, p.Position!.Name,
                db.Users.Where(l => l.Id == p.Team!.ClassLeaderId).Select(l => l.FullName).FirstOrDefault(),
                p.HireDate, p.Position != null && p.Position.FacesCustomers))
            .SingleOrDefaultAsync();
    }

    /// <summary>The teams this person leads, with their active members.</summary>
    public async Task<IReadOnlyList<TeamRoster>> RostersLedByAsync(string personId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var newHireSince = NewHireSince();
        var teams = await db.Teams.AsNoTracking().Where(t => t.ClassLeaderId == personId && t.IsActive)
            .Select(t => new { t.Id, t.Name, Site = t.Site!.Name, t.LineOfWork }).ToListAsync();
        var teamIds = teams.Select(t => t.Id).ToList();
        var members = (await db.Users.AsNoTracking().Where(p => p.TeamId != null && teamIds.Contains(p.TeamId.Value) && p.IsActive)
                .OrderBy(p => p.UserName)
                .Select(p => new { TeamId = p.TeamId!.Value, Member = new RosterMember(p.UserName!, p.FullName, p.Position!.Name, p.PhoneNumber, p.HireDate, p.HireDate >= newHireSince) })
                .ToListAsync())
            .ToLookup(m => m.TeamId, m => m.Member);
        return [.. teams.Select(team => new TeamRoster(team.Id, team.Name, team.Site, team.LineOfWork, [.. members[team.Id]]))];
    }

    public async Task<SiteOverview?> SiteOverviewAsync(string personId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var site = await db.Users.Where(p => p.Id == personId && p.SiteId != null)
            .Select(p => new { Id = p.SiteId!.Value, p.Site!.Name }).SingleOrDefaultAsync();
        if (site is null) return null;
        var newHireSince = NewHireSince();
        var teams = await db.Teams.AsNoTracking().Where(t => t.SiteId == site.Id && t.IsActive).OrderBy(t => t.LineOfWork).ThenBy(t => t.Name)
            .Select(t => new SiteTeam(t.Name, t.LineOfWork,
                db.Users.Where(l => l.Id == t.ClassLeaderId).Select(l => l.FullName).FirstOrDefault(),
                db.Users.Count(p => p.TeamId == t.Id && p.IsActive),
                db.Users.Count(p => p.TeamId == t.Id && p.IsActive && p.HireDate >= newHireSince)))
            .ToListAsync();
        return new SiteOverview(site.Name, teams);
    }

    /// <summary>People hired recently, customer-facing first: who the trainers should reach next.</summary>
    public async Task<IReadOnlyList<NewHire>> NewHiresAsync(int max = 50)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var newHireSince = NewHireSince();
        return await db.Users.AsNoTracking().Where(p => p.IsActive && p.HireDate >= newHireSince)
            .OrderByDescending(p => p.Position != null && p.Position.FacesCustomers).ThenByDescending(p => p.HireDate)
            .Take(max)
            .Select(p => new NewHire(p.FullName, p.UserName!, p.Site!.Name, p.Team!.Name, p.Position!.Name,
                p.Position != null && p.Position.FacesCustomers, p.HireDate!.Value))
            .ToListAsync();
    }

    private DateOnly NewHireSince() => SiteTime.Today(clock.GetUtcNow().UtcDateTime, null).AddDays(-NewHireDays);
}
