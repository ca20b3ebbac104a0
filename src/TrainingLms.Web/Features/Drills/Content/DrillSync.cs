using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingLms.Data;
using TrainingLms.Domain.Drills;
using TrainingLms.Web.Features.Courses;
using TrainingLms.Web.Features.Courses.Content;

namespace TrainingLms.Web.Features.Drills.Content;

/// <summary>The last drill sync's report, for the administrator's content page.</summary>
public sealed class DrillSyncState
{
    public ContentSectionReport? Last { get; set; }
}

/// <summary>
/// Publishes content/drills into the database, the way courses are published: a file whose hash is unchanged is
/// skipped; a file with any problem is reported by line and its drill keeps its last good revision; otherwise a new
/// revision is stored when the rubric changed (a patch at the same version, a new version when it was raised).
/// Results already signed keep pointing at the revision they were scored against.
/// </summary>
public sealed class DrillSync(
    IDbContextFactory<LmsDbContext> dbFactory,
    IOptions<ContentOptions> options,
    IWebHostEnvironment environment,
    DrillSyncState state,
    TimeProvider clock,
    ILogger<DrillSync> logger) : IContentSection
{
    public const string Folder = "drills";
    private const string EnglishSuffix = ".en.md";
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public string TitleKey => "Content.Drills";

    public string SourceKey => "Content.File";

    public ContentSectionReport? Last => state.Last;

    private sealed record DrillFile(string Name, string Hash, string? Slug, bool Unchanged, ParsedDrill? Parsed);

    private sealed record Known(string Slug, string? SourceHash, string? SourceFile);

    public async Task SyncAsync(CancellationToken cancellationToken = default)
    {
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            var problems = new List<ContentProblem>();
            var rows = await RunAsync(problems, cancellationToken);
            foreach (var problem in problems) logger.LogWarning("Drill content problem {Problem}", problem.ToString());
            state.Last = new ContentSectionReport(clock.GetUtcNow().UtcDateTime, rows, problems);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private async Task<List<ContentSectionRow>> RunAsync(List<ContentProblem> problems, CancellationToken cancellationToken)
    {
        var contentPath = options.Value.ResolvePath(environment.ContentRootPath);
        var folder = Path.Combine(contentPath, Folder);
        if (!Directory.Exists(folder))
        {
            problems.Add(new ContentProblem(Folder, 0, "FolderMissing", folder));
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var known = await db.Drills.AsNoTracking().Select(d => new Known(d.Slug, d.SourceHash, d.SourceFile)).ToListAsync(cancellationToken);
        var names = Directory.EnumerateFiles(folder, "*.md").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        foreach (var orphan in names.Where(n => n.EndsWith(EnglishSuffix, StringComparison.Ordinal) && !names.Contains(ChineseFor(n))))
            problems.Add(new ContentProblem($"{Folder}/{orphan}", 0, "EnglishWithoutDrill", ChineseFor(orphan)));
        var files = names.Where(n => !n.EndsWith(EnglishSuffix, StringComparison.Ordinal))
            .Select(name => Read(folder, name, known, problems)).ToList();

        var duplicates = files.Where(f => f.Slug is not null).GroupBy(f => f.Slug).Where(g => g.Count() > 1).SelectMany(g => g).ToList();
        foreach (var duplicate in duplicates)
            problems.Add(new ContentProblem($"{Folder}/{duplicate.Name}", 0, "DuplicateSlug", duplicate.Slug!,
                string.Join(", ", duplicates.Where(d => d.Slug == duplicate.Slug && d != duplicate).Select(d => d.Name))));

        var rows = new List<ContentSectionRow>();
        foreach (var file in files)
        {
            var outcome = duplicates.Contains(file) || (file.Parsed is null && !file.Unchanged) ? new Published(SyncOutcome.Failed, null)
                : file.Unchanged ? await KeepAsync(db, file, cancellationToken)
                : await PublishAsync(db, file, file.Parsed!, problems, cancellationToken);
            rows.Add(new ContentSectionRow(file.Name, file.Slug, outcome.Outcome, outcome.Version));
        }

        var present = files.Select(f => f.Slug).OfType<string>().ToList();
        await db.Drills.Where(d => d.IsActive && !present.Contains(d.Slug)).ExecuteUpdateAsync(s => s.SetProperty(d => d.IsActive, false), cancellationToken);
        return rows;
    }

    private DrillFile Read(string folder, string name, List<Known> known, List<ContentProblem> problems)
    {
        var display = $"{Folder}/{name}";
        var englishName = Path.GetFileNameWithoutExtension(name) + EnglishSuffix;
        try
        {
            var text = File.ReadAllText(Path.Combine(folder, name));
            var englishPath = Path.Combine(folder, englishName);
            var english = File.Exists(englishPath) ? File.ReadAllText(englishPath) : null;
            var hash = ContentHash.Of(string.Join('\0', name, text, english ?? ""));
            var unchanged = known.FirstOrDefault(k => k.SourceHash == hash);
            var parsed = unchanged is null
                ? DrillFileParser.Parse(text, new ProblemLog(display, problems), english, english is null ? null : new ProblemLog($"{Folder}/{englishName}", problems))
                : null;
            // A file that no longer parses still holds its drill: keep the slug it was published under (last good revision stays live).
            var slug = unchanged?.Slug ?? parsed?.Slug ?? known.FirstOrDefault(k => k.SourceFile == name)?.Slug;
            return new DrillFile(name, hash, slug, unchanged is not null, parsed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or FormatException)
        {
            logger.LogError(e, "Could not read drill file {File}", display);
            problems.Add(new ContentProblem(display, 0, "FolderUnreadable", e.Message));
            return new DrillFile(name, "", known.FirstOrDefault(k => k.SourceFile == name)?.Slug, false, null);
        }
    }

    private sealed record Published(SyncOutcome Outcome, int? Version);

    private static async Task<Published> KeepAsync(LmsDbContext db, DrillFile file, CancellationToken cancellationToken)
    {
        // The same file may come back under its old name or a new one: the drill stays live and found.
        await db.Drills.Where(d => d.Slug == file.Slug && (!d.IsActive || d.SourceFile != file.Name))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.IsActive, true).SetProperty(d => d.SourceFile, file.Name), cancellationToken);
        return new Published(SyncOutcome.Unchanged, null);
    }

    private async Task<Published> PublishAsync(LmsDbContext db, DrillFile file, ParsedDrill parsed, List<ContentProblem> problems, CancellationToken cancellationToken)
    {
        var drill = await db.Drills.SingleOrDefaultAsync(d => d.Slug == parsed.Slug, cancellationToken)
            ?? db.Drills.Add(new Drill { Slug = parsed.Slug }).Entity;
        var current = drill.Id == 0 ? null : await DrillCatalog.CurrentRevisions(db).Where(r => r.DrillId == drill.Id)
            .Select(r => new { r.Version, r.Number, r.ContentHash }).SingleOrDefaultAsync(cancellationToken);
        if (current is not null && parsed.Revision.Version < current.Version)
        {
            problems.Add(new ContentProblem($"{Folder}/{file.Name}", 0, "VersionLowered", parsed.Revision.Version.ToString(), current.Version.ToString()));
            return new Published(SyncOutcome.Failed, current.Version);
        }
        var outcome = current is null ? SyncOutcome.Added
            : parsed.Revision.Version > current.Version ? SyncOutcome.NewVersion
            : current.ContentHash == parsed.RevisionHash ? SyncOutcome.Unchanged
            : SyncOutcome.Patched;

        drill.SourceHash = file.Hash;
        drill.SourceFile = file.Name;
        drill.IsActive = true;
        if (outcome != SyncOutcome.Unchanged)
        {
            parsed.Revision.Number = (current?.Number ?? 0) + 1;
            parsed.Revision.ContentHash = parsed.RevisionHash;
            parsed.Revision.CreatedAtUtc = clock.GetUtcNow().UtcDateTime;
            drill.Revisions.Add(parsed.Revision);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new Published(outcome, parsed.Revision.Version);
    }

    private static string ChineseFor(string englishName) => englishName[..^EnglishSuffix.Length] + ".md";
}
