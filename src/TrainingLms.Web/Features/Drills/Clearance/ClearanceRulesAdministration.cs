using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Drills;

namespace TrainingLms.Web.Features.Drills.Clearance;

public sealed record PositionRules(int PositionId, string Name, bool IsActive, int People, IReadOnlyList<Requirement> Requirements);

public sealed record RequirementOption(Requirement Requirement, LocalizedText Title, bool Selected);

public sealed record PositionRulesForm(int PositionId, string Name, IReadOnlyList<RequirementOption> Courses, IReadOnlyList<RequirementOption> Drills);

/// <summary>
/// The administrator's clearance rules by position. Courses on offer are those whose content says they count toward
/// clearance (<c>clearance: true</c>); drills are the live rubrics. A rule that no longer matches anything on offer
/// stays listed until it is removed, so nothing silently stops being required.
/// </summary>
public sealed class ClearanceRulesAdministration(IDbContextFactory<LmsDbContext> dbFactory, ClearanceCatalogCache catalogs)
{
    public async Task<IReadOnlyList<PositionRules>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = (await db.ClearanceRequirements.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(r => r.PositionId, r => new Requirement(r.Kind, r.Slug));
        var positions = await db.Positions.AsNoTracking().OrderByDescending(p => p.IsActive).ThenBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.IsActive, People = db.Users.Count(u => u.PositionId == p.Id && u.IsActive) }).ToListAsync(cancellationToken);
        return [.. positions.Select(p => new PositionRules(p.Id, p.Name, p.IsActive, p.People, [.. rules[p.Id].OrderBy(r => r.Kind).ThenBy(r => r.Slug, StringComparer.Ordinal)]))];
    }

    public async Task<PositionRulesForm?> FormAsync(int positionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = await db.Positions.Where(p => p.Id == positionId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null) return null;
        var selected = (await db.ClearanceRequirements.AsNoTracking().Where(r => r.PositionId == positionId).ToListAsync(cancellationToken))
            .Select(r => new Requirement(r.Kind, r.Slug)).ToHashSet();
        var (courses, drills) = await OfferedAsync(db, cancellationToken);
        var titles = (await catalogs.GetAsync(cancellationToken)).Titles;
        RequirementOption Option(Requirement requirement, LocalizedText title) => new(requirement, title, selected.Contains(requirement));
        // Chosen before but no longer on offer: shown (by slug) so it can be seen and removed.
        IEnumerable<RequirementOption> Leftovers(RequirementKind kind, IEnumerable<Requirement> offered) =>
            selected.Where(r => r.Kind == kind).Except(offered).Select(r => new RequirementOption(r, new LocalizedText(titles.For(r), ""), true));
        return new PositionRulesForm(positionId, name,
            [.. courses.Select(c => Option(c.Key, c.Value)), .. Leftovers(RequirementKind.Course, courses.Keys)],
            [.. drills.Select(d => Option(d.Key, d.Value)), .. Leftovers(RequirementKind.Drill, drills.Keys)]);
    }

    /// <returns>False when the position does not exist.</returns>
    public async Task<bool> SaveAsync(int positionId, IReadOnlyCollection<Requirement> wanted, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Positions.AnyAsync(p => p.Id == positionId, cancellationToken)) return false;
        var existing = await db.ClearanceRequirements.Where(r => r.PositionId == positionId).ToListAsync(cancellationToken);
        var (courses, drills) = await OfferedAsync(db, cancellationToken);
        // Only what is on offer may be added; what was there may stay.
        var allowed = courses.Keys.Concat(drills.Keys).Concat(existing.Select(r => new Requirement(r.Kind, r.Slug))).ToHashSet();
        var keep = wanted.Where(allowed.Contains).ToHashSet();
        db.ClearanceRequirements.RemoveRange(existing.Where(r => !keep.Contains(new Requirement(r.Kind, r.Slug))));
        var have = existing.Select(r => new Requirement(r.Kind, r.Slug)).ToHashSet();
        db.ClearanceRequirements.AddRange(keep.Where(r => !have.Contains(r)).Select(r => new ClearanceRequirement { PositionId = positionId, Kind = r.Kind, Slug = r.Slug }));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static async Task<(Dictionary<Requirement, LocalizedText> Courses, Dictionary<Requirement, LocalizedText> Drills)> OfferedAsync(LmsDbContext db, CancellationToken cancellationToken)
    {
        var courses = await db.Courses.AsNoTracking().Where(c => c.IsActive && c.CurrentRevisionId != null && c.CurrentRevision!.CountsTowardClearance)
            .OrderBy(c => c.Slug).Select(c => new { c.Slug, c.CurrentRevision!.Title }).ToListAsync(cancellationToken);
        var drills = await DrillCatalog.ActiveAsync(db, cancellationToken);
        return (courses.ToDictionary(c => new Requirement(RequirementKind.Course, c.Slug), c => c.Title),
            drills.ToDictionary(d => new Requirement(RequirementKind.Drill, d.Slug), d => d.Title));
    }
}
