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
    private volatile Kept? kept;

    /// <summary>The zone's id; null before the company is set up (<see cref="Domain.SiteTime"/> then uses its default).</summary>
    public async Task<string?> GetAsync(CancellationToken cancellationToken = default)
    {
        await changes.CatchUpAsync(cancellationToken);
        var stamp = changes.EveryoneStamp;
        if (kept is { } current && current.Stamp == stamp) return current.Zone;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zone = await db.Companies.OrderBy(c => c.Id).Select(c => c.DefaultTimeZoneId).FirstOrDefaultAsync(cancellationToken);
        // Stamped with the count seen before the read, and not kept if the company changed meanwhile.
        if (changes.EveryoneStamp == stamp) kept = new Kept(stamp, zone);
        return zone;
    }

    private sealed record Kept(long Stamp, string? Zone);
}
