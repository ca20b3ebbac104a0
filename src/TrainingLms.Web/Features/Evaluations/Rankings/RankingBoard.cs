using TrainingLms.Domain.Evaluations;

namespace TrainingLms.Web.Features.Evaluations.Rankings;

/// <summary>
/// A month's rankings as the viewer may see them: the published revisions (or, for an administrator, a live draft
/// before publication), the site ranking derived from the team lines, and the viewer's own appealable lines and appeals.
/// </summary>
public sealed class RankingBoard(IDbContextFactory<LmsDbContext> dbFactory, RankingPublicationCache cache, TimeProvider clock, IOptions<RankingsOptions> options)
{
    /// <summary>Lines of each subject a page: a large company ranks 500 teams and as many supervisors, and drawing them all was most of the page's time.</summary>
    public const int LinesPerPage = 100;

    /// <param name="page">Which <see cref="LinesPerPage"/> lines of each subject (null: all of them, as the site pack takes them); the sites' ranking is whole on every page, and the viewer's own lines are beside it.</param>
    public async Task<RankingMonth> MonthAsync(RankingViewer viewer, DateOnly? month, EvaluationSubject? subject = null, int? revision = null, int? page = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var periods = await db.EvaluationPeriods.AsNoTracking().OrderByDescending(p => p.Year).ThenByDescending(p => p.Month)
            .Select(p => new PeriodChoice(p.Id, p.Year, p.Month, p.ClosedAtUtc != null, db.RankingPublications.Any(r => r.PeriodId == p.Id)))
            .ToListAsync(cancellationToken);
        var period = month is { } m ? periods.FirstOrDefault(p => p.Year == m.Year && p.Month == m.Month)
            : periods.FirstOrDefault(p => p.Published) ?? (viewer.IsAdmin ? periods.FirstOrDefault() : null);
        var shown = month ?? (period is null ? null : new DateOnly(period.Year, period.Month, 1));
        if (period is null) return new(shown, null, periods, [], [], [], []);

        var publications = await cache.ListAsync(db, db.RankingPublications.Where(p => p.PeriodId == period.Id).OrderBy(p => p.Revision), cancellationToken);
        var ranked = new List<Ranked>();
        if (publications.Count > 0)
        {
            foreach (var group in publications.GroupBy(p => p.Subject).OrderBy(g => g.Key))
            {
                var revisions = group.ToList();
                var chosen = (group.Key == subject && revision is { } r ? revisions.FirstOrDefault(p => p.Revision == r) : null) ?? revisions[^1];
                var before = revisions.FirstOrDefault(p => p.Revision == chosen.Revision - 1);
                ranked.Add(new(group.Key, false, chosen, [.. revisions.Select(p => p.Revision)], chosen.Entries, before?.Entries));
            }
        }
        else if (viewer.IsAdmin)
        {
            var drafts = await RankingDrafts.ComputeAsync(db, period.Id, cancellationToken);
            ranked.AddRange(drafts.OrderBy(d => d.Key).Select(d => new Ranked(d.Key, true, null, [], d.Value, null)));
        }
        var teamLines = ranked.FirstOrDefault(s => s.Subject == EvaluationSubject.Team)?.Entries ?? [];
        var (appealable, appeals) = publications.Count > 0 ? await AppealsAsync(db, viewer, period.Id, publications, cancellationToken) : ([], []);
        var sites = RankingCalculator.Sites(teamLines);
        if (page is null) return new(shown, period, periods, [.. ranked.Select(s => s.Whole())], sites, appealable, appeals);

        var (number, pageCount) = Paging.Locate(ranked.Select(s => s.Entries.Count).DefaultIfEmpty(0).Max(), page, LinesPerPage);
        // The viewer's own lines (themselves, their teams) stay beside every page, wherever they rank.
        var own = appealable.Select(a => a.TargetId).ToHashSet();
        return new(shown, period, periods, [.. ranked.Select(s => s.Page(Paging.Skip(number, LinesPerPage), LinesPerPage, own))], sites, appealable, appeals)
            { Page = number, PageCount = pageCount };
    }

    /// <summary>
    /// A subject's chosen revision and the one before it, made into <see cref="RankingLine"/>s only for the lines shown:
    /// a large company's month ranks some 1,000 lines a subject, and a page shows 100.
    /// </summary>
    private sealed record Ranked(EvaluationSubject Subject, bool IsDraft, RankingPublication? Publication, IReadOnlyList<int> Revisions,
        IReadOnlyList<RankingEntry> Entries, IReadOnlyList<RankingEntry>? Before)
    {
        private readonly Dictionary<int, RankingEntry>? beforeByTarget = Before?.DistinctBy(b => b.TargetId).ToDictionary(b => b.TargetId);

        public SubjectRanking Whole() => new(Subject, IsDraft, Publication, Revisions, Lines(Entries));

        public SubjectRanking Page(int skip, int take, IReadOnlySet<int> own) =>
            new(Subject, IsDraft, Publication, Revisions, Lines(Entries.Skip(skip).Take(take)))
            {
                LineCount = Entries.Count,
                Own = Lines(Entries.Where(e => own.Contains(e.TargetId))),
            };

        private List<RankingLine> Lines(IEnumerable<RankingEntry> entries) =>
            [.. entries.Select(e => new RankingLine(e, beforeByTarget?.GetValueOrDefault(e.TargetId) is { } old && (old.Rank != e.Rank || old.Score != e.Score) ? old : null))];
    }

    private async Task<(List<AppealableLine>, List<AppealView>)> AppealsAsync(
        LmsDbContext db, RankingViewer viewer, int periodId, List<RankingPublication> publications, CancellationToken cancellationToken)
    {
        var mine = await RankingAppeals.OwnTargets(db, viewer.PersonId).Where(t => t.PeriodId == periodId)
            .Select(t => new { t.Id, t.Subject, t.SubjectName }).ToListAsync(cancellationToken);
        var publicationIds = publications.Select(p => p.Id).ToList();
        var appeals = await db.RankingAppeals.AsNoTracking()
            .Where(a => a.AppellantId == viewer.PersonId && publicationIds.Contains(a.PublicationId))
            .OrderByDescending(a => a.FiledAtUtc)
            .Select(a => new AppealView(a.Id, a.TargetId, "", a.Reason, a.FiledAtUtc, a.Status, a.DecidedByName, a.Decision, a.AmendedScore))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var appealable = new List<AppealableLine>();
        foreach (var target in mine)
        {
            var first = publications.FirstOrDefault(p => p.Subject == target.Subject && p.Revision == 1);
            var latest = publications.LastOrDefault(p => p.Subject == target.Subject);
            if (first is null || latest is null || latest.Entries.All(e => e.TargetId != target.Id)) continue;
            var closes = first.PublishedAtUtc.AddDays(options.Value.AppealDays);
            var open = appeals.Any(a => a.TargetId == target.Id && a.Status == AppealStatus.Open);
            appealable.Add(new(target.Id, target.SubjectName, closes, now <= closes && !open));
        }
        return (appealable, [.. appeals.Select(a => a with { TargetName = mine.FirstOrDefault(t => t.Id == a.TargetId)?.SubjectName ?? "" })]);
    }
}

public sealed record PeriodChoice(int Id, int Year, int Month, bool Closed, bool Published)
{
    public DateOnly FirstDay => new(Year, Month, 1);
}

/// <summary>The month shown; <see cref="Period"/> is null when no period exists for it.</summary>
public sealed record RankingMonth(
    DateOnly? Month, PeriodChoice? Period, IReadOnlyList<PeriodChoice> Periods, IReadOnlyList<SubjectRanking> Subjects,
    IReadOnlyList<SiteRankingLine> Sites, IReadOnlyList<AppealableLine> Appealable, IReadOnlyList<AppealView> MyAppeals)
{
    public bool IsPublished => Period?.Published == true;

    public int Page { get; init; } = 1;

    public int PageCount { get; init; } = 1;

    public bool IsDraft => Subjects.Any(s => s.IsDraft);
}

/// <summary>One subject kind's ranking: a published revision with the revision numbers beside it, or a draft.</summary>
/// <param name="Lines">The page's lines (<see cref="RankingBoard.LinesPerPage"/>); <see cref="LineCount"/> says how many there are in all.</param>
public sealed record SubjectRanking(EvaluationSubject Subject, bool IsDraft, RankingPublication? Publication, IReadOnlyList<int> Revisions, IReadOnlyList<RankingLine> Lines)
{
    public int LineCount { get; init; } = Lines.Count;

    /// <summary>On a page: the viewer's own lines (themselves, the teams they lead), wherever they rank.</summary>
    public IReadOnlyList<RankingLine> Own { get; init; } = [];
}

/// <summary>A ranked line and, when this revision changed it, the line as the previous revision had it.</summary>
public sealed record RankingLine(RankingEntry Entry, RankingEntry? Before);

/// <summary>A line the viewer may appeal (their own, or their team's), until <see cref="ClosesAtUtc"/>.</summary>
public sealed record AppealableLine(int TargetId, string SubjectName, DateTime ClosesAtUtc, bool CanAppeal);

public sealed record AppealView(int Id, int TargetId, string TargetName, string Reason, DateTime FiledAtUtc, AppealStatus Status, string? DecidedBy, string? Decision, double? AmendedScore);
