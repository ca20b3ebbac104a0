using TrainingLms.Domain.Evaluations;
using TrainingLms.Web.Features.Courses;
using TrainingLms.Web.Features.Courses.Content;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Features.Evaluations.Cycle.Content;

/// <summary>The last evaluation form sync's report, for the administrator's content page.</summary>
public sealed class EvaluationFormSyncState : FolderSyncState;

/// <summary>
/// Publishes content/evaluations the way drill rubrics are published. Periods already opened keep pointing at the
/// revision in force when they opened.
/// </summary>
public sealed class EvaluationFormSync(
    IDbContextFactory<LmsDbContext> dbFactory,
    IOptions<ContentOptions> options,
    IWebHostEnvironment environment,
    EvaluationFormSyncState state,
    TimeProvider clock,
    ILogger<EvaluationFormSync> logger)
    : RevisionedFolderSection<ParsedEvaluationForm, EvaluationForm, EvaluationFormRevision>(dbFactory, options, environment, state, clock, logger)
{
    public const string Folder = "evaluations";

    public override string TitleKey => "Evaluations.Content.Title";

    protected override string FolderName => Folder;

    protected override string EnglishOrphanCode => "EnglishWithoutEvaluationForm";

    // The English file is an author's note like the Chinese body: it is hashed (a change is a change) but not published.
    protected override ParsedEvaluationForm? Parse(string text, ProblemLog log, string? english, ProblemLog? englishLog) =>
        EvaluationFormParser.Parse(text, log);

    protected override DbSet<EvaluationForm> Items(LmsDbContext db) => db.EvaluationForms;

    protected override EvaluationForm NewItem(string slug) => new() { Slug = slug };

    protected override Task<EvaluationFormRevision?> CurrentRevisionAsync(LmsDbContext db, int itemId, CancellationToken cancellationToken) =>
        db.EvaluationFormRevisions.Where(r => r.FormId == itemId).OrderByDescending(r => r.Number).FirstOrDefaultAsync(cancellationToken);

    protected override void AddRevision(EvaluationForm item, EvaluationFormRevision revision) => item.Revisions.Add(revision);
}
