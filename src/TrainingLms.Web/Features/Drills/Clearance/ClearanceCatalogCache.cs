using Microsoft.EntityFrameworkCore;
using TrainingLms.Data;
using TrainingLms.Domain.Drills;
using TrainingLms.Domain.Courses;
using TrainingLms.Web.Features.Courses.Caching;

namespace TrainingLms.Web.Features.Drills.Clearance;

/// <summary>A course by slug, as clearance sees it: switched off or not, with its published revision if it has one.</summary>
public sealed record ClearanceCourse(int Id, int? CurrentRevisionId);

/// <summary>
/// What clearance is judged against and named by: the rules of every position, the courses and drills by slug, and
/// their current titles. Small, read on every home page, and changed only by content syncs and the rules page.
/// </summary>
public sealed record ClearanceCatalog(
    ILookup<int, Requirement> RulesByPosition,
    IReadOnlyDictionary<string, ClearanceCourse> CoursesBySlug,
    IReadOnlyDictionary<string, int> DrillIdsBySlug,
    IReadOnlyDictionary<int, LocalizedText> DrillTitlesById,
    RequirementTitles Titles);

/// <summary>
/// The <see cref="ClearanceCatalog"/>, read once and kept until <see cref="LearningChanges"/> has counted a change to
/// a course, a drill or a rule (on every instance: see <see cref="LearningChanges"/>). Stamped with the counts seen
/// before reading, and not kept if anything changed meanwhile, so a read that raced a change is never served.
/// </summary>
public sealed class ClearanceCatalogCache(IDbContextFactory<LmsDbContext> dbFactory, LearningChanges changes)
{
    private readonly StampedValue<(long Courses, long Clearance), ClearanceCatalog> kept = new(changes, () => (changes.CoursesStamp, changes.ClearanceStamp));

    public Task<ClearanceCatalog> GetAsync(CancellationToken cancellationToken = default) => kept.GetAsync(ReadAsync, cancellationToken);

    private async Task<ClearanceCatalog> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = (await db.ClearanceRequirements.AsNoTracking().Select(r => new { r.PositionId, r.Kind, r.Slug }).ToListAsync(cancellationToken))
            .ToLookup(r => r.PositionId, r => new Requirement(r.Kind, r.Slug));
        var courses = await db.Courses.AsNoTracking().Select(c => new { c.Id, c.Slug, c.CurrentRevisionId }).ToListAsync(cancellationToken);
        var courseTitles = await db.Courses.AsNoTracking().Where(c => c.CurrentRevisionId != null)
            .Select(c => new { c.Slug, c.CurrentRevision!.Title }).ToListAsync(cancellationToken);
        var drills = await (from revision in DrillCatalog.CurrentRevisions(db)
                            join drill in db.Drills on revision.DrillId equals drill.Id
                            select new { drill.Id, drill.Slug, revision.Title }).AsNoTracking().ToListAsync(cancellationToken);
        var titles = courseTitles.Select(c => (Key: new Requirement(RequirementKind.Course, c.Slug), c.Title))
            .Concat(drills.Select(d => (Key: new Requirement(RequirementKind.Drill, d.Slug), d.Title)))
            .ToDictionary(t => t.Key, t => t.Title);
        return new ClearanceCatalog(
            rules,
            courses.ToDictionary(c => c.Slug, c => new ClearanceCourse(c.Id, c.CurrentRevisionId)),
            drills.ToDictionary(d => d.Slug, d => d.Id),
            drills.ToDictionary(d => d.Id, d => d.Title),
            new RequirementTitles(titles));
    }
}
