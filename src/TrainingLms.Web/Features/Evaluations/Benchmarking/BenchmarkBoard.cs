using TrainingLms.Domain.Evaluations;
using TrainingLms.Web.Features.Organisation;

namespace TrainingLms.Web.Features.Evaluations.Benchmarking;

public sealed record BoardRow(string Label, string? EmployeeNumber, BenchmarkSummary Summary);

public sealed record BoardComment(string Label, string Text, DateTime AtUtc, int Smile, int Greeting);

/// <summary>A site's quarter: everyone rated with their scores per source, the top list, and the customers' recent comments.</summary>
public sealed record BoardModel(
    IReadOnlyList<SiteChoice> Sites, SiteChoice? Site, YearQuarter Quarter, IReadOnlyList<BoardRow> People, IReadOnlyList<BoardRow> Posts,
    IReadOnlyList<BoardRow> Top, IReadOnlyList<BoardComment> Comments, int MinCustomerRatings);

public sealed class BenchmarkBoard(IDbContextFactory<LmsDbContext> dbFactory, IOptions<BenchmarkOptions> options, TimeProvider clock, CompanyTimeZone companyZone)
{
    public async Task<BoardModel?> LoadAsync(BenchmarkViewer viewer, int? siteId, int? year, int? quarter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sites = await FeedbackCodes.SitesAsync(db, cancellationToken);
        var own = await db.Users.Where(p => p.Id == viewer.PersonId).Select(p => p.SiteId).SingleOrDefaultAsync(cancellationToken);
        var site = sites.FirstOrDefault(s => s.Id == (siteId ?? own)) ?? (siteId is null ? sites.FirstOrDefault() : null);
        if (siteId is not null && site is null) return null;
        var picked = BenchmarkTime.Pick(year, quarter, BenchmarkTime.CurrentQuarter(await companyZone.GetAsync(cancellationToken), clock.GetUtcNow().UtcDateTime));
        var limits = options.Value;
        if (site is null) return new BoardModel(sites, null, picked, [], [], [], [], limits.MinCustomerRatings);

        var ratings = await db.BenchmarkRatings.AsNoTracking()
            .Where(r => r.SiteId == site.Id && r.Year == picked.Year && r.Quarter == picked.Quarter).ToListAsync(cancellationToken);
        var personIds = ratings.Where(r => r.PersonId != null).Select(r => r.PersonId!).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new { p.FullName, p.EmployeeNumber }, cancellationToken);
        var positions = await db.Positions.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var codeLabels = await db.FeedbackCodes.AsNoTracking().Where(c => c.SiteId == site.Id).ToDictionaryAsync(c => c.Id, c => c.Label, cancellationToken);

        var rows = ratings.Where(r => r.PersonId != null).GroupBy(r => r.PersonId!)
            .Select(g => new BoardRow(people[g.Key].FullName, people[g.Key].EmployeeNumber, BenchmarkScores.Summarise(g)))
            .OrderByDescending(r => r.Summary.Combined).ThenBy(r => r.EmployeeNumber).ToList();
        var posts = ratings.Where(r => r.PersonId == null && r.PositionId != null).GroupBy(r => r.PositionId!.Value)
            .Select(g => new BoardRow(positions.GetValueOrDefault(g.Key, "—"), null, BenchmarkScores.Summarise(g)))
            .OrderByDescending(r => r.Summary.Combined).ToList();
        var comments = ratings.Where(r => r.Source == BenchmarkSource.Customer && r.Comment != null).OrderByDescending(r => r.AtUtc).Take(limits.RecentComments)
            .Select(r => new BoardComment(r.FeedbackCodeId is { } codeId ? codeLabels.GetValueOrDefault(codeId, "—") : "—", r.Comment!, r.AtUtc, r.Smile, r.Greeting)).ToList();
        var top = BenchmarkScores.TopList(rows, r => r.Summary, limits.MinCustomerRatings, limits.TopListSize);
        return new BoardModel(sites, site, picked, rows, posts, top, comments, limits.MinCustomerRatings);
    }
}
