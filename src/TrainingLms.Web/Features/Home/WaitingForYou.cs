using TrainingLms.Domain.Clips;
using TrainingLms.Domain.Inspections;

namespace TrainingLms.Web.Features.Home;

/// <summary>What waits for the person's answer or action, counted for the home page.</summary>
/// <param name="FilmingNotices">Recordings of them whose notice they have not answered.</param>
/// <param name="Rectifications">Open rectifications about them, or given to them to put right.</param>
public sealed record WaitingCounts(int FilmingNotices, int Rectifications);

/// <summary>
/// The home page's "waiting for you" counts in one statement (two scalar subqueries): every role's home page shows
/// them, so they cost a single round trip whatever the features add.
/// </summary>
public sealed class WaitingForYou(IDbContextFactory<LmsDbContext> dbFactory)
{
    public async Task<WaitingCounts> CountAsync(string personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(p => p.Id == personId)
            .Select(p => new WaitingCounts(
                db.ClipFeaturedPeople.Count(f => f.PersonId == personId && f.Consent == FilmingConsent.Pending),
                db.Rectifications.Count(r => r.Status == RectificationStatus.Open && (r.PersonId == personId || r.AssigneeId == personId))))
            .FirstOrDefaultAsync(cancellationToken) ?? new WaitingCounts(0, 0);
    }
}
