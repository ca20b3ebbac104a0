using TrainingLms.Domain.Clips;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.Web.Features.Clips;

/// <summary>What the player reports: the spans it played since the page opened (each report repeats them all) and where it is.</summary>
public sealed record WatchReport(IReadOnlyList<double[]>? Spans, double Position);

/// <summary>How much of a clip a person has watched, as the player and the lesson need it.</summary>
public sealed record WatchProgress(double WatchedSeconds, double DurationSeconds, double Share, bool Watched, double ResumeAt)
{
    public static WatchProgress None(double durationSeconds) => new(0, durationSeconds, 0, false, 0);
}

/// <summary>
/// Turns the player's reports into unique seconds watched (<see cref="WatchLedger"/>), per person and clip. Each
/// report's new seconds are limited by the time since the last one, so neither a tampered report nor a flood of
/// them earns more than watching would; concurrent reports take turns (<see cref="WriteLock"/>), and a concurrency token
/// refuses any save that slipped past it.
/// </summary>
public sealed class WatchTracking(IDbContextFactory<LmsDbContext> dbFactory, IOptions<ClipOptions> options, TimeProvider clock)
{
    /// <summary>What the first report may claim: the player reports every 10 seconds of playing.</summary>
    public const double FirstReportCreditSeconds = 20;

    public double RequiredShare => options.Value.RequiredWatchShare;

    /// <returns>Null when the clip is not ready to be watched.</returns>
    public async Task<WatchProgress?> RecordAsync(string personId, int clipId, WatchReport report, CancellationToken cancellationToken = default)
    {
        var spans = (report.Spans ?? []).Take(WatchLedger.MaxSpansPerReport)
            .Where(pair => pair is { Length: 2 }).Select(pair => new WatchSpan(pair[0], pair[1])).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Reports of one clip can arrive together (a flood, two tabs). The write lock is taken before the view is read,
        // so each report builds on what the last one wrote.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await WriteLock.EnterAsync(db, $"clip-view:{personId}:{clipId}", cancellationToken);
        var duration = await db.Clips.Where(c => c.Id == clipId && c.Status == ClipStatus.Ready).Select(c => (double?)c.DurationSeconds).SingleOrDefaultAsync(cancellationToken);
        if (duration is not { } length) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var view = await db.ClipViews.SingleOrDefaultAsync(v => v.PersonId == personId && v.ClipId == clipId, cancellationToken);
        var allowance = view is null
            ? FirstReportCreditSeconds
            : WatchLedger.Allowance(view.CreditSeconds, now - view.LastReportAtUtc, options.Value.MaxPlaybackRate, options.Value.MaxCreditSeconds);
        if (view is null)
        {
            view = new ClipView { PersonId = personId, ClipId = clipId, FirstReportAtUtc = now };
            db.ClipViews.Add(view);
        }
        var credit = WatchLedger.Credit(view.Watched, spans, length, allowance);
        view.Watched = [.. credit.Watched];
        view.WatchedSeconds = credit.TotalSeconds;
        view.CreditSeconds = allowance - credit.AddedSeconds;
        view.LastReportAtUtc = now;
        view.LastPositionSeconds = double.IsFinite(report.Position) ? Math.Clamp(report.Position, 0, length) : view.LastPositionSeconds;
        if (view.ReachedRequiredShareAtUtc is null && WatchLedger.Share(view.WatchedSeconds, length) >= RequiredShare) view.ReachedRequiredShareAtUtc = now;
        view.Revision++;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Progress(view, length);
    }

    public async Task<IReadOnlyDictionary<int, WatchProgress>> ProgressAsync(string personId, IReadOnlyCollection<int> clipIds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var views = await db.ClipViews.AsNoTracking()
            .Where(v => v.PersonId == personId && clipIds.Contains(v.ClipId))
            .Join(db.Clips, v => v.ClipId, c => c.Id, (v, c) => new { View = v, c.DurationSeconds })
            .ToListAsync(cancellationToken);
        return views.ToDictionary(v => v.View.ClipId, v => Progress(v.View, v.DurationSeconds));
    }

    /// <summary>
    /// The required clips of a lesson the person still has to watch: those that exist, are ready and are theirs to
    /// see. A clip not (yet) in the library cannot hold a learner back; the content page reports it to administrators.
    /// </summary>
    public async Task<IReadOnlyList<string>> UnwatchedAsync(string personId, IReadOnlyCollection<string> requiredSlugs, CancellationToken cancellationToken = default)
    {
        if (requiredSlugs.Count == 0) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var viewer = await ClipViewer.ForPersonAsync(db, personId, cancellationToken);
        return await db.Clips.Where(c => requiredSlugs.Contains(c.Slug) && c.Status == ClipStatus.Ready)
            .Where(ClipAccess.VisibleTo(viewer))
            .Where(c => !db.ClipViews.Any(v => v.ClipId == c.Id && v.PersonId == personId && v.ReachedRequiredShareAtUtc != null))
            .OrderBy(c => c.Slug).Select(c => c.Slug).ToListAsync(cancellationToken);
    }

    private WatchProgress Progress(ClipView view, double duration) =>
        new(view.WatchedSeconds, duration, WatchLedger.Share(view.WatchedSeconds, duration), view.ReachedRequiredShareAtUtc is not null,
            WatchLedger.ResumePosition(view.LastPositionSeconds, duration));
}
