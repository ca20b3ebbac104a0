using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingLms.Data;
using TrainingLms.Domain.Drills;
using TrainingLms.Web.Features.Courses;
using TrainingLms.Web.Features.Courses.Content;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Features.Drills.Content;

/// <summary>The last drill sync's report, for the administrator's content page.</summary>
public sealed class DrillSyncState : FolderSyncState;

/// <summary>
/// Publishes content/drills into the database, the way courses are published (see <see cref="FolderContentSection{TParsed}"/>):
/// a new revision is stored when the rubric changed (a patch at the same version, a new version when it was raised).
/// Results already signed keep pointing at the revision they were scored against.
/// </summary>
public sealed class DrillSync(
    IDbContextFactory<LmsDbContext> dbFactory,
    IOptions<ContentOptions> options,
    IWebHostEnvironment environment,
    DrillSyncState state,
    TimeProvider clock,
    ILogger<DrillSync> logger) : FolderContentSection<ParsedDrill>(dbFactory, options, environment, state, clock, logger)
{
    public const string Folder = "drills";

    public override string TitleKey => "Content.Drills";

    protected override string FolderName => Folder;

    protected override string EnglishOrphanCode => "EnglishWithoutDrill";

    protected override ParsedDrill? Parse(string text, ProblemLog log, string? english, ProblemLog? englishLog) =>
        DrillFileParser.Parse(text, log, english, englishLog);

    protected override string SlugOf(ParsedDrill parsed) => parsed.Slug;

    protected override Task<List<KnownContent>> KnownAsync(LmsDbContext db, CancellationToken cancellationToken) =>
        db.Drills.AsNoTracking().Select(d => new KnownContent(d.Slug, d.SourceHash, d.SourceFile)).ToListAsync(cancellationToken);

    // The same file may come back under its old name or a new one: the drill stays live and found.
    protected override Task KeepAsync(LmsDbContext db, string slug, string fileName, CancellationToken cancellationToken) =>
        db.Drills.Where(d => d.Slug == slug && (!d.IsActive || d.SourceFile != fileName))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.IsActive, true).SetProperty(d => d.SourceFile, fileName), cancellationToken);

    protected override Task DeactivateAllButAsync(LmsDbContext db, List<string> present, CancellationToken cancellationToken) =>
        db.Drills.Where(d => d.IsActive && !present.Contains(d.Slug)).ExecuteUpdateAsync(s => s.SetProperty(d => d.IsActive, false), cancellationToken);

    protected override async Task<FolderPublished> PublishAsync(LmsDbContext db, FolderFile<ParsedDrill> file, ParsedDrill parsed, List<ContentProblem> problems, CancellationToken cancellationToken)
    {
        var drill = await db.Drills.SingleOrDefaultAsync(d => d.Slug == parsed.Slug, cancellationToken)
            ?? db.Drills.Add(new Drill { Slug = parsed.Slug }).Entity;
        var current = drill.Id == 0 ? null : await DrillCatalog.CurrentRevisions(db).Where(r => r.DrillId == drill.Id)
            .Select(r => new { r.Version, r.Number, r.ContentHash }).SingleOrDefaultAsync(cancellationToken);
        var outcome = OutcomeFor(file.Name, parsed.Revision.Version, parsed.RevisionHash, current?.Version, current?.ContentHash, problems);
        if (outcome == SyncOutcome.Failed) return new FolderPublished(outcome, current!.Version);

        drill.SourceHash = file.Hash;
        drill.SourceFile = file.Name;
        drill.IsActive = true;
        if (outcome != SyncOutcome.Unchanged)
        {
            parsed.Revision.Number = (current?.Number ?? 0) + 1;
            parsed.Revision.ContentHash = parsed.RevisionHash;
            parsed.Revision.CreatedAtUtc = Clock.GetUtcNow().UtcDateTime;
            drill.Revisions.Add(parsed.Revision);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new FolderPublished(outcome, parsed.Revision.Version);
    }
}
