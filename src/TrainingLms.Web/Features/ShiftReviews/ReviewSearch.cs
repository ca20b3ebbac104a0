using TrainingLms.Domain.ShiftReviews;

namespace TrainingLms.Web.Features.ShiftReviews;

public sealed record SearchHit(int Id, string TeamName, string SiteName, ShiftSlot Slot, string WentWell, string FellShort, string FollowUps);

public sealed record ReviewSearchResult(IReadOnlyList<SearchHit> Hits, bool HasMore);

/// <summary>Finds reviews whose text (or a note in them) contains the words typed, within the viewer's teams, newest first.</summary>
public sealed class ReviewSearch(IDbContextFactory<LmsDbContext> dbFactory)
{
    public const int PageSize = 20;

    public async Task<ReviewSearchResult> SearchAsync(ReviewViewer viewer, string? query, int page, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query)) return new([], false);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teamIds = (await ReviewScope.VisibleTeamsAsync(db, viewer, cancellationToken)).Select(t => t.Id);
        var pattern = SearchPattern.Contains(query);
        var hits = await db.ShiftReviews.AsNoTracking()
            .Where(r => teamIds.Contains(r.TeamId))
            .Where(r => SearchPattern.Matches(r.WentWell, pattern) || SearchPattern.Matches(r.FellShort, pattern)
                || SearchPattern.Matches(r.FollowUps, pattern) || r.Notes.Any(n => SearchPattern.Matches(n.Text, pattern)))
            .OrderByDescending(r => r.ShiftDate).ThenByDescending(r => r.Id)
            .Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize + 1)
            .Join(db.Teams, r => r.TeamId, t => t.Id, (r, t) => new SearchHit(r.Id, t.Name, t.Site!.Name, new ShiftSlot(r.ShiftDate, r.ShiftKey), r.WentWell, r.FellShort, r.FollowUps))
            .ToListAsync(cancellationToken);
        return new([.. hits.Take(PageSize)], hits.Count > PageSize);
    }
}
