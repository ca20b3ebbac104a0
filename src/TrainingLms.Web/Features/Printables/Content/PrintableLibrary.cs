using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Features.Printables.Content;

/// <summary>What content/printables/ holds now: the printables by slug, and the problems and rows of the last read.</summary>
public sealed record PrintableSet(string FolderHash, IReadOnlyDictionary<string, PrintableDefinition> Items, IReadOnlyList<ContentProblem> Problems, IReadOnlyList<ContentSectionRow> Rows)
{
    public PrintableDefinition? Card => Items.GetValueOrDefault(PrintableDefinition.CardSlug);

    public PrintableDefinition? Chart(LineOfWork line) => Items.GetValueOrDefault(PrintableDefinition.ChartSlug(line));

    public IEnumerable<PrintableDefinition> Charts =>
        Enum.GetValues<LineOfWork>().Select(Chart).OfType<PrintableDefinition>();
}

/// <summary>
/// Reads content/printables/ whenever its files change, so an edit shows in the next download on every instance without
/// a reload. A request only looks at the files' names, sizes and times (the pages that link the printables are the
/// learners' own); the contents are hashed and read again only when those differ. A file with a problem is reported
/// and its printable keeps the last good definition this instance read (none on an instance that never read it well).
/// </summary>
public sealed class PrintableLibrary(IOptions<ContentOptions> options, IWebHostEnvironment environment, ILogger<PrintableLibrary> logger)
{
    public const string Folder = "printables";

    private const string UnreadableMark = "unreadable:";

    private readonly Lock gate = new();
    private readonly Dictionary<string, PrintableDefinition> lastGood = [];
    private volatile Snapshot? current;

    /// <summary>What was read, and the folder's listing (names, sizes, write times) when it was.</summary>
    private sealed record Snapshot(string Listing, PrintableSet Set);

    public string FolderPath => Path.Combine(options.Value.ResolvePath(environment.ContentRootPath), Folder);

    public PrintableSet Current()
    {
        var listing = FolderListing();
        var known = current;
        if (known is not null && known.Listing == listing) return known.Set;
        lock (gate)
        {
            if (current is not null && current.Listing == listing) return current.Set;
            var hash = FolderHash();
            var set = current is not null && current.Set.FolderHash == hash ? current.Set : Read(hash, current?.Set);
            // A file that could not be read (mode, a half-done replace) may become readable with no change to the listing:
            // such a read is not kept against the listing, so the next request reads again.
            var readWell = !hash.StartsWith(UnreadableMark, StringComparison.Ordinal) && set.Problems.All(p => p.Code != "FolderUnreadable");
            current = new Snapshot(readWell ? listing : UnreadableMark + Guid.NewGuid().ToString("N"), set);
            return set;
        }
    }

    private string FolderListing()
    {
        try
        {
            var folder = new DirectoryInfo(FolderPath);
            if (!folder.Exists) return "";
            return string.Join('\n', folder.EnumerateFiles("*", SearchOption.AllDirectories)
                .Select(file => $"{Path.GetRelativePath(folder.FullName, file.FullName)}\0{file.Length}\0{file.LastWriteTimeUtc.Ticks}").Order(StringComparer.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return UnreadableMark + Guid.NewGuid().ToString("N"); // read it all again
        }
    }

    private string FolderHash()
    {
        try
        {
            return Directory.Exists(FolderPath) ? ContentHash.OfFolder(FolderPath) : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file being replaced as we read: the next request reads it again.
            logger.LogWarning(e, "Could not hash {Folder}", FolderPath);
            return UnreadableMark + Guid.NewGuid().ToString("N");
        }
    }

    private PrintableSet Read(string hash, PrintableSet? previous)
    {
        var problems = new List<ContentProblem>();
        var rows = new List<ContentSectionRow>();
        var read = new List<PrintableDefinition>();
        if (!Directory.Exists(FolderPath)) problems.Add(new ContentProblem(Folder, 0, "FolderMissing", FolderPath));
        else
        {
            foreach (var path in Directory.EnumerateFiles(FolderPath, "*.md").Order(StringComparer.Ordinal))
            {
                var display = $"{Folder}/{Path.GetFileName(path)}";
                try
                {
                    if (PrintableParser.Parse(display, File.ReadAllText(path), new ProblemLog(display, problems)) is { } definition) read.Add(definition);
                    else rows.Add(new ContentSectionRow(display, null, SyncOutcome.Failed, null));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problems.Add(new ContentProblem(display, 0, "FolderUnreadable", e.Message));
                    rows.Add(new ContentSectionRow(display, null, SyncOutcome.Failed, null));
                }
            }
        }

        var duplicates = read.GroupBy(d => d.Slug).Where(g => g.Count() > 1).SelectMany(g => g).ToList();
        foreach (var duplicate in duplicates)
        {
            problems.Add(new ContentProblem(duplicate.File, 0, "DuplicateSlug", duplicate.Slug,
                string.Join(", ", duplicates.Where(d => d.Slug == duplicate.Slug && d != duplicate).Select(d => d.File))));
            rows.Add(new ContentSectionRow(duplicate.File, duplicate.Slug, SyncOutcome.Failed, null));
        }
        foreach (var definition in read.Except(duplicates))
        {
            var before = previous?.Items.GetValueOrDefault(definition.Slug);
            var outcome = before is null ? SyncOutcome.Added
                : before.Hash == definition.Hash ? SyncOutcome.Unchanged
                : before.Version < definition.Version ? SyncOutcome.NewVersion : SyncOutcome.Patched;
            rows.Add(new ContentSectionRow(definition.File, definition.Slug, outcome, definition.Version));
            lastGood[definition.Slug] = definition;
        }
        // A printable whose file is gone is gone; one whose file has a problem stays as it last read well.
        var present = read.Select(d => d.Slug).ToHashSet();
        foreach (var gone in lastGood.Keys.Where(slug => !present.Contains(slug) && !rows.Any(r => r.Outcome == SyncOutcome.Failed && FileOf(slug) == r.Source)).ToList())
            lastGood.Remove(gone);
        foreach (var line in Enum.GetValues<LineOfWork>().Where(line => !lastGood.ContainsKey(PrintableDefinition.ChartSlug(line))))
            problems.Add(new ContentProblem(Folder, 0, "PrintableChartMissing", line.ToString()) { IsWarning = true });
        if (!lastGood.ContainsKey(PrintableDefinition.CardSlug))
            problems.Add(new ContentProblem(Folder, 0, "PrintableCardMissing") { IsWarning = true });

        return new PrintableSet(hash, new Dictionary<string, PrintableDefinition>(lastGood), problems, rows.OrderBy(r => r.Source, StringComparer.Ordinal).ToList());
    }

    private string? FileOf(string slug) => lastGood.GetValueOrDefault(slug)?.File;
}
