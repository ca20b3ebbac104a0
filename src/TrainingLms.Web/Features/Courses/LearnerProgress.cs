using TrainingLms.Domain.Courses;
using TrainingLms.Web.Features.Courses.Caching;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Features.Courses;

/// <summary>
/// Loads what <see cref="CourseProgressRules"/> needs for some people and some courses: their completions from the
/// database, the lessons of each course's revisions from <see cref="CourseRevisionCache"/>.
/// </summary>
public sealed class LearnerProgress(IDbContextFactory<LmsDbContext> dbFactory, CourseRevisionCache revisions)
{
    private static readonly IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>> NoEarlierVersions = new Dictionary<int, IReadOnlyDictionary<string, string>>();

    public async Task<Dictionary<int, CourseProgress>> ForPersonAsync(LmsDbContext db, string personId, IReadOnlyCollection<int> courseIds, CancellationToken cancellationToken = default) =>
        (await ForPeopleAsync(db, [personId], courseIds, cancellationToken))[personId];

    /// <summary>Person id → course id → progress, for every person asked about and every one of the courses that is published.</summary>
    public async Task<Dictionary<string, Dictionary<int, CourseProgress>>> ForPeopleAsync(LmsDbContext db, IReadOnlyCollection<string> personIds, IReadOnlyCollection<int> courseIds, CancellationToken cancellationToken = default)
    {
        var currentIds = await db.Courses.AsNoTracking()
            .Where(c => courseIds.Contains(c.Id) && c.CurrentRevisionId != null)
            .Select(c => c.CurrentRevisionId!.Value)
            .ToListAsync(cancellationToken);
        var current = (await revisions.GetManyAsync(currentIds, cancellationToken)).Values.ToList();
        return await ForPeopleAsync(db, personIds, current, cancellationToken);
    }

    /// <summary>Progress in the given current revisions, when the caller has already read which ones they are.</summary>
    public async Task<Dictionary<string, Dictionary<int, CourseProgress>>> ForPeopleAsync(LmsDbContext db, IReadOnlyCollection<string> personIds, IReadOnlyCollection<CourseRevision> current, CancellationToken cancellationToken = default)
    {
        var courseIds = current.Select(c => c.CourseId).ToList();
        var lessonsDone = await db.LessonCompletions.AsNoTracking()
            .Where(c => personIds.Contains(c.PersonId) && courseIds.Contains(c.CourseId))
            .Select(c => new { c.PersonId, c.CourseId, c.LessonKey, c.CourseVersion })
            .ToListAsync(cancellationToken);
        var coursesDone = (await db.CourseCompletions.AsNoTracking()
                .Where(c => personIds.Contains(c.PersonId) && courseIds.Contains(c.CourseId))
                .Select(c => new { c.PersonId, c.CourseId, c.CourseVersion })
                .ToListAsync(cancellationToken))
            .ToLookup(c => (c.PersonId, c.CourseId), c => c.CourseVersion);

        var hashes = await HashesAtAsync(db, EarlierVersionsDone(current.ToDictionary(c => c.CourseId, c => c.Version),
            lessonsDone.ToLookup(c => c.CourseId, c => new CompletedLesson(c.LessonKey, c.CourseVersion))), cancellationToken);
        var lessonsByPerson = lessonsDone.ToLookup(c => (c.PersonId, c.CourseId), c => new CompletedLesson(c.LessonKey, c.CourseVersion));
        return personIds.Distinct().ToDictionary(
            personId => personId,
            personId => current.ToDictionary(
                c => c.CourseId,
                c => Evaluate(c, hashes.GetValueOrDefault(c.CourseId), lessonsByPerson[(personId, c.CourseId)].ToList(), coursesDone[(personId, c.CourseId)].ToList())));
    }

    /// <summary>
    /// One learner's progress in the given current revisions from their cached record: the learner's pages run on
    /// every view, so the database is read only for a learner with lessons done at earlier versions.
    /// </summary>
    public async Task<Dictionary<int, CourseProgress>> ForRecordAsync(IReadOnlyCollection<CourseRevision> current, LearnerRecord record, CancellationToken cancellationToken = default)
    {
        var hashes = new Dictionary<int, IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>>>();
        if (EarlierVersionsDone(current.ToDictionary(c => c.CourseId, c => c.Version), record.LessonsDone) is { Count: > 0 } wanted)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            hashes = await HashesAtAsync(db, wanted, cancellationToken);
        }
        return current.ToDictionary(
            c => c.CourseId,
            c => Evaluate(c, hashes.GetValueOrDefault(c.CourseId), record.LessonsDone[c.CourseId].ToList(), record.CoursesDone[c.CourseId].Select(d => d.Version).ToList()));
    }

    private static CourseProgress Evaluate(CourseRevision current, IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>>? hashesAtEarlierVersions,
        IReadOnlyCollection<CompletedLesson> lessonsDone, IReadOnlyCollection<int> courseVersionsDone) =>
        CourseProgressRules.Evaluate(current.Version, current.Lessons.Select(l => new LessonVersionHash(l.Key, l.ContentHash)).ToList(),
            hashesAtEarlierVersions ?? NoEarlierVersions, lessonsDone, courseVersionsDone);

    // The earlier versions of each course someone completed lessons at.
    private static HashSet<(int CourseId, int Version)> EarlierVersionsDone(Dictionary<int, int> currentVersions, ILookup<int, CompletedLesson> lessonsDone) =>
        lessonsDone.SelectMany(g => g.Where(l => l.Version < currentVersions.GetValueOrDefault(g.Key)).Select(l => (CourseId: g.Key, l.Version))).ToHashSet();

    // Lesson hashes in the last revision of each of the course versions.
    private async Task<Dictionary<int, IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>>>> HashesAtAsync(
        LmsDbContext db, HashSet<(int CourseId, int Version)> wanted, CancellationToken cancellationToken)
    {
        if (wanted.Count == 0) return [];
        var courseIds = wanted.Select(w => w.CourseId).Distinct().ToList();
        var lastRevisions = (await db.CourseRevisions.AsNoTracking().Where(r => courseIds.Contains(r.CourseId))
                .Select(r => new { r.Id, r.CourseId, r.Version, r.Number }).ToListAsync(cancellationToken))
            .Where(r => wanted.Contains((r.CourseId, r.Version)))
            .GroupBy(r => (r.CourseId, r.Version))
            .Select(g => g.MaxBy(r => r.Number)!)
            .ToList();
        var earlier = await revisions.GetManyAsync(lastRevisions.Select(r => r.Id).ToList(), cancellationToken);
        return lastRevisions.GroupBy(r => r.CourseId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>>)g.ToDictionary(
                r => r.Version,
                r => (IReadOnlyDictionary<string, string>)earlier[r.Id].Lessons.ToDictionary(l => l.Key, l => l.ContentHash)));
    }
}
