using TrainingLms.Domain.FollowUps;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.Inspections;

namespace TrainingLms.Web.Features.Home;

/// <summary>What waits for the person's answer or action, counted for the home page.</summary>
/// <param name="FilmingNotices">Recordings of them whose notice they have not answered.</param>
/// <param name="Rectifications">Open rectifications about them, or given to them to put right.</param>
/// <param name="FootageActions">Open corrections from footage sessions that they own.</param>
/// <param name="SiteOverdueFootageActions">For a manager: the open corrections of their site's footage sessions past their due date.</param>
public sealed record WaitingCounts(int FilmingNotices, int Rectifications, int FootageActions = 0, int SiteOverdueFootageActions = 0);

/// <summary>
/// The home page's "waiting for you" counts in one statement (scalar subqueries): every role's home page shows
/// them, so they cost a single round trip whatever the features add.
/// </summary>
public sealed class WaitingForYou(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock)
{
    public async Task<WaitingCounts> CountAsync(string personId, bool isManager = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        return await db.Users.Where(p => p.Id == personId)
            .Select(p => new WaitingCounts(
                db.ClipFeaturedPeople.Count(f => f.PersonId == personId && f.Consent == FilmingConsent.Pending),
                db.Rectifications.Count(r => r.Status == FollowUpStatus.Open && (r.PersonId == personId || r.AssigneeId == personId)),
                db.FootageFaults.Count(f => f.Status == FollowUpStatus.Open && f.OwnerId == personId),
                isManager ? db.FootageFaults.Count(f => f.Status == FollowUpStatus.Open && f.DueAtUtc < nowUtc && f.SiteId == p.SiteId) : 0))
            .FirstOrDefaultAsync(cancellationToken) ?? new WaitingCounts(0, 0);
    }
}
