using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingLms.Data;
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
    ILogger<EvaluationFormSync> logger) : FolderContentSection<ParsedEvaluationForm>(dbFactory, options, environment, state, clock, logger)
{
    public const string Folder = "evaluations";

    public override string TitleKey => "Evaluations.Content.Title";

    protected override string FolderName => Folder;

    protected override string EnglishOrphanCode => "EnglishWithoutEvaluationForm";

    // The English file is an author's note like the Chinese body: it is hashed (a change is a change) but not published.
    protected override ParsedEvaluationForm? Parse(string text, ProblemLog log, string? english, ProblemLog? englishLog) =>
        EvaluationFormParser.Parse(text, log);

    protected override string SlugOf(ParsedEvaluationForm parsed) => parsed.Slug;

    protected override Task<List<KnownContent>> KnownAsync(LmsDbContext db, CancellationToken cancellationToken) =>
        db.EvaluationForms.AsNoTracking().Select(f => new KnownContent(f.Slug, f.SourceHash, f.SourceFile)).ToListAsync(cancellationToken);

    protected override Task KeepAsync(LmsDbContext db, string slug, string fileName, CancellationToken cancellationToken) =>
        db.EvaluationForms.Where(f => f.Slug == slug && (!f.IsActive || f.SourceFile != fileName))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.IsActive, true).SetProperty(f => f.SourceFile, fileName), cancellationToken);

    protected override Task DeactivateAllButAsync(LmsDbContext db, List<string> present, CancellationToken cancellationToken) =>
        db.EvaluationForms.Where(f => f.IsActive && !present.Contains(f.Slug)).ExecuteUpdateAsync(s => s.SetProperty(f => f.IsActive, false), cancellationToken);

    protected override async Task<FolderPublished> PublishAsync(LmsDbContext db, FolderFile<ParsedEvaluationForm> file, ParsedEvaluationForm parsed, List<ContentProblem> problems, CancellationToken cancellationToken)
    {
        var form = await db.EvaluationForms.SingleOrDefaultAsync(f => f.Slug == parsed.Slug, cancellationToken)
            ?? db.EvaluationForms.Add(new EvaluationForm { Slug = parsed.Slug }).Entity;
        var current = form.Id == 0 ? null : await db.EvaluationFormRevisions.Where(r => r.FormId == form.Id).OrderByDescending(r => r.Number)
            .Select(r => new { r.Version, r.Number, r.ContentHash }).FirstOrDefaultAsync(cancellationToken);
        var outcome = OutcomeFor(file.Name, parsed.Revision.Version, parsed.RevisionHash, current?.Version, current?.ContentHash, problems);
        if (outcome == SyncOutcome.Failed) return new FolderPublished(outcome, current!.Version);

        form.SourceHash = file.Hash;
        form.SourceFile = file.Name;
        form.IsActive = true;
        if (outcome != SyncOutcome.Unchanged)
        {
            parsed.Revision.Number = (current?.Number ?? 0) + 1;
            parsed.Revision.ContentHash = parsed.RevisionHash;
            parsed.Revision.CreatedAtUtc = Clock.GetUtcNow().UtcDateTime;
            form.Revisions.Add(parsed.Revision);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new FolderPublished(outcome, parsed.Revision.Version);
    }
}
