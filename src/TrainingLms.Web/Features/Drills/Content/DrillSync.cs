using TrainingLms.Domain.Drills;
using TrainingLms.Web.Features.Courses;
using TrainingLms.Web.Features.Courses.Content;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Features.Drills.Content;

/// <summary>The last drill sync's report, for the administrator's content page.</summary>
public sealed class DrillSyncState : FolderSyncState;

/// <summary>
/// Publishes content/drills into the database, the way every revisioned section is published (see
/// <see cref="RevisionedFolderSection{TParsed, TItem, TRevision}"/>). Results already signed keep pointing at the
/// revision they were scored against.
/// </summary>
public sealed class DrillSync(
    IDbContextFactory<LmsDbContext> dbFactory,
    IOptions<ContentOptions> options,
    IWebHostEnvironment environment,
    DrillSyncState state,
    TimeProvider clock,
    ILogger<DrillSync> logger) : RevisionedFolderSection<ParsedDrill, Drill, DrillRevision>(dbFactory, options, environment, state, clock, logger)
{
    public const string Folder = "drills";

    public override string TitleKey => "Content.Drills";

    protected override string FolderName => Folder;

    protected override string EnglishOrphanCode => "EnglishWithoutDrill";

    protected override ParsedDrill? Parse(string text, ProblemLog log, string? english, ProblemLog? englishLog) =>
        DrillFileParser.Parse(text, log, english, englishLog);

    protected override DbSet<Drill> Items(LmsDbContext db) => db.Drills;

    protected override Drill NewItem(string slug) => new() { Slug = slug };

    protected override Task<DrillRevision?> CurrentRevisionAsync(LmsDbContext db, int itemId, CancellationToken cancellationToken) =>
        DrillCatalog.CurrentRevisions(db).Where(r => r.DrillId == itemId).SingleOrDefaultAsync(cancellationToken);

    protected override void AddRevision(Drill item, DrillRevision revision) => item.Revisions.Add(revision);
}
