using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.ShiftReviews;
using TrainingLms.Web.Features.Organisation;

namespace TrainingLms.Web.Features.ShiftReviews;

public sealed record SlotCell(string Key, ReviewStatus Status, int? ReviewId);

public sealed record GridRow(int TeamId, string TeamName, string SiteName, IReadOnlyList<IReadOnlyList<SlotCell>> Days);

public sealed record ReviewGrid(IReadOnlyList<DateOnly> Days, IReadOnlyList<GridRow> Rows, int Page, int PageCount, IReadOnlyList<(int Id, string Name)> Sites);

public sealed record MissingReview(int TeamId, string TeamName, string SiteName, ShiftSlot Slot);

/// <summary>One team's reviews over a period: those due (filed, late or missing) and those whose deadline is still to come.</summary>
public sealed record TeamFiling(int TeamId, string TeamName, int Filed, int Late, int Missing, int Pending)
{
    public int Due => Filed + Late + Missing;

    /// <summary>Filed (on time or late) of those due, in per cent; null when none was due.</summary>
    public double? FiledRate => Due == 0 ? null : Math.Round(100.0 * (Filed + Late) / Due, 1, MidpointRounding.AwayFromZero);
}

/// <summary>Managers' and administrators' view: which teams filed, missed or were late with their reviews.</summary>
public sealed class ReviewOversight(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock, CompanyTimeZone companyZone, IOptions<ShiftReviewOptions> options)
{
    public const int GridDays = 7;

    private sealed record TeamRow(int Id, string Name, int SiteId, string SiteName, string TimeZoneId, List<TeamShift> Shifts);

    private sealed record Filed(int Id, int TeamId, DateOnly ShiftDate, string ShiftKey, bool FiledLate);

    /// <summary>Teams × the seven days ending on <paramref name="lastDay"/> (default: the company's today).</summary>
    public async Task<ReviewGrid> GridAsync(ReviewViewer viewer, int? siteId, DateOnly? lastDay, int page, StaffFilter? staff = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var visible = (await ReviewScope.VisibleTeamsAsync(db, viewer, cancellationToken)).Where(t => t.IsActive);
        var sites = await visible.Select(t => new { t.SiteId, t.Site!.Name }).Distinct().OrderBy(s => s.Name).ToListAsync(cancellationToken);
        if (siteId is { } site) visible = visible.Where(t => t.SiteId == site);
        if (staff is not null) visible = await staff.ApplyToTeamsAsync(db, visible, cancellationToken);

        var perPage = options.Value.GridTeamsPerPage;
        var total = await visible.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + perPage - 1) / perPage);
        page = Math.Clamp(page, 1, pageCount);
        var teams = await Project(visible.OrderBy(t => t.Site!.Name).ThenBy(t => t.Name).Skip((page - 1) * perPage).Take(perPage)).ToListAsync(cancellationToken);

        var end = lastDay ?? SiteTime.Today(nowUtc, await companyZone.GetAsync(cancellationToken));
        var days = Enumerable.Range(0, GridDays).Select(i => end.AddDays(i - GridDays + 1)).ToList();
        var teamIds = teams.Select(t => t.Id).ToList();
        var filed = (await db.ShiftReviews.AsNoTracking()
                .Where(r => teamIds.Contains(r.TeamId) && r.ShiftDate >= days[0] && r.ShiftDate <= end)
                .Select(r => new Filed(r.Id, r.TeamId, r.ShiftDate, r.ShiftKey, r.FiledLate)).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.TeamId, r.ShiftDate, r.ShiftKey));

        var filedByDay = filed.Values.ToLookup(r => (r.TeamId, r.ShiftDate));

        var rows = teams.Select(team =>
        {
            var localNow = SiteTime.ToLocal(nowUtc, team.TimeZoneId);
            return new GridRow(team.Id, team.Name, team.SiteName, [.. days.Select(day => DayCells(team, day, filed, filedByDay[(team.Id, day)], localNow))]);
        }).ToList();
        return new ReviewGrid(days, rows, page, pageCount, [.. sites.Select(s => (s.SiteId, s.Name))]);
    }

    /// <summary>Yesterday's reviews (each site's own yesterday) that were never filed and are past their deadline.</summary>
    public async Task<IReadOnlyList<MissingReview>> MissingYesterdayAsync(ReviewViewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var visible = (await ReviewScope.VisibleTeamsAsync(db, viewer, cancellationToken)).Where(t => t.IsActive);
        var teams = await Project(visible.OrderBy(t => t.Site!.Name).ThenBy(t => t.Name)).ToListAsync(cancellationToken);
        if (teams.Count == 0) return [];
        var yesterdays = teams.Select(t => SiteTime.Today(nowUtc, t.TimeZoneId).AddDays(-1)).ToList();
        var (from, to) = (yesterdays.Min(), yesterdays.Max());
        // Every team's yesterday lies in a day or two, so one read serves all the viewer's teams; only theirs: a
        // manager's ten teams are not read with the company's five hundred reviews of the day.
        var visibleIds = visible.Select(t => t.Id);
        var filed = (await db.ShiftReviews.AsNoTracking().Where(r => r.ShiftDate >= from && r.ShiftDate <= to && visibleIds.Contains(r.TeamId))
                .Select(r => new Filed(r.Id, r.TeamId, r.ShiftDate, r.ShiftKey, r.FiledLate)).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.TeamId, r.ShiftDate, r.ShiftKey));
        return [.. teams.Zip(yesterdays).SelectMany(pair =>
        {
            var (team, yesterday) = pair;
            var localNow = SiteTime.ToLocal(nowUtc, team.TimeZoneId);
            return ShiftCalendar.SlotsOn(team.Shifts, yesterday)
                .Where(slot => Cell(team, slot, filed, localNow).Status == ReviewStatus.Missing)
                .Select(slot => new MissingReview(team.Id, team.Name, team.SiteName, slot));
        })];
    }

    /// <summary>
    /// Each active team of the site over the days <paramref name="from"/>–<paramref name="to"/>, counted cell by cell as
    /// the grid shows them (the caller has checked the viewer may see the site).
    /// </summary>
    public async Task<IReadOnlyList<TeamFiling>> FilingAsync(int siteId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var teams = await Project(db.Teams.Where(t => t.SiteId == siteId && t.IsActive).OrderBy(t => t.Name)).ToListAsync(cancellationToken);
        var teamIds = teams.Select(t => t.Id).ToList();
        var filed = (await db.ShiftReviews.AsNoTracking()
                .Where(r => teamIds.Contains(r.TeamId) && r.ShiftDate >= from && r.ShiftDate <= to)
                .Select(r => new Filed(r.Id, r.TeamId, r.ShiftDate, r.ShiftKey, r.FiledLate)).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.TeamId, r.ShiftDate, r.ShiftKey));
        var filedByDay = filed.Values.ToLookup(r => (r.TeamId, r.ShiftDate));
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
        return [.. teams.Select(team =>
        {
            var localNow = SiteTime.ToLocal(nowUtc, team.TimeZoneId);
            var cells = days.SelectMany(day => DayCells(team, day, filed, filedByDay[(team.Id, day)], localNow)).ToList();
            int Count(ReviewStatus status) => cells.Count(c => c.Status == status);
            return new TeamFiling(team.Id, team.Name, Count(ReviewStatus.Filed), Count(ReviewStatus.Late), Count(ReviewStatus.Missing), Count(ReviewStatus.Pending));
        })];
    }

    /// <summary>
    /// One team's cells for one day: a cell per shift the team works now, then any review filed that day under a shift
    /// the team no longer has (its shifts were changed since), so a filed review never looks missing. The shifts a team
    /// worked on a past day are not kept, so a shift added since still shows as expected on the days before.
    /// </summary>
    private IReadOnlyList<SlotCell> DayCells(TeamRow team, DateOnly day, Dictionary<(int, DateOnly, string), Filed> filed, IEnumerable<Filed> filedThatDay, DateTime localNow)
    {
        var slots = ShiftCalendar.SlotsOn(team.Shifts, day);
        var earlierShifts = filedThatDay.Where(r => !slots.Any(slot => slot.Key == r.ShiftKey)).OrderBy(r => r.ShiftKey, StringComparer.Ordinal)
            .Select(r => new SlotCell(r.ShiftKey, r.FiledLate ? ReviewStatus.Late : ReviewStatus.Filed, r.Id));
        return [.. slots.Select(slot => Cell(team, slot, filed, localNow)), .. earlierShifts];
    }

    private SlotCell Cell(TeamRow team, ShiftSlot slot, Dictionary<(int, DateOnly, string), Filed> filed, DateTime localNow)
    {
        var review = filed.GetValueOrDefault((team.Id, slot.Date, slot.Key));
        var deadline = ShiftCalendar.DeadlineOf(team.Shifts, slot, options.Value.Grace);
        return new SlotCell(slot.Key, ReviewTiming.Status(review is not null, review?.FiledLate ?? false, deadline, localNow), review?.Id);
    }

    private static IQueryable<TeamRow> Project(IQueryable<Team> teams) =>
        teams.Select(t => new TeamRow(t.Id, t.Name, t.SiteId, t.Site!.Name, t.Site.TimeZoneId, t.Shifts));
}
