using TrainingLms.Domain.Courses;
using TrainingLms.Domain.FollowUps;
using TrainingLms.Domain.Inspections;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Organisation;

namespace TrainingLms.Web.Features.Inspections.Oversight;

/// <summary>The oversight page's and the exports' filters, read from the query as text: a value that does not parse is absent.</summary>
public sealed record OversightFilter(int? SiteId, int? TeamId, LineOfWork? Line, DateOnly? From, DateOnly? To)
{
    public static OversightFilter Parse(string? site, string? team, string? line, string? from, string? to) =>
        new(QueryValue.Int(site), QueryValue.Int(team), QueryValue.Enum<LineOfWork>(line), QueryValue.Date(from), QueryValue.Date(to));
}

public sealed record ScopeSite(int Id, string Name);

public sealed record ScopeTeam(int Id, int SiteId, string Name, string SiteName, LineOfWork Line);

/// <summary>An item's figures, with its title from the latest form revision that has it.</summary>
public sealed record ItemFigure(ItemTally Tally, LocalizedText? Title)
{
    public string Name => Title?.Current ?? Tally.Key;
}

/// <summary>The rectifications the period's inspections opened, and where they stand now.</summary>
public sealed record RectificationFigures(int Raised, int Open, int Overdue, int AwaitingVerification);

public sealed record OversightReport(
    DateOnly From, DateOnly To, IReadOnlyList<ScopeSite> Sites, IReadOnlyList<ScopeTeam> Teams,
    InspectionTotals Totals, IReadOnlyList<ItemFigure> Items, IReadOnlyList<ItemFigure> MostFailed, RectificationFigures Rectifications);

/// <summary>
/// Inspection figures over a period for the posts the viewer may inspect (<see cref="InspectionScope"/>): inspections
/// held, pass rate per item, the items most often not OK, the rectifications opened and the trend by ISO week. Days are
/// the company's days.
/// </summary>
public sealed class InspectionOversight(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock, CompanyTimeZone companyZone, OversightCounts counts)
{
    public const int MaxDays = 366;
    public const int MostFailedCount = 5;

    public async Task<OversightReport> ReportAsync(InspectionViewer viewer, OversightFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zone = await companyZone.GetAsync(cancellationToken);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var (from, to) = Period(filter.From, filter.To, SiteTime.Today(nowUtc, zone));

        var scoped = await InspectionScope.TeamsAsync(db, viewer, cancellationToken);
        var teams = await scoped.OrderBy(t => t.Site!.Name).ThenBy(t => t.Name)
            .Select(t => new ScopeTeam(t.Id, t.SiteId, t.Name, t.Site!.Name, t.LineOfWork)).ToListAsync(cancellationToken);
        var sites = teams.Select(t => new ScopeSite(t.SiteId, t.SiteName)).Distinct().ToList();
        var chosen = scoped.Where(t => (filter.SiteId == null || t.SiteId == filter.SiteId) && (filter.TeamId == null || t.Id == filter.TeamId)
            && (filter.Line == null || t.LineOfWork == filter.Line)).Select(t => t.Id);

        var startUtc = SiteTime.ToUtc(from.ToDateTime(TimeOnly.MinValue), zone);
        var endUtc = SiteTime.EndOfDayUtc(to, zone);
        var held = db.Inspections.Where(i => chosen.Contains(i.TeamId) && i.InspectedAtUtc >= startUtc && i.InspectedAtUtc < endUtc);
        var (totals, revisionIds) = await counts.CountAsync(held, from, to, startUtc, endUtc, zone, cancellationToken);
        var titles = await TitlesAsync(db, [.. revisionIds], cancellationToken);
        ItemFigure Figure(ItemTally tally) => new(tally, titles.GetValueOrDefault(tally.Key));

        // Filing opens one rectification per "not OK" tick, in the same save, for the inspected post: the raised are the
        // ticks. Only those not yet verified are read, through the index on post and status, each looking up its own
        // inspection's time (rather than every inspection of the period being listed to look them up in).
        var pending = await db.Rectifications.Where(r => (r.Status == FollowUpStatus.Open || r.Status == FollowUpStatus.Closed) && chosen.Contains(r.TeamId)
                && db.Inspections.Any(i => i.Id == r.InspectionId && i.InspectedAtUtc >= startUtc && i.InspectedAtUtc < endUtc))
            .GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count(), Overdue = g.Count(r => r.DueAtUtc < nowUtc) }).ToListAsync(cancellationToken);
        int Count(FollowUpStatus status) => pending.Where(r => r.Status == status).Sum(r => r.Count);
        var figures = new RectificationFigures(totals.NotOk, Count(FollowUpStatus.Open),
            pending.Where(r => r.Status == FollowUpStatus.Open).Sum(r => r.Overdue), Count(FollowUpStatus.Closed));

        return new OversightReport(from, to, sites, teams, totals, [.. totals.Items.Select(Figure)],
            [.. InspectionTally.MostFailed(totals.Items, MostFailedCount).Select(Figure)], figures);
    }

    /// <summary>
    /// The days shown: without dates the current month; a missing end is the end of the start's month, a missing start
    /// the first of the end's month; dates the wrong way round are swapped; a range over <see cref="MaxDays"/> keeps its
    /// latest year.
    /// </summary>
    public static (DateOnly From, DateOnly To) Period(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var first = from ?? FirstOfMonth(to ?? today);
        var last = to ?? FirstOfMonth(first).AddMonths(1).AddDays(-1);
        if (first > last) (first, last) = (last, first);
        if (last.DayNumber - first.DayNumber >= MaxDays) first = last.AddDays(-MaxDays + 1);
        return (first, last);
    }

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    private static async Task<Dictionary<string, LocalizedText>> TitlesAsync(LmsDbContext db, List<int> revisionIds, CancellationToken cancellationToken)
    {
        var revisions = await db.InspectionFormRevisions.AsNoTracking().Where(r => revisionIds.Contains(r.Id)).OrderBy(r => r.Id)
            .Select(r => r.Items).ToListAsync(cancellationToken);
        var titles = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var item in revisions.SelectMany(items => items)) titles[item.Key] = item.Title;
        return titles;
    }
}
