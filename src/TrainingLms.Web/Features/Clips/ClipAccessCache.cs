using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Account;

namespace TrainingLms.Web.Features.Clips;

/// <summary>What the byte endpoints need to know about a clip for one viewer.</summary>
public sealed record ServedClip(ClipAccess.Verdict Verdict, ClipStatus Status, IReadOnlyList<ClipRendition> Renditions, bool HasPoster);

/// <summary>
/// Remembers, for a few seconds, whether a viewer may have a clip's bytes. A player asks for dozens of ranges of
/// one file while it plays and seeks; checking the database for each would cost more than sending the bytes.
/// Any change a curator makes to a clip forgets its entries at once, on every instance (<see cref="CacheChangeLog"/>:
/// the change is written with the clip, and read before each use); a change of someone's roles or site is seen
/// within <see cref="Lifetime"/>.
/// </summary>
public sealed class ClipAccessCache : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(20);

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private readonly ConcurrentDictionary<int, CancellationTokenSource> versions = new();
    private readonly IDbContextFactory<LmsDbContext> dbFactory;
    private readonly CacheChangeLog log;

    public ClipAccessCache(IDbContextFactory<LmsDbContext> dbFactory, CacheChangeLog log)
    {
        this.dbFactory = dbFactory;
        this.log = log;
        log.Changed += (kind, key) =>
        {
            if (kind == CacheChangeKind.Clip && int.TryParse(key, CultureInfo.InvariantCulture, out var clipId)) Forget(clipId);
        };
        log.Everything += () => cache.Clear();
    }

    public async Task<ServedClip?> GetAsync(ClaimsPrincipal user, int clipId, CancellationToken cancellationToken = default)
    {
        await log.CatchUpAsync(cancellationToken);
        var key = (user.PersonId(), user.IsInRole(Roles.Trainer) || user.IsInRole(Roles.Admin), user.IsInRole(Roles.Manager), clipId);
        if (cache.TryGetValue(key, out ServedClip? known)) return known;
        var version = versions.GetOrAdd(clipId, _ => new CancellationTokenSource());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var viewer = await ClipViewer.ForAsync(db, user, cancellationToken);
        var clip = await db.Clips.AsNoTracking().Where(c => c.Id == clipId)
            .Select(c => new { c.Status, c.Renditions, c.HasPoster, Visible = db.Clips.Where(v => v.Id == c.Id).Any(ClipAccess.VisibleTo(viewer)) })
            .SingleOrDefaultAsync(cancellationToken);
        var served = clip is null ? null
            : new ServedClip(clip.Visible ? ClipAccess.Verdict.Allowed : ClipAccess.Verdict.Forbidden, clip.Status, clip.Renditions, clip.HasPoster);
        cache.Set(key, served, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime }.AddExpirationToken(new CancellationChangeToken(version.Token)));
        return served;
    }

    /// <summary>
    /// Tells the other instances that the clip changed, for a change written past the change tracker (a save through EF
    /// tells them itself): inside the write's transaction, or right after a write that has none.
    /// </summary>
    public Task WriteChangeAsync(DbContext db, int clipId, CancellationToken cancellationToken = default) =>
        log.WriteAsync(db, CacheChangeKind.Clip, [clipId.ToString(CultureInfo.InvariantCulture)], cancellationToken);

    /// <summary>Forgets every viewer's entry for the clip: it was published, withdrawn, changed, transcoded or deleted.</summary>
    public void Forget(int clipId)
    {
        if (versions.TryRemove(clipId, out var version))
        {
            version.Cancel();
            version.Dispose();
        }
    }

    public void Dispose()
    {
        cache.Dispose();
        foreach (var version in versions.Values) version.Dispose();
    }
}
