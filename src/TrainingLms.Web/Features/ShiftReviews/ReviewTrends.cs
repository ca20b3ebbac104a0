using TrainingLms.Domain.ShiftReviews;

namespace TrainingLms.Web.Features.ShiftReviews;

public sealed record TrendWindow(int Weeks, int Reviews, IReadOnlyList<PointCount> Strengths, IReadOnlyList<PointCount> Shortcomings);

public sealed record TeamTrend(int TeamId, string TeamName, string SiteName, DateOnly Through, IReadOnlyList<TrendWindow> Windows);

/// <summary>Per team, which etiquette points were praised and which fell short most often, over recent weeks.</summary>
public sealed class ReviewTrends(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock)
{
    public static readonly IReadOnlyList<int> WindowWeeks = [4, 12];

    public async Task<(FilingStatus Status, TeamTrend? Trend)> ForTeamAsync(ReviewViewer viewer, int teamId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == teamId)
            .Select(t => new { t.Name, Site = t.Site!.Name, t.Site.TimeZoneId }).SingleOrDefaultAsync(cancellationToken);
        if (team is null) return (FilingStatus.NotFound, null);
        if (!await ReviewScope.CanReadTeamAsync(db, viewer, teamId, cancellationToken)) return (FilingStatus.Forbidden, null);

        var today = SiteTime.Today(clock.GetUtcNow().UtcDateTime, team.TimeZoneId);
        var since = today.AddDays(-7 * WindowWeeks.Max() + 1);
        // At most a few hundred rows (12 weeks of one team), read through the (TeamId, ShiftDate) index.
        var tags = await db.ShiftReviews.AsNoTracking().Where(r => r.TeamId == teamId && r.ShiftDate >= since && r.ShiftDate <= today)
            .Select(r => new { r.ShiftDate, r.WentWellPoints, r.FellShortPoints }).ToListAsync(cancellationToken);
        var windows = WindowWeeks.Select(weeks =>
        {
            var from = today.AddDays(-7 * weeks + 1);
            var inWindow = tags.Where(t => t.ShiftDate >= from).ToList();
            return new TrendWindow(weeks, inWindow.Count, TagTally.Count(inWindow.Select(t => t.WentWellPoints)), TagTally.Count(inWindow.Select(t => t.FellShortPoints)));
        }).ToList();
        return (FilingStatus.Filed, new TeamTrend(teamId, team.Name, team.Site, today, windows));
    }
}
