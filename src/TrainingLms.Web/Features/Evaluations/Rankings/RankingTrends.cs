using TrainingLms.Domain.Evaluations;
using TrainingLms.Web.Components.Shared;

namespace TrainingLms.Web.Features.Evaluations.Rankings;

/// <summary>
/// Monthly scores over the last months that have a published ranking: each site's (the mean of its teams, as on the
/// rankings page) and each team's, from the latest revision of every month's team ranking. Drafts never count.
/// </summary>
public sealed class RankingTrends(IDbContextFactory<LmsDbContext> dbFactory, RankingPublicationCache cache, IOptions<RankingsOptions> options)
{
    public async Task<TrendBoard> BoardAsync(int? siteId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var newest = await db.RankingPublications.Where(p => p.Subject == EvaluationSubject.Team).Join(db.EvaluationPeriods, p => p.PeriodId, period => period.Id, (p, period) => new { period.Year, period.Month })
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Month).FirstOrDefaultAsync(cancellationToken);
        if (newest is null) return TrendBoard.Empty;

        var last = new DateOnly(newest.Year, newest.Month, 1);
        var months = Enumerable.Range(0, options.Value.TrendMonths).Select(i => last.AddMonths(i - options.Value.TrendMonths + 1)).ToList();
        var first = months[0];
        var periods = await db.EvaluationPeriods.AsNoTracking()
            .Where(p => p.Year * 12 + p.Month >= first.Year * 12 + first.Month && p.Year * 12 + p.Month <= last.Year * 12 + last.Month)
            .Select(p => new { p.Id, p.Year, p.Month }).ToListAsync(cancellationToken);
        var periodIds = periods.Select(p => p.Id).ToList();
        // An amendment after an appeal replaces the month's line: only the latest revision of each month counts.
        var publications = await cache.ListAsync(db, RankingDrafts.LatestRevisions(db)
            .Where(p => p.Subject == EvaluationSubject.Team && periodIds.Contains(p.PeriodId)), cancellationToken);
        var targets = await db.EvaluationTargets.AsNoTracking().Where(t => periodIds.Contains(t.PeriodId) && t.Subject == EvaluationSubject.Team)
            .Select(t => new { t.Id, t.TeamId, t.SiteId, t.SubjectName, t.SiteName }).ToDictionaryAsync(t => t.Id, cancellationToken);

        var sites = new SeriesBuilder(months.Count);
        var teams = new SeriesBuilder(months.Count);
        var teamSites = new Dictionary<string, int>();
        foreach (var publication in publications)
        {
            var period = periods.Single(p => p.Id == publication.PeriodId);
            var index = months.IndexOf(new DateOnly(period.Year, period.Month, 1));
            var siteIds = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var entry in publication.Entries)
            {
                if (!targets.TryGetValue(entry.TargetId, out var target)) continue;
                var key = target.TeamId is { } id ? $"team-{id}" : $"site-{target.SiteId}-{target.SubjectName}";
                teams.Add(key, target.SubjectName, index, entry.Score);
                teamSites[key] = target.SiteId;
                siteIds[entry.SiteName] = target.SiteId;
            }
            foreach (var site in RankingCalculator.Sites(publication.Entries.Where(e => siteIds.ContainsKey(e.SiteName))))
                sites.Add($"{siteIds[site.SiteName]}", site.SiteName, index, site.Score);
        }

        var siteSeries = sites.Build();
        var choices = siteSeries.Select(s => new TrendSite(int.Parse(s.Key, System.Globalization.CultureInfo.InvariantCulture), s.Label)).ToList();
        var chosen = choices.FirstOrDefault(s => s.Id == siteId) ?? choices.FirstOrDefault();
        var teamSeries = chosen is null ? [] : teams.Build().Where(t => teamSites[t.Key] == chosen.Id).ToList();
        return new(months, choices, chosen, siteSeries, teamSeries);
    }

    /// <summary>Collects points by series key; the label is the name as the most recent month published it.</summary>
    private sealed class SeriesBuilder(int months)
    {
        private readonly Dictionary<string, (double?[] Scores, string Label, int LabelMonth)> series = [];

        public void Add(string key, string label, int month, double score)
        {
            if (!series.TryGetValue(key, out var line)) line = (new double?[months], label, month);
            line.Scores[month] = score;
            series[key] = month >= line.LabelMonth ? (line.Scores, label, month) : line;
        }

        public List<TrendSeries> Build() =>
            [.. series.Select(s => new TrendSeries(s.Key, s.Value.Label, s.Value.Scores)).OrderBy(s => s.Label, StringComparer.CurrentCulture).ThenBy(s => s.Key, StringComparer.Ordinal)];
    }
}

/// <summary>The months shown (oldest first), the sites to choose from, and the series: every site's, and the chosen site's teams'.</summary>
public sealed record TrendBoard(IReadOnlyList<DateOnly> Months, IReadOnlyList<TrendSite> Sites, TrendSite? Site, IReadOnlyList<TrendSeries> SiteSeries, IReadOnlyList<TrendSeries> TeamSeries)
{
    public static readonly TrendBoard Empty = new([], [], null, [], []);
}

public sealed record TrendSite(int Id, string Name);
