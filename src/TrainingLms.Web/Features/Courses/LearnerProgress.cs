using Microsoft.EntityFrameworkCore;
using TrainingLms.Data;
using TrainingLms.Domain.Courses;

namespace TrainingLms.Web.Features.Courses;

/// <summary>Loads what <see cref="CourseProgressRules"/> needs for some people and some courses, in four queries.</summary>
public static class LearnerProgress
{
    private static readonly IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>> NoEarlierVersions = new Dictionary<int, IReadOnlyDictionary<string, string>>();

    public static async Task<Dictionary<int, CourseProgress>> ForPersonAsync(LmsDbContext db, string personId, IReadOnlyCollection<int> courseIds, CancellationToken cancellationToken = default) =>
        (await ForPeopleAsync(db, [personId], courseIds, cancellationToken))[personId];

    /// <summary>Person id → course id → progress, for every person asked about and every one of the courses that is published.</summary>
    public static async Task<Dictionary<string, Dictionary<int, CourseProgress>>> ForPeopleAsync(LmsDbContext db, IReadOnlyCollection<string> personIds, IReadOnlyCollection<int> courseIds, CancellationToken cancellationToken = default)
    {
        var current = await db.Courses.AsNoTracking()
            .Where(c => courseIds.Contains(c.Id) && c.CurrentRevisionId != null)
            .Select(c => new
            {
                c.Id,
                c.CurrentRevision!.Version,
                Lessons = c.CurrentRevision.Lessons.OrderBy(l => l.Order).Select(l => new LessonVersionHash(l.Key, l.ContentHash)).ToList(),
            })
            .ToListAsync(cancellationToken);
        var lessonsDone = await db.LessonCompletions.AsNoTracking()
            .Where(c => personIds.Contains(c.PersonId) && courseIds.Contains(c.CourseId))
            .Select(c => new { c.PersonId, c.CourseId, c.LessonKey, c.CourseVersion })
            .ToListAsync(cancellationToken);
        var coursesDone = (await db.CourseCompletions.AsNoTracking()
                .Where(c => personIds.Contains(c.PersonId) && courseIds.Contains(c.CourseId))
                .Select(c => new { c.PersonId, c.CourseId, c.CourseVersion })
                .ToListAsync(cancellationToken))
            .ToLookup(c => (c.PersonId, c.CourseId), c => c.CourseVersion);

        var hashes = await HashesAtEarlierVersionsAsync(db, current.ToDictionary(c => c.Id, c => c.Version),
            lessonsDone.ToLookup(c => c.CourseId, c => new CompletedLesson(c.LessonKey, c.CourseVersion)), cancellationToken);
        var lessonsByPerson = lessonsDone.ToLookup(c => (c.PersonId, c.CourseId), c => new CompletedLesson(c.LessonKey, c.CourseVersion));
        return personIds.Distinct().ToDictionary(
            personId => personId,
            personId => current.ToDictionary(
                c => c.Id,
                c => CourseProgressRules.Evaluate(c.Version, c.Lessons, hashes.GetValueOrDefault(c.Id) ?? NoEarlierVersions,
                    lessonsByPerson[(personId, c.Id)].ToList(), coursesDone[(personId, c.Id)].ToList())));
    }

    // Lesson hashes in the last revision of each earlier version someone completed lessons at.
    private static async Task<Dictionary<int, IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>>>> HashesAtEarlierVersionsAsync(
        LmsDbContext db, Dictionary<int, int> currentVersions, ILookup<int, CompletedLesson> lessonsDone, CancellationToken cancellationToken)
    {
        var wanted = lessonsDone.SelectMany(g => g.Where(l => l.Version < currentVersions.GetValueOrDefault(g.Key)).Select(l => (CourseId: g.Key, l.Version))).ToHashSet();
        if (wanted.Count == 0) return [];
        var courseIds = wanted.Select(w => w.CourseId).Distinct().ToList();
        var lastRevisions = (await db.CourseRevisions.AsNoTracking().Where(r => courseIds.Contains(r.CourseId))
                .Select(r => new { r.Id, r.CourseId, r.Version, r.Number }).ToListAsync(cancellationToken))
            .Where(r => wanted.Contains((r.CourseId, r.Version)))
            .GroupBy(r => (r.CourseId, r.Version))
            .Select(g => g.MaxBy(r => r.Number)!)
            .ToList();
        var revisionIds = lastRevisions.Select(r => r.Id).ToList();
        var lessons = (await db.LessonRevisions.AsNoTracking().Where(l => revisionIds.Contains(l.CourseRevisionId))
                .Select(l => new { l.CourseRevisionId, l.Key, l.ContentHash }).ToListAsync(cancellationToken))
            .ToLookup(l => l.CourseRevisionId);
        return lastRevisions.GroupBy(r => r.CourseId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>>)g.ToDictionary(
                r => r.Version,
                r => (IReadOnlyDictionary<string, string>)lessons[r.Id].ToDictionary(l => l.Key, l => l.ContentHash)));
    }
}
