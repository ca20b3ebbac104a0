using TrainingLms.Domain.Courses;
using TrainingLms.Web.Features.Courses.Caching;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Features.Courses.Content;

public sealed record CourseSyncResult(string Folder, string? Slug, SyncOutcome Outcome, int? Version);

public sealed record SyncReport(DateTime FinishedAtUtc, IReadOnlyList<CourseSyncResult> Courses, IReadOnlyList<ContentProblem> Problems);

/// <summary>The last sync's report, for the administrator's content page.</summary>
public sealed class CourseSyncState
{
    public SyncReport? Last { get; set; }
}

/// <summary>
/// Publishes content/courses into the database. A folder whose hash is unchanged is skipped; a folder with any
/// problem is reported and its course keeps its last good revision; otherwise a new revision is stored when what
/// learners see changed — a patch when the version is the same, a new version when it was raised.
/// </summary>
public sealed class CourseSync(
    IDbContextFactory<LmsDbContext> dbFactory,
    IOptions<ContentOptions> options,
    IWebHostEnvironment environment,
    CourseSyncState state,
    CourseAssigner assigner,
    LearningChanges learningChanges,
    CacheChangeLog changeLog,
    TimeProvider clock,
    ILogger<CourseSync> logger)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public string ContentPath => options.Value.ResolvePath(environment.ContentRootPath);

    public async Task<SyncReport> SyncAsync(CancellationToken cancellationToken = default)
    {
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            var report = await RunAsync(cancellationToken);
            foreach (var problem in report.Problems) logger.LogWarning("Content problem {Problem}", problem.ToString());
            logger.LogInformation("Content sync: {Summary}", string.Join(", ", report.Courses.GroupBy(c => c.Outcome).Select(g => $"{g.Key} {g.Count()}")));
            state.Last = report;
            return report;
        }
        finally
        {
            // Courses are switched on and off with ExecuteUpdate, which the change interceptor does not see: each one
            // is counted as it commits (on PostgreSQL written to the change log with it), and once more here should a
            // sync stop between the two.
            learningChanges.CoursesChanged();
            OneAtATime.Release();
        }
    }

    private async Task<SyncReport> RunAsync(CancellationToken cancellationToken)
    {
        var problems = new List<ContentProblem>();
        var coursesFolder = Path.Combine(ContentPath, "courses");
        if (!Directory.Exists(coursesFolder))
        {
            problems.Add(new ContentProblem("courses", 0, "FolderMissing", coursesFolder));
            return new SyncReport(Now, [], problems);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var known = await db.Courses.AsNoTracking().Select(c => new { c.Slug, c.SourceHash, c.SourceFolder }).ToListAsync(cancellationToken);

        var folders = Directory.GetDirectories(coursesFolder).Order(StringComparer.Ordinal)
            .Select(folder =>
            {
                var name = Path.GetFileName(folder);
                var hash = ContentHash.OfFolder(folder);
                var unchanged = known.FirstOrDefault(k => k.SourceHash == hash);
                var parsed = unchanged is null ? ParseIsolated(folder, problems) : null;
                // A folder that no longer parses still holds its course: keep the slug it was published under, so
                // the course stays live at its last good revision instead of looking deleted.
                var slug = unchanged?.Slug ?? parsed?.Slug ?? known.FirstOrDefault(k => k.SourceFolder == name)?.Slug;
                return (Folder: name, Hash: hash, Slug: slug, Unchanged: unchanged is not null, Parsed: parsed);
            })
            .ToList();

        var duplicates = folders.Where(f => f.Slug is not null).GroupBy(f => f.Slug).Where(g => g.Count() > 1).SelectMany(g => g).ToList();
        foreach (var duplicate in duplicates)
        {
            var others = string.Join(", ", duplicates.Where(d => d.Slug == duplicate.Slug && d.Folder != duplicate.Folder).Select(d => d.Folder));
            problems.Add(new ContentProblem($"courses/{duplicate.Folder}/{CourseFolderParser.CourseFile}",
                CourseFolderParser.FieldLine(Path.Combine(coursesFolder, duplicate.Folder), "slug"), "DuplicateSlug", duplicate.Slug!, others));
        }

        var results = new List<CourseSyncResult>();
        foreach (var folder in folders)
        {
            if (duplicates.Contains(folder) || (folder.Parsed is null && !folder.Unchanged))
                results.Add(new CourseSyncResult(folder.Folder, folder.Slug, SyncOutcome.Failed, null));
            else if (folder.Unchanged)
            {
                // The same files may come back under the folder's old name or a new one: keep the course live and found.
                await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
                {
                    if (await db.Courses.Where(c => c.Slug == folder.Slug && (!c.IsActive || c.SourceFolder != folder.Folder))
                        .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsActive, true).SetProperty(c => c.SourceFolder, folder.Folder), cancellationToken) > 0)
                        await changeLog.WriteAsync(db, CacheChangeKind.Courses, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                learningChanges.CoursesChanged();
                results.Add(new CourseSyncResult(folder.Folder, folder.Slug, SyncOutcome.Unchanged, null));
            }
            else
            {
                results.Add(await PublishAsync(db, folder.Folder, folder.Hash, folder.Parsed!, problems, cancellationToken));
                // Every later save would look again at this course's lessons and their quizzes, for nothing.
                db.ChangeTracker.Clear();
            }
        }

        var present = folders.Select(f => f.Slug).OfType<string>().ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (await db.Courses.Where(c => c.IsActive && !present.Contains(c.Slug)).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsActive, false), cancellationToken) > 0)
                await changeLog.WriteAsync(db, CacheChangeKind.Courses, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        learningChanges.CoursesChanged();

        var changed = results.Where(r => r.Outcome is SyncOutcome.Added or SyncOutcome.Patched or SyncOutcome.NewVersion).Select(r => r.Slug!).ToList();
        if (changed.Count > 0) await assigner.AssignByAudienceAsync(courseSlugs: changed, cancellationToken: cancellationToken);
        return new SyncReport(Now, results, problems);
    }

    private async Task<CourseSyncResult> PublishAsync(LmsDbContext db, string folder, string folderHash, ParsedCourse parsed, List<ContentProblem> problems, CancellationToken cancellationToken)
    {
        var course = await db.Courses.Include(c => c.CurrentRevision).SingleOrDefaultAsync(c => c.Slug == parsed.Slug, cancellationToken);
        var current = course?.CurrentRevision;
        if (current is not null && parsed.Revision.Version < current.Version)
        {
            problems.Add(new ContentProblem($"courses/{folder}/{CourseFolderParser.CourseFile}",
                CourseFolderParser.FieldLine(Path.Combine(ContentPath, "courses", folder), "version"), "VersionLowered",
                parsed.Revision.Version.ToString(), current.Version.ToString()));
            return new CourseSyncResult(folder, parsed.Slug, SyncOutcome.Failed, current.Version);
        }

        // A trainer's browser edit is newer than the folder until its export is committed; publishing the folder
        // at the same version would quietly undo it.
        if (current is { Source: RevisionSource.Editor } && parsed.Revision.Version == current.Version && parsed.RevisionHash != current.ContentHash)
        {
            problems.Add(new ContentProblem($"courses/{folder}/{CourseFolderParser.CourseFile}", 0, "EditorRevisionNewer", current.Version.ToString()));
            return new CourseSyncResult(folder, parsed.Slug, SyncOutcome.Failed, current.Version);
        }

        var outcome = current is null ? SyncOutcome.Added
            : parsed.Revision.Version > current.Version ? SyncOutcome.NewVersion
            : current.ContentHash == parsed.RevisionHash ? SyncOutcome.Unchanged
            : SyncOutcome.Patched;
        if (outcome == SyncOutcome.Patched && await KeyChangesAsync(db, current!, parsed.Revision, folder, cancellationToken) is { Count: > 0 } changed)
        {
            problems.AddRange(changed);
            return new CourseSyncResult(folder, parsed.Slug, SyncOutcome.Failed, current!.Version);
        }

        course ??= db.Courses.Add(new Course { Slug = parsed.Slug }).Entity;
        course.SourceHash = folderHash;
        course.SourceFolder = folder;
        course.IsActive = true;
        if (outcome == SyncOutcome.Unchanged) await db.SaveChangesAsync(cancellationToken);
        else await CourseRevisions.PublishAsync(db, course, parsed.Revision, parsed.RevisionHash, Now, cancellationToken);
        return new CourseSyncResult(folder, parsed.Slug, outcome, parsed.Revision.Version);
    }

    /// <summary>A patch may not change what a question's right answer is: that would change what earlier passes meant.</summary>
    private async Task<List<ContentProblem>> KeyChangesAsync(LmsDbContext db, CourseRevision current, CourseRevision patch, string folder, CancellationToken cancellationToken)
    {
        var before = await db.LessonRevisions.AsNoTracking().Where(l => l.CourseRevisionId == current.Id)
            .ToDictionaryAsync(l => l.Key, l => l.Quiz, cancellationToken);
        return patch.Lessons
            .SelectMany(lesson => QuizKeys.Changed(before.GetValueOrDefault(lesson.Key), lesson.Quiz).Select(id =>
            {
                var file = Path.Combine(ContentPath, "courses", folder, lesson.Key + ".md");
                return new ContentProblem($"courses/{folder}/{lesson.Key}.md", LessonFileParser.LineOfQuestion(file, id), "QuizKeyChanged", id);
            }))
            .ToList();
    }

    /// <summary>One folder's parse; whatever goes wrong in it fails that course only, never the whole sync or start-up.</summary>
    private ParsedCourse? ParseIsolated(string folder, List<ContentProblem> problems)
    {
        try
        {
            return CourseFolderParser.Parse(folder, ContentPath, problems);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or FormatException)
        {
            logger.LogError(e, "Could not read course folder {Folder}", folder);
            problems.Add(new ContentProblem(Path.GetRelativePath(ContentPath, folder).Replace('\\', '/'), 0, "FolderUnreadable", e.Message));
            return null;
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
