using TrainingLms.Domain.Drills;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Web.Features.Courses;
using TrainingLms.Web.Features.Drills;
using TrainingLms.Web.Features.Drills.Clearance;
using TrainingLms.Web.Features.Evaluations.Rankings;
using TrainingLms.Web.Features.Inspections.Oversight;
using TrainingLms.Web.Features.ShiftReviews;
using TrainingLms.Web.Features.TrainingRecords;

namespace TrainingLms.Web.Features.Inspections.SitePack;

/// <summary>The site's clearance today: people by status, and those whose position needs none.</summary>
public sealed record ClearanceFigures(int Cleared, int Expiring, int Expired, int NotCleared, int NotRequired)
{
    public int Required => Cleared + Expiring + Expired + NotCleared;

    /// <summary>Cleared (expiring soon included) of those who need clearance, in per cent; null when nobody does.</summary>
    public double? ClearedRate => Required == 0 ? null : Math.Round(100.0 * (Cleared + Expiring) / Required, 1, MidpointRounding.AwayFromZero);
}

/// <summary>The month's published rankings as they concern the site: its place among the sites, its teams' and supervisors' lines.</summary>
public sealed record SiteRanking(bool Published, SiteRankingLine? Site, int SitesRanked, IReadOnlyList<RankingEntry> Teams, IReadOnlyList<RankingEntry> Supervisors);

/// <summary>Everything the monthly site pack shows, gathered once for the PDF and the workbook alike.</summary>
public sealed record SitePackData(
    int SiteId, string SiteName, DateOnly Month, SiteCourseFigures Courses, ClearanceFigures Clearance, IReadOnlyList<TeamFiling> Reviews,
    OversightReport Inspections, TrainingMonth Training, SiteRanking Ranking, DateTime DrawnAtLocal)
{
    public DateOnly LastDay => Month.AddMonths(1).AddDays(-1);
}

public enum SitePackStatus
{
    Ready,
    NotFound,
    Forbidden,
}

/// <summary>
/// Gathers a site's month from the services that already compute each figure (inspection oversight, course
/// administration, the clearance board, review oversight, training records, rankings). Whether the viewer may have the
/// site's pack is decided here once (administrators and trainers any site, a manager their own); the services are then
/// asked for that one site with full reach, since their own viewer scopes do not know trainers or a single site.
/// </summary>
public sealed class SitePackService(
    IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock, InspectionOversight inspections, CourseAdministration courses, ClearanceBoard clearance,
    ReviewOversight reviews, TrainingQueries training, RankingBoard rankings)
{
    public async Task<(SitePackStatus Status, SitePackData? Pack)> GatherAsync(InspectionViewer viewer, int siteId, DateOnly month, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var site = await db.Sites.AsNoTracking().Where(s => s.Id == siteId).Select(s => new { s.Id, s.Name, s.TimeZoneId }).SingleOrDefaultAsync(cancellationToken);
        if (site is null) return (SitePackStatus.NotFound, null);
        if (!viewer.SeesAll && !await InspectionScope.ManagesSiteAsync(db, viewer, siteId, cancellationToken)) return (SitePackStatus.Forbidden, null);

        var first = new DateOnly(month.Year, month.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var allSites = new InspectionViewer(viewer.PersonId, SeesAll: true, IsManager: false, IsClassLeader: false);
        var inspected = await inspections.ReportAsync(allSites, new OversightFilter(siteId, null, null, first, last), cancellationToken);
        var courseFigures = await courses.SiteMonthAsync(siteId, first, cancellationToken);
        var board = await clearance.LoadAsync(new DrillViewer(viewer.PersonId, IsAdmin: true, IsTrainer: false, IsManager: false),
            new BoardFilter(siteId, null, null, null), cancellationToken);
        var filing = await reviews.FilingAsync(siteId, first, last, cancellationToken);
        var trained = await training.SiteMonthAsync(siteId, first, cancellationToken);
        var ranking = await RankingAsync(viewer.PersonId, site.Name, first, cancellationToken);
        return (SitePackStatus.Ready, new SitePackData(site.Id, site.Name, first, courseFigures, Clearance(board), filing, inspected, trained, ranking,
            SiteTime.ToLocal(clock.GetUtcNow().UtcDateTime, site.TimeZoneId)));
    }

    /// <summary>An inactive site has no board: nobody there needs clearance any more.</summary>
    private static ClearanceFigures Clearance(ClearanceBoardModel? board)
    {
        int Count(ClearanceStatus status) => board?.Counts.GetValueOrDefault(status) ?? 0;
        return new(Count(ClearanceStatus.Cleared), Count(ClearanceStatus.Expiring), Count(ClearanceStatus.Expired), Count(ClearanceStatus.NotCleared), board?.NotRequired ?? 0);
    }

    /// <summary>Only what was published: a pack goes to the site, and a draft is not theirs to see.</summary>
    private async Task<SiteRanking> RankingAsync(string personId, string siteName, DateOnly month, CancellationToken cancellationToken)
    {
        var published = await rankings.MonthAsync(new RankingViewer(personId, IsAdmin: false, IsManager: false), month, cancellationToken: cancellationToken);
        if (!published.IsPublished) return new SiteRanking(false, null, 0, [], []);
        IReadOnlyList<RankingEntry> Lines(EvaluationSubject subject) =>
            [.. published.Subjects.Where(s => s.Subject == subject).SelectMany(s => s.Lines).Select(l => l.Entry).Where(e => e.SiteName == siteName).OrderBy(e => e.Rank)];
        return new SiteRanking(true, published.Sites.FirstOrDefault(s => s.SiteName == siteName), published.Sites.Count,
            Lines(EvaluationSubject.Team), Lines(EvaluationSubject.Supervisor));
    }
}
