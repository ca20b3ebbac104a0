using TrainingLms.Domain.Clips;
using TrainingLms.Domain.ShiftReviews;

namespace TrainingLms.Web.Features.Clips;

public sealed record ClipFilter(ClipKind? Kind = null, int? SiteId = null, EtiquettePoint? Point = null, string? Search = null, int Page = 1);

/// <summary>A clip as the library lists it.</summary>
public sealed record ClipCard(
    int Id, string Slug, string Title, ClipKind Kind, ClipStatus Status, string? SiteName, DateOnly? RecordedOn,
    double DurationSeconds, bool HasPoster, bool IsPublished, bool IsFeatured, double WatchedShare, FilmingConsent? ConsentOfFilmed = null);

public sealed record LibraryResult(IReadOnlyList<ClipCard> Clips, int PageCount, int Total);

public sealed record MomentView(int Id, double AtSeconds, MomentKind Kind, EtiquettePoint Point, string Note);

/// <summary>Everything the player needs: the renditions, the poster, the moments, and where this person stopped.</summary>
public sealed record PlayerModel(
    int ClipId, string Slug, string Title, double DurationSeconds, int DisplayWidth, int DisplayHeight,
    IReadOnlyList<ClipRendition> Renditions, bool HasPoster, IReadOnlyList<MomentView> Moments, WatchProgress Progress, double RequiredShare);

/// <summary>Where transcoding stands, for the live progress on the clip's page.</summary>
public sealed record TranscodeView(TranscodeStatus Status, int ProgressPercent, int Attempts, int MaxAttempts, string? Error, bool CancelRequested);

public sealed record ClipDetailView(ClipCard Card, ClipDetails Details, string Description, string OriginalFileName, long OriginalBytes,
    string UploadedBy, DateTime UploadedAtUtc, IReadOnlyList<FeaturedPersonView> Featured, PlayerModel? Player, TranscodeView? Transcode);

public sealed record FeaturedPersonView(string PersonId, string EmployeeNumber, string FullName, ConsentView Answer);

/// <summary>The library's reads; every one goes through <see cref="ClipAccess"/>.</summary>
public sealed class ClipQueries(IDbContextFactory<LmsDbContext> dbFactory, WatchTracking watching)
{
    public const int PageSize = 24;

    public double RequiredShare => watching.RequiredShare;

    public async Task<LibraryResult> LibraryAsync(ClipViewer viewer, ClipFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clips = db.Clips.AsNoTracking().Where(ClipAccess.VisibleTo(viewer));
        if (filter.Kind is { } kind) clips = clips.Where(c => c.Kind == kind);
        if (filter.SiteId is { } siteId) clips = clips.Where(c => c.SiteId == siteId);
        if (filter.Point is { } point and not EtiquettePoint.None) clips = clips.Where(c => c.Moments.Any(m => m.Point == point));
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = SearchPattern.Contains(filter.Search);
            clips = clips.Where(c => SearchPattern.Matches(c.Title, pattern) || SearchPattern.Matches(c.Description, pattern));
        }
        var total = await clips.CountAsync(cancellationToken);
        var (page, pageCount) = Paging.Locate(total, filter.Page, PageSize);
        var cards = await Cards(db, clips.OrderByDescending(c => c.RecordedOn).ThenByDescending(c => c.Id).Skip(Paging.Skip(page, PageSize)).Take(PageSize), viewer)
            .ToListAsync(cancellationToken);
        return new LibraryResult(await WithSharesAsync(cards, viewer.PersonId, cancellationToken), pageCount, total);
    }

    public async Task<ClipDetailView?> DetailAsync(ClipViewer viewer, int clipId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clip = await db.Clips.AsNoTracking().Where(c => c.Id == clipId).Where(ClipAccess.VisibleTo(viewer))
            .Include(c => c.Moments).SingleOrDefaultAsync(cancellationToken);
        if (clip is null) return null;
        var card = (await WithSharesAsync(await Cards(db, db.Clips.Where(c => c.Id == clipId), viewer).ToListAsync(cancellationToken), viewer.PersonId, cancellationToken))[0];
        var featured = await db.ClipFeaturedPeople.Where(f => f.ClipId == clipId)
            .Join(db.Users, f => f.PersonId, p => p.Id, (f, p) => new { Featured = f, Person = p })
            .OrderBy(x => x.Person.UserName)
            .Select(x => new FeaturedPersonView(x.Person.Id, x.Person.UserName!, x.Person.FullName, new ConsentView(x.Featured.Consent, x.Featured.NotifiedAtUtc, x.Featured.AnsweredAtUtc)))
            .ToListAsync(cancellationToken);
        var uploadedBy = await db.Users.Where(p => p.Id == clip.UploadedById).Select(p => p.FullName).SingleAsync(cancellationToken);
        var transcode = viewer.CuratesLibrary ? await LatestJobAsync(db, clipId, cancellationToken) : null;
        var player = clip.Status == ClipStatus.Ready ? await PlayerAsync(clip, viewer.PersonId, cancellationToken) : null;
        return new ClipDetailView(card, ClipDetails.Of(clip), clip.Description, clip.OriginalFileName, clip.OriginalBytes, uploadedBy, clip.UploadedAtUtc, featured, player, transcode);
    }

    /// <summary>Players for the clips of these slugs (a lesson's, say): only clips that are ready and the viewer may see.</summary>
    public async Task<IReadOnlyDictionary<string, PlayerModel>> PlayersForAsync(ClaimsPrincipal user, IReadOnlyCollection<string> slugs, CancellationToken cancellationToken = default)
    {
        if (slugs.Count == 0) return new Dictionary<string, PlayerModel>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var viewer = await ClipViewer.ForAsync(db, user, cancellationToken);
        var clips = await db.Clips.AsNoTracking().Where(c => slugs.Contains(c.Slug) && c.Status == ClipStatus.Ready).Where(ClipAccess.VisibleTo(viewer))
            .Include(c => c.Moments).ToListAsync(cancellationToken);
        var players = new Dictionary<string, PlayerModel>();
        foreach (var clip in clips) players[clip.Slug] = await PlayerAsync(clip, viewer.PersonId, cancellationToken);
        return players;
    }

    public async Task<TranscodeView?> TranscodeAsync(int clipId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LatestJobAsync(db, clipId, cancellationToken);
    }

    private static Task<TranscodeView?> LatestJobAsync(LmsDbContext db, int clipId, CancellationToken cancellationToken) =>
        db.TranscodeJobs.Where(j => j.ClipId == clipId).OrderByDescending(j => j.Id)
            .Select(j => new TranscodeView(j.Status, j.ProgressPercent, j.Attempts, j.MaxAttempts, j.Error, j.CancelRequested))
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<PlayerModel> PlayerAsync(Clip clip, string personId, CancellationToken cancellationToken)
    {
        var progress = (await watching.ProgressAsync(personId, [clip.Id], cancellationToken)).GetValueOrDefault(clip.Id) ?? WatchProgress.None(clip.DurationSeconds);
        var moments = clip.Moments.OrderBy(m => m.AtSeconds).Select(m => new MomentView(m.Id, m.AtSeconds, m.Kind, m.Point, m.Note)).ToList();
        return new PlayerModel(clip.Id, clip.Slug, clip.Title, clip.DurationSeconds, clip.DisplayWidth, clip.DisplayHeight,
            clip.Renditions.OrderBy(r => r.ShortSide).ToList(), clip.HasPoster, moments, progress, watching.RequiredShare);
    }

    /// <summary>The cards; the agreement of the people filmed only for curators, who alone are shown it.</summary>
    private static IQueryable<ClipCard> Cards(LmsDbContext db, IQueryable<Clip> clips, ClipViewer viewer)
    {
        var personId = viewer.PersonId;
        var curates = viewer.CuratesLibrary;
        return clips.Select(c => new ClipCard(
            c.Id, c.Slug, c.Title, c.Kind, c.Status,
            db.Sites.Where(s => s.Id == c.SiteId).Select(s => s.Name).FirstOrDefault(),
            c.RecordedOn, c.DurationSeconds, c.HasPoster, c.IsPublished,
            c.FeaturedPeople.Any(f => f.PersonId == personId), 0,
            !curates ? null
                : c.FeaturedPeople.Any(f => f.Consent == FilmingConsent.Withdrawn) ? FilmingConsent.Withdrawn
                : c.FeaturedPeople.Any(f => f.Consent == FilmingConsent.Pending) ? FilmingConsent.Pending
                : c.FeaturedPeople.Any() ? FilmingConsent.Given : null));
    }

    private async Task<IReadOnlyList<ClipCard>> WithSharesAsync(List<ClipCard> cards, string personId, CancellationToken cancellationToken)
    {
        var progress = await watching.ProgressAsync(personId, [.. cards.Select(c => c.Id)], cancellationToken);
        return [.. cards.Select(c => progress.TryGetValue(c.Id, out var p) ? c with { WatchedShare = p.Share } : c)];
    }
}
