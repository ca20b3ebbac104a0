namespace TrainingLms.Web.Features.Content;

/// <summary>A file read into an unsaved revision of the item its slug names, with a hash of what the revision says.</summary>
public interface IParsedItem<out TRevision>
{
    string Slug { get; }
    TRevision Revision { get; }
    string RevisionHash { get; }
}

/// <summary>
/// A folder section whose items keep their revisions (drill rubrics, evaluation forms). Finding, keeping, retiring and
/// publishing are the same for every kind: a new revision is stored when what the file says changed — a patch at the
/// same version, a new version when it was raised, refused when it was lowered. A kind says only how a file is parsed
/// and where its rows live.
/// </summary>
public abstract class RevisionedFolderSection<TParsed, TItem, TRevision>(
    IDbContextFactory<LmsDbContext> dbFactory,
    IOptions<ContentOptions> options,
    IWebHostEnvironment environment,
    FolderSyncState state,
    TimeProvider clock,
    ILogger logger) : FolderContentSection<TParsed>(dbFactory, options, environment, state, clock, logger)
    where TParsed : class, IParsedItem<TRevision>
    where TItem : class, IContentItem
    where TRevision : class, IContentRevision
{
    protected abstract DbSet<TItem> Items(LmsDbContext db);

    protected abstract TItem NewItem(string slug);

    /// <summary>The revision learners and trainers see now: the item's highest number.</summary>
    protected abstract Task<TRevision?> CurrentRevisionAsync(LmsDbContext db, int itemId, CancellationToken cancellationToken);

    protected abstract void AddRevision(TItem item, TRevision revision);

    protected override string SlugOf(TParsed parsed) => parsed.Slug;

    protected override Task<List<KnownContent>> KnownAsync(LmsDbContext db, CancellationToken cancellationToken) =>
        Items(db).AsNoTracking().Select(i => new KnownContent(i.Slug, i.SourceHash, i.SourceFile)).ToListAsync(cancellationToken);

    // The same file may come back under its old name or a new one: the item stays live and found.
    protected override async Task KeepAsync(LmsDbContext db, string slug, string fileName, CancellationToken cancellationToken)
    {
        foreach (var item in await Items(db).Where(i => i.Slug == slug && (!i.IsActive || i.SourceFile != fileName)).ToListAsync(cancellationToken))
        {
            item.IsActive = true;
            item.SourceFile = fileName;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    protected override async Task DeactivateAllButAsync(LmsDbContext db, List<string> present, CancellationToken cancellationToken)
    {
        foreach (var item in await Items(db).Where(i => i.IsActive && !present.Contains(i.Slug)).ToListAsync(cancellationToken)) item.IsActive = false;
        await db.SaveChangesAsync(cancellationToken);
    }

    protected override async Task<FolderPublished> PublishAsync(LmsDbContext db, FolderFile<TParsed> file, TParsed parsed, List<ContentProblem> problems, CancellationToken cancellationToken)
    {
        var item = await Items(db).SingleOrDefaultAsync(i => i.Slug == parsed.Slug, cancellationToken) ?? Items(db).Add(NewItem(parsed.Slug)).Entity;
        var current = item.Id == 0 ? null : await CurrentRevisionAsync(db, item.Id, cancellationToken);
        var outcome = OutcomeFor(file.Name, parsed.Revision.Version, parsed.RevisionHash, current?.Version, current?.ContentHash, problems);
        if (outcome == SyncOutcome.Failed) return new FolderPublished(outcome, current!.Version);

        item.SourceHash = file.Hash;
        item.SourceFile = file.Name;
        item.IsActive = true;
        if (outcome != SyncOutcome.Unchanged)
        {
            parsed.Revision.Number = (current?.Number ?? 0) + 1;
            parsed.Revision.ContentHash = parsed.RevisionHash;
            parsed.Revision.CreatedAtUtc = Clock.GetUtcNow().UtcDateTime;
            AddRevision(item, parsed.Revision);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new FolderPublished(outcome, parsed.Revision.Version);
    }
}
