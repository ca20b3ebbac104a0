using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Drills;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Courses;
using TrainingLms.Web.Features.Courses.Caching;

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
public sealed class ClearanceService(
    IDbContextFactory<LmsDbContext> dbFactory,
    LearnerProgress learnerProgress,
    LearnerRecordCache learnerRecords,
    CourseRevisionCache courseRevisions,
    ClearanceCatalogCache catalogs,
    IOptions<DrillOptions> options,
    TimeProvider clock)
{
    public async Task<PersonClearance?> ForPersonAsync(string personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await EvaluateAsync(db, db.Users.Where(p => p.Id == personId), cancellationToken)).SingleOrDefault();
    }

    public Task<IReadOnlyList<PersonClearance>> EvaluateAsync(LmsDbContext db, IQueryable<Person> people, CancellationToken cancellationToken = default) =>
        EvaluateAsync(db, people, signedAttempts: null, cancellationToken);

    /// <param name="signedAttempts">The people's signed results (annulled ones too) when the caller has read them already; read here when null.</param>
    public async Task<IReadOnlyList<PersonClearance>> EvaluateAsync(LmsDbContext db, IQueryable<Person> people, IReadOnlyList<AttemptRow>? signedAttempts, CancellationToken cancellationToken = default)
    {
        var found = await people.AsNoTracking().OrderBy(p => p.UserName)
            .Select(p => new
            {
                Facts = new PersonFacts(p.Id, p.FullName, p.UserName!, p.SiteId, p.Site!.Name, p.Site.TimeZoneId, p.Team!.Name, p.PositionId, p.Position!.Name, p.ContractorCompany!.Name),
                IsManager = db.UserRoles.Any(link => link.UserId == p.Id && db.Roles.Any(role => role.Id == link.RoleId && role.Name == Roles.Manager)),
            })
            .ToListAsync(cancellationToken);
        if (found.Count == 0) return [];
        var facts = found.Select(f => f.Facts).ToList();
        var ids = facts.Select(f => f.PersonId).ToList();
        var catalog = await catalogs.GetAsync(cancellationToken);
        var required = found.ToDictionary(f => f.Facts.PersonId, f => ClearanceRules.RequirementsFor(
            f.Facts.PositionId is { } position ? catalog.RulesByPosition[position] : [], f.IsManager, options.Value.PrePostingDrill));

        var courses = required.Values.SelectMany(r => r).Where(r => r.Kind == RequirementKind.Course).Select(r => r.Slug).Distinct()
            .Where(catalog.CoursesBySlug.ContainsKey).ToDictionary(slug => slug, slug => catalog.CoursesBySlug[slug]);
        var progress = await ProgressAsync(db, ids, courses.Values, cancellationToken);

        var drillIds = required.Values.SelectMany(r => r).Where(r => r.Kind == RequirementKind.Drill)
            .Select(r => catalog.DrillIdsBySlug.TryGetValue(r.Slug, out var id) ? id : (int?)null).OfType<int>().ToHashSet();
        var results = (await SignedPassesAndFailuresAsync(db, ids, drillIds, signedAttempts, cancellationToken)).ToLookup(a => a.CandidateId);

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
                r => courses.TryGetValue(r.Slug, out var course) && progress.TryGetValue(person.PersonId, out var byCourse) && byCourse.TryGetValue(course.Id, out var p)
                    ? p.Status : (CourseStatus?)null);
            var result = ClearanceRules.Evaluate(new ClearanceFacts(required[person.PersonId], courseStatus, passes, retakes), now, person.TimeZoneId, options.Value.ExpiringWithinDays);
            return new PersonClearance(person, required[person.PersonId], result, [.. mine.Where(a => !a.IsIntact).Select(a => a.Id)]);
        })];
    }

    /// <summary>The titles of courses and drills by slug, to name what is missing.</summary>
    public async Task<RequirementTitles> TitlesAsync(CancellationToken cancellationToken = default) => (await catalogs.GetAsync(cancellationToken)).Titles;

    /// <summary>
    /// Person id → course id → progress in the published ones of the courses. One person's comes from their cached
    /// learner record, as on their learning pages; several people's from the database in one read.
    /// </summary>
    private async Task<Dictionary<string, Dictionary<int, CourseProgress>>> ProgressAsync(LmsDbContext db, List<string> personIds, IEnumerable<ClearanceCourse> courses, CancellationToken cancellationToken)
    {
        var revisionIds = courses.Select(c => c.CurrentRevisionId).OfType<int>().ToList();
        if (revisionIds.Count == 0) return [];
        var current = (await courseRevisions.GetManyAsync(revisionIds, cancellationToken)).Values.ToList();
        if (personIds is not [var personId]) return await learnerProgress.ForPeopleAsync(db, personIds, current, cancellationToken);
        var record = await learnerRecords.GetAsync(personId, cancellationToken);
        return new() { [personId] = await learnerProgress.ForRecordAsync(current, record, cancellationToken) };
    }

    /// <summary>The signed, unannulled results at the drills: from what the caller read, or read here.</summary>
    private static async Task<IReadOnlyList<AttemptRow>> SignedPassesAndFailuresAsync(LmsDbContext db, List<string> personIds, HashSet<int> drillIds, IReadOnlyList<AttemptRow>? signedAttempts, CancellationToken cancellationToken)
    {
        if (drillIds.Count == 0) return [];
        if (signedAttempts is not null) return [.. signedAttempts.Where(a => a.IsSigned && !a.IsAnnulled && drillIds.Contains(a.Rubric.DrillId))];
        return await AttemptRecords.Query(db, a => personIds.Contains(a.CandidateId) && drillIds.Contains(a.DrillRevision!.DrillId)
            && a.SignedAtUtc != null && a.AnnulledAtUtc == null).ToListAsync(cancellationToken);
    }
}
