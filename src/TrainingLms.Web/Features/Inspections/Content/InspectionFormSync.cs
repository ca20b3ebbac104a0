using TrainingLms.Domain.Inspections;
using TrainingLms.Web.Features.Content;
using TrainingLms.Web.Features.Courses.Content;

namespace TrainingLms.Web.Features.Inspections.Content;

/// <summary>The last inspection form sync's report, for the administrator's content page.</summary>
public sealed class InspectionFormSyncState : FolderSyncState;

/// <summary>
/// Publishes content/inspections the way every revisioned section is published; inspections keep pointing at the
/// revision they were filled against.
/// </summary>
public sealed class InspectionFormSync(
    IDbContextFactory<LmsDbContext> dbFactory,
    IOptions<ContentOptions> options,
    IWebHostEnvironment environment,
    InspectionFormSyncState state,
    TimeProvider clock,
    ILogger<InspectionFormSync> logger)
    : RevisionedFolderSection<ParsedInspectionForm, InspectionForm, InspectionFormRevision>(dbFactory, options, environment, state, clock, logger)
{
    public const string Folder = "inspections";

    public override string TitleKey => "Inspections.Content.Title";

    protected override string FolderName => Folder;

    protected override string EnglishOrphanCode => "EnglishWithoutInspectionForm";

    protected override ParsedInspectionForm? Parse(string text, ProblemLog log, string? english, ProblemLog? englishLog) =>
        InspectionFormParser.Parse(text, log, english, englishLog);

    protected override DbSet<InspectionForm> Items(LmsDbContext db) => db.InspectionForms;

    protected override InspectionForm NewItem(string slug) => new() { Slug = slug };

    protected override Task<InspectionFormRevision?> CurrentRevisionAsync(LmsDbContext db, int itemId, CancellationToken cancellationToken) =>
        db.InspectionFormRevisions.Where(r => r.FormId == itemId).OrderByDescending(r => r.Number).FirstOrDefaultAsync(cancellationToken);

    protected override void AddRevision(InspectionForm item, InspectionFormRevision revision) => item.Revisions.Add(revision);
}
