using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Drills;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Courses;

namespace TrainingLms.Web.Features.Drills.Clearance;

public sealed record PersonFacts(string PersonId, string FullName, string EmployeeNumber, int? SiteId, string? SiteName, string? TimeZoneId, string? TeamName, int? PositionId, string? PositionName, string? ContractorName = null);

/// <param name="TamperedAttemptIds">Signed results whose stored content no longer matches their hash: they count for nothing.</param>
public sealed record PersonClearance(PersonFacts Person, IReadOnlyList<Requirement> Required, ClearanceResult Result, IReadOnlyList<int> TamperedAttemptIds);

/// <summary>The titles of courses and drills by slug, to name what is missing.</summary>
public sealed class RequirementTitles(IReadOnlyDictionary<Requirement, LocalizedText> titles)
{
    public string For(Requirement requirement) => titles.TryGetValue(requirement, out var title) ? title.Current : requirement.Slug;
}

/// <summary>
/// Works out posting clearance for people: their position's rules (plus the pre-posting drill for grassroots
/// managers), their course progress from the Courses feature, and their drill results — only signed, unannulled
/// results whose hash still matches count.
/// </summary>
public sealed class ClearanceService(IDbContextFactory<LmsDbContext> dbFactory, LearnerProgress learnerProgress, IOptions<DrillOptions> options, TimeProvider clock)
{
    public async Task<PersonClearance?> ForPersonAsync(string personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await EvaluateAsync(db, db.Users.Where(p => p.Id == personId), cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<PersonClearance>> EvaluateAsync(LmsDbContext db, IQueryable<Person> people, CancellationToken cancellationToken = default)
    {
        var facts = await people.AsNoTracking().OrderBy(p => p.UserName)
            .Select(p => new PersonFacts(p.Id, p.FullName, p.UserName!, p.SiteId, p.Site!.Name, p.Site.TimeZoneId, p.Team!.Name, p.PositionId, p.Position!.Name, p.ContractorCompany!.Name))
            .ToListAsync(cancellationToken);
        if (facts.Count == 0) return [];
        var ids = facts.Select(f => f.PersonId).ToList();
        var managers = (await db.UserRoles.Join(db.Roles, link => link.RoleId, role => role.Id, (link, role) => new { link.UserId, role.Name })
            .Where(r => r.Name == Roles.Manager && ids.Contains(r.UserId)).Select(r => r.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var positionIds = facts.Select(f => f.PositionId).OfType<int>().Distinct().ToList();
        var rules = (await db.ClearanceRequirements.AsNoTracking().Where(r => positionIds.Contains(r.PositionId)).ToListAsync(cancellationToken))
            .ToLookup(r => r.PositionId, r => new Requirement(r.Kind, r.Slug));
        var required = facts.ToDictionary(f => f.PersonId, f => ClearanceRules.RequirementsFor(
            f.PositionId is { } position ? rules[position] : [], managers.Contains(f.PersonId), options.Value.PrePostingDrill));

        var courseSlugs = required.Values.SelectMany(r => r).Where(r => r.Kind == RequirementKind.Course).Select(r => r.Slug).Distinct().ToList();
        var courses = await db.Courses.AsNoTracking().Where(c => courseSlugs.Contains(c.Slug)).ToDictionaryAsync(c => c.Slug, c => c.Id, cancellationToken);
        var progress = courses.Count == 0 ? [] : await learnerProgress.ForPeopleAsync(db, ids, courses.Values.ToList(), cancellationToken);

        var drillSlugs = required.Values.SelectMany(r => r).Where(r => r.Kind == RequirementKind.Drill).Select(r => r.Slug).Distinct().ToList();
        var drillIds = await db.Drills.Where(d => drillSlugs.Contains(d.Slug)).Select(d => d.Id).ToListAsync(cancellationToken);
        var results = (await AttemptRecords.Query(db, a => ids.Contains(a.CandidateId) && drillIds.Contains(a.DrillRevision!.DrillId)
                && a.SignedAtUtc != null && a.AnnulledAtUtc == null).ToListAsync(cancellationToken))
            .ToLookup(a => a.CandidateId);

        var now = clock.GetUtcNow().UtcDateTime;
        return [.. facts.Select(person =>
        {
            var mine = results[person.PersonId].ToList();
            var intact = mine.Where(a => a.IsIntact).ToList();
            var passes = intact.Where(a => a.IsValidPass).Select(a => new DrillPass(a.Rubric.DrillSlug, a.Id, a.HeldOn, a.ValidThrough!.Value)).ToList();
            // After a failure the wait runs from the latest result; a pass after it makes the wait moot.
            var retakes = intact.GroupBy(a => a.Rubric.DrillSlug)
                .Select(g => g.MaxBy(a => a.SignedAtUtc)!)
                .Where(a => a.Passed == false && a.RetakeFrom is not null)
                .ToDictionary(a => a.Rubric.DrillSlug, a => a.RetakeFrom!.Value);
            var courseStatus = required[person.PersonId].Where(r => r.Kind == RequirementKind.Course).ToDictionary(
                r => r.Slug,
                r => courses.TryGetValue(r.Slug, out var courseId) && progress.TryGetValue(person.PersonId, out var byCourse) && byCourse.TryGetValue(courseId, out var p)
                    ? p.Status : (CourseStatus?)null);
            var result = ClearanceRules.Evaluate(new ClearanceFacts(required[person.PersonId], courseStatus, passes, retakes), now, person.TimeZoneId, options.Value.ExpiringWithinDays);
            return new PersonClearance(person, required[person.PersonId], result, [.. mine.Where(a => !a.IsIntact).Select(a => a.Id)]);
        })];
    }

    public static async Task<RequirementTitles> TitlesAsync(LmsDbContext db, CancellationToken cancellationToken = default)
    {
        var courses = await db.Courses.AsNoTracking().Where(c => c.CurrentRevisionId != null)
            .Select(c => new { c.Slug, c.CurrentRevision!.Title }).ToListAsync(cancellationToken);
        var drills = await (from revision in DrillCatalog.CurrentRevisions(db)
                            join drill in db.Drills on revision.DrillId equals drill.Id
                            select new { drill.Slug, revision.Title }).AsNoTracking().ToListAsync(cancellationToken);
        return new RequirementTitles(courses.Select(c => (Key: new Requirement(RequirementKind.Course, c.Slug), c.Title))
            .Concat(drills.Select(d => (Key: new Requirement(RequirementKind.Drill, d.Slug), d.Title)))
            .ToDictionary(t => t.Key, t => t.Title));
    }
}
