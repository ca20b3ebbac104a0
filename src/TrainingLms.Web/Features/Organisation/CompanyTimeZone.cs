using Microsoft.EntityFrameworkCore;
using TrainingLms.Data;
using TrainingLms.Web.Features.Courses.Caching;

namespace TrainingLms.Web.Features.Organisation;

/// <summary>
/// The company's own time zone, the zone of its calendar: evaluation months, benchmark quarters, oversight periods.
/// Pages all over the app ask for it on every view, so it is read once and kept until a change to the company row is
/// counted (as a change for everyone in <see cref="LearningChanges"/>, on every instance).
/// </summary>
public sealed class CompanyTimeZone(IDbContextFactory<LmsDbContext> dbFactory, LearningChanges changes)
{
    private readonly StampedValue<long, string?> kept = new(changes, () => changes.EveryoneStamp);

    /// <summary>The zone's id; null before the company is set up (<see cref="Domain.SiteTime"/> then uses its default).</summary>
    public Task<string?> GetAsync(CancellationToken cancellationToken = default) => kept.GetAsync(async token =>
    {
        await using var db = await dbFactory.CreateDbContextAsync(token);
        return await db.Companies.OrderBy(c => c.Id).Select(c => c.DefaultTimeZoneId).FirstOrDefaultAsync(token);
    }, cancellationToken);
}
