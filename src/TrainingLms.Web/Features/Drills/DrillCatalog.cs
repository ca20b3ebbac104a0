using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Drills;

namespace TrainingLms.Web.Features.Drills;

public sealed record DrillSummary(int DrillId, int RevisionId, string Slug, int Version, LocalizedText Title, LocalizedText Summary, int PassMark, int ValidityMonths, int RetakeWaitDays, int CriteriaCount);

/// <summary>The published drills: each drill's current revision is its highest-numbered one.</summary>
public static class DrillCatalog
{
    public static IQueryable<DrillRevision> CurrentRevisions(LmsDbContext db) =>
        db.DrillRevisions.Where(r => r.Number == db.DrillRevisions.Where(other => other.DrillId == r.DrillId).Max(other => other.Number));

    /// <summary>Live drills (their file is in content/), by title.</summary>
    public static async Task<IReadOnlyList<DrillSummary>> ActiveAsync(LmsDbContext db, CancellationToken cancellationToken = default) =>
        [.. (await (from revision in CurrentRevisions(db)
                    join drill in db.Drills on revision.DrillId equals drill.Id
                    where drill.IsActive
                    orderby drill.Slug
                    select new
                    {
                        revision.DrillId, revision.Id, drill.Slug, revision.Version, revision.Title, revision.Summary,
                        revision.PassMark, revision.ValidityMonths, revision.RetakeWaitDays, revision.Criteria,
                    }).AsNoTracking().ToListAsync(cancellationToken))
            .Select(d => new DrillSummary(d.DrillId, d.Id, d.Slug, d.Version, d.Title, d.Summary, d.PassMark, d.ValidityMonths, d.RetakeWaitDays, d.Criteria.Count))];
}
