
namespace TrainingLms.Web.Features.Content;

/// <summary>The last sync report of a folder section, kept for the administrator's content page.</summary>
public class FolderSyncState
{
    public ContentSectionReport? Last { get; set; }
}

/// <summary>What a folder section knows of an item already stored: its slug and the file it was last read from.</summary>
public sealed record KnownContent(string Slug, string? SourceHash, string? SourceFile);

/// <summary>One Markdown file of a folder section (with its optional English body) and what it was read into.</summary>
public sealed record FolderFile<TParsed>(string Name, string Hash, string? Slug, bool Unchanged, TParsed? Parsed) where TParsed : class;

public sealed record FolderPublished(SyncOutcome Outcome, int? Version);

/// <summary>
/// A folder of one-file items under content/ (drill rubrics, evaluation forms) published the way courses are: a file
/// whose hash is unchanged is skipped; a file with any problem is reported by line and its item keeps its last good
/// revision; a slug used twice fails both files; items whose file is gone are deactivated. Subclasses say how a file
/// is parsed and how an item is found, kept and published.
/// </summary>
public abstract class FolderContentSection<TParsed>(
    IDbContextFactory<LmsDbContext> dbFactory,
    IOptions<ContentOptions> options,
    IWebHostEnvironment environment,
    FolderSyncState state,
    TimeProvider clock,
    ILogger logger) : IContentSection where TParsed : class
{
    private const string EnglishSuffix = ".en.md";
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public abstract string TitleKey { get; }

    public string SourceKey => "Content.File";

    public ContentSectionReport? Last => state.Last;

    protected TimeProvider Clock => clock;

    /// <summary>The folder under content/.</summary>
    protected abstract string FolderName { get; }

    /// <summary>The problem code for an English file whose Chinese file is missing.</summary>
    protected abstract string EnglishOrphanCode { get; }

    protected abstract TParsed? Parse(string text, ProblemLog log, string? english, ProblemLog? englishLog);

    protected abstract string SlugOf(TParsed parsed);

    protected abstract Task<List<KnownContent>> KnownAsync(LmsDbContext db, CancellationToken cancellationToken);

    /// <summary>An unchanged file: its item stays live under the file's current name.</summary>
    protected abstract Task KeepAsync(LmsDbContext db, string slug, string fileName, CancellationToken cancellationToken);

    protected abstract Task<FolderPublished> PublishAsync(LmsDbContext db, FolderFile<TParsed> file, TParsed parsed, List<ContentProblem> problems, CancellationToken cancellationToken);

    protected abstract Task DeactivateAllButAsync(LmsDbContext db, List<string> present, CancellationToken cancellationToken);

    public async Task SyncAsync(CancellationToken cancellationToken = default)
    {
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            var problems = new List<ContentProblem>();
            var rows = await RunAsync(problems, cancellationToken);
            foreach (var problem in problems) logger.LogWarning("Content problem in {Folder}: {Problem}", FolderName, problem.ToString());
            state.Last = new ContentSectionReport(clock.GetUtcNow().UtcDateTime, rows, problems);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    protected string DisplayName(string fileName) => $"{FolderName}/{fileName}";

    /// <summary>
    /// What publishing a parsed file does to its item's current revision: added, a new version, a patch at the same
    /// version, nothing — or a failure when the file lowered the version.
    /// </summary>
    protected SyncOutcome OutcomeFor(string fileName, int version, string revisionHash, int? currentVersion, string? currentHash, List<ContentProblem> problems)
    {
        if (currentVersion is null) return SyncOutcome.Added;
        if (version < currentVersion)
        {
            problems.Add(new ContentProblem(DisplayName(fileName), 0, "VersionLowered", version.ToString(), currentVersion.Value.ToString()));
            return SyncOutcome.Failed;
        }
        return version > currentVersion ? SyncOutcome.NewVersion : currentHash == revisionHash ? SyncOutcome.Unchanged : SyncOutcome.Patched;
    }

    private async Task<List<ContentSectionRow>> RunAsync(List<ContentProblem> problems, CancellationToken cancellationToken)
    {
        var contentPath = options.Value.ResolvePath(environment.ContentRootPath);
        var folder = Path.Combine(contentPath, FolderName);
        if (!Directory.Exists(folder))
        {
            problems.Add(new ContentProblem(FolderName, 0, "FolderMissing", folder));
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var known = await KnownAsync(db, cancellationToken);
        var names = Directory.EnumerateFiles(folder, "*.md").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        foreach (var orphan in names.Where(n => n.EndsWith(EnglishSuffix, StringComparison.Ordinal) && !names.Contains(ChineseFor(n))))
            problems.Add(new ContentProblem(DisplayName(orphan), 0, EnglishOrphanCode, ChineseFor(orphan)));
        var files = names.Where(n => !n.EndsWith(EnglishSuffix, StringComparison.Ordinal))
            .Select(name => Read(folder, name, known, problems)).ToList();

        var duplicates = files.Where(f => f.Slug is not null).GroupBy(f => f.Slug).Where(g => g.Count() > 1).SelectMany(g => g).ToList();
        foreach (var duplicate in duplicates)
            problems.Add(new ContentProblem(DisplayName(duplicate.Name), 0, "DuplicateSlug", duplicate.Slug!,
                string.Join(", ", duplicates.Where(d => d.Slug == duplicate.Slug && d != duplicate).Select(d => d.Name))));

        var rows = new List<ContentSectionRow>();
        foreach (var file in files)
        {
            var outcome = duplicates.Contains(file) || (file.Parsed is null && !file.Unchanged) ? new FolderPublished(SyncOutcome.Failed, null)
                : file.Unchanged ? await KeepUnchangedAsync(db, file, cancellationToken)
                : await PublishAsync(db, file, file.Parsed!, problems, cancellationToken);
            rows.Add(new ContentSectionRow(file.Name, file.Slug, outcome.Outcome, outcome.Version));
        }

        await DeactivateAllButAsync(db, files.Select(f => f.Slug).OfType<string>().ToList(), cancellationToken);
        return rows;
    }

    private async Task<FolderPublished> KeepUnchangedAsync(LmsDbContext db, FolderFile<TParsed> file, CancellationToken cancellationToken)
    {
        await KeepAsync(db, file.Slug!, file.Name, cancellationToken);
        return new FolderPublished(SyncOutcome.Unchanged, null);
    }

    private FolderFile<TParsed> Read(string folder, string name, List<KnownContent> known, List<ContentProblem> problems)
    {
        var display = DisplayName(name);
        var englishName = Path.GetFileNameWithoutExtension(name) + EnglishSuffix;
        try
        {
            var text = File.ReadAllText(Path.Combine(folder, name));
            var englishPath = Path.Combine(folder, englishName);
            var english = File.Exists(englishPath) ? File.ReadAllText(englishPath) : null;
            var hash = ContentHash.Of(string.Join('\0', name, text, english ?? ""));
            var unchanged = known.FirstOrDefault(k => k.SourceHash == hash);
            var parsed = unchanged is null
                ? Parse(text, new ProblemLog(display, problems), english, english is null ? null : new ProblemLog(DisplayName(englishName), problems))
                : null;
            // A file that no longer parses still holds its item: keep the slug it was published under (last good revision stays live).
            var slug = unchanged?.Slug ?? (parsed is null ? null : SlugOf(parsed)) ?? known.FirstOrDefault(k => k.SourceFile == name)?.Slug;
            return new FolderFile<TParsed>(name, hash, slug, unchanged is not null, parsed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or FormatException)
        {
            logger.LogError(e, "Could not read content file {File}", display);
            problems.Add(new ContentProblem(display, 0, "FolderUnreadable", e.Message));
            return new FolderFile<TParsed>(name, "", known.FirstOrDefault(k => k.SourceFile == name)?.Slug, false, null);
        }
    }

    private static string ChineseFor(string englishName) => englishName[..^EnglishSuffix.Length] + ".md";
}
