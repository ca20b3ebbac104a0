using Microsoft.AspNetCore.Http;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Web.Features.Clips;

namespace TrainingLms.Web.Features.Evaluations.Benchmarking;

/// <summary>A story's clip, only when the reader may see it, with its marked moments.</summary>
public sealed record StoryClip(int Id, string Title, IReadOnlyList<MomentView> Moments);

public sealed record StoryView(
    int Id, string SiteName, string PersonName, string Title, string Body, string AuthorName, DateTime PublishedAtUtc, bool IsWithdrawn, StoryClip? Clip);

public sealed record ClipChoice(int Id, string Title, ClipKind Kind);

/// <summary>What the publish form offers: the sites, the people of the chosen site, and the clips the trainer can see.</summary>
public sealed record StoryForm(IReadOnlyList<SiteChoice> Sites, SiteChoice? Site, IReadOnlyList<PersonChoice> People, IReadOnlyList<ClipChoice> Clips);

public sealed class StoryInput
{
    public int? SiteId { get; set; }
    public string? PersonId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public int? ClipId { get; set; }
    public Guid SubmissionKey { get; set; } = Guid.NewGuid();

    public static StoryInput FromForm(IFormCollection form) => new()
    {
        SiteId = int.TryParse(form["site"], out var site) ? site : null,
        PersonId = form["person"].ToString() is { Length: > 0 } person ? person : null,
        Title = BenchmarkText.Clean(form["title"]).ReplaceLineEndings(" "),
        Body = BenchmarkText.Clean(form["body"]).ReplaceLineEndings("\n"),
        ClipId = int.TryParse(form["clip"], out var clip) ? clip : null,
        SubmissionKey = Guid.TryParse(form["submissionKey"], out var key) ? key : Guid.NewGuid(),
    };
}

/// <summary>
/// Benchmark employees' smile stories: trainers publish them (optionally with a clip) and may withdraw them, which
/// hides but never deletes a story. Staff read the published stories of their own site; trainers and administrators
/// read every story, withdrawn ones included.
/// </summary>
public sealed class SmileStories(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>How many of the newest clips the publish form offers.</summary>
    private const int ClipChoices = 200;

    public async Task<IReadOnlyList<StoryView>> ListAsync(BenchmarkViewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stories = db.SmileStories.AsNoTracking();
        if (!viewer.MayCurate)
        {
            var site = await db.Users.Where(p => p.Id == viewer.PersonId).Select(p => p.SiteId).SingleOrDefaultAsync(cancellationToken);
            stories = stories.Where(s => !s.IsWithdrawn && s.SiteId == site);
        }
        var rows = await stories.OrderBy(s => s.IsWithdrawn).ThenByDescending(s => s.PublishedAtUtc)
            .Select(s => new
            {
                s.Id, s.Title, s.Body, s.PublishedAtUtc, s.IsWithdrawn, s.ClipId,
                SiteName = db.Sites.Where(x => x.Id == s.SiteId).Select(x => x.Name).First(),
                PersonName = db.Users.Where(p => p.Id == s.PersonId).Select(p => p.FullName).First(),
                AuthorName = db.Users.Where(p => p.Id == s.AuthorId).Select(p => p.FullName).First(),
            }).ToListAsync(cancellationToken);

        var clipIds = rows.Where(r => r.ClipId != null).Select(r => r.ClipId!.Value).Distinct().ToList();
        var clipViewer = await ClipViewer.ForPersonAsync(db, viewer.PersonId, cancellationToken);
        var clips = await db.Clips.AsNoTracking().Where(c => clipIds.Contains(c.Id)).Where(ClipAccess.VisibleTo(clipViewer))
            .Select(c => new StoryClip(c.Id, c.Title, c.Moments.OrderBy(m => m.AtSeconds).Select(m => new MomentView(m.Id, m.AtSeconds, m.Kind, m.Point, m.Note)).ToList()))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        return [.. rows.Select(r => new StoryView(r.Id, r.SiteName, r.PersonName, r.Title, r.Body, r.AuthorName, r.PublishedAtUtc, r.IsWithdrawn,
            r.ClipId is { } clipId ? clips.GetValueOrDefault(clipId) : null))];
    }

    public async Task<StoryForm> PrepareAsync(BenchmarkViewer viewer, int? siteId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sites = await FeedbackCodes.SitesAsync(db, cancellationToken);
        var site = sites.FirstOrDefault(s => s.Id == siteId) ?? (sites.Count == 1 ? sites[0] : null);
        var people = site is null ? [] : await FeedbackCodes.PeopleAtAsync(db, site.Id, cancellationToken);
        var clipViewer = await ClipViewer.ForPersonAsync(db, viewer.PersonId, cancellationToken);
        var clips = await db.Clips.AsNoTracking().Where(ClipAccess.VisibleTo(clipViewer))
            .OrderByDescending(c => c.Kind == ClipKind.BenchmarkStory).ThenByDescending(c => c.Id).Take(ClipChoices)
            .Select(c => new ClipChoice(c.Id, c.Title, c.Kind)).ToListAsync(cancellationToken);
        return new StoryForm(sites, site, people, clips);
    }

    public async Task<Outcome<BenchmarkStatus>> PublishAsync(BenchmarkViewer viewer, StoryInput input, CancellationToken cancellationToken = default)
    {
        if (!viewer.MayCurate) return Outcome.Of(BenchmarkStatus.Forbidden);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = new Dictionary<string, string>();
        if (input.SiteId is not { } siteId || !await db.Sites.AnyAsync(s => s.Id == siteId && s.IsActive, cancellationToken)) errors["site"] = "Benchmark.Validation.Site";
        if (input.PersonId is null || !await db.Users.AnyAsync(p => p.Id == input.PersonId && p.SiteId == input.SiteId && p.IsActive, cancellationToken))
            errors["person"] = "Benchmark.Validation.Person";
        if (input.Title.Length == 0) errors["title"] = "Benchmark.Validation.Required";
        else if (input.Title.Length > BenchmarkScores.MaxStoryTitleLength) errors["title"] = "Benchmark.Validation.TooLong";
        if (input.Body.Length == 0) errors["body"] = "Benchmark.Validation.Required";
        else if (input.Body.Length > BenchmarkScores.MaxStoryBodyLength) errors["body"] = "Benchmark.Validation.TooLong";
        if (input.ClipId is { } clipId
            && await ClipAccess.CheckAsync(db, await ClipViewer.ForPersonAsync(db, viewer.PersonId, cancellationToken), clipId, cancellationToken) != ClipAccess.Verdict.Allowed)
            errors["clip"] = "Benchmark.Validation.Clip";
        if (errors.Count > 0) return Outcome.Refused(BenchmarkStatus.Invalid, errors);

        // A double tap, or a retry after a lost answer, sends the same form again: it finds the story it published.
        if (await PublishedWithAsync(db, input.SubmissionKey, cancellationToken) is { } published) return Outcome.Of(BenchmarkStatus.Done, published);
        var story = new SmileStory
        {
            SiteId = input.SiteId!.Value, PersonId = input.PersonId!, Title = input.Title, Body = input.Body, ClipId = input.ClipId,
            AuthorId = viewer.PersonId, PublishedAtUtc = clock.GetUtcNow().UtcDateTime, SubmissionKey = input.SubmissionKey,
        };
        db.SmileStories.Add(story);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Of(BenchmarkStatus.Done, await PublishedWithAsync(db, input.SubmissionKey, cancellationToken) ?? throw new InvalidOperationException("The story was not stored."));
        }
        return Outcome.Of(BenchmarkStatus.Done, story.Id);
    }

    private static Task<int?> PublishedWithAsync(LmsDbContext db, Guid submissionKey, CancellationToken cancellationToken) =>
        db.SmileStories.Where(s => s.SubmissionKey == submissionKey).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Hides a story from staff; it stays stored, and trainers still see it marked as withdrawn.</summary>
    public async Task<Outcome<BenchmarkStatus>> WithdrawAsync(BenchmarkViewer viewer, int id, CancellationToken cancellationToken = default)
    {
        if (!viewer.MayCurate) return Outcome.Of(BenchmarkStatus.Forbidden);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.SmileStories.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsWithdrawn, true), cancellationToken);
        return changed == 0 ? Outcome.Of(BenchmarkStatus.NotFound) : Outcome.Of(BenchmarkStatus.Done, id);
    }
}
