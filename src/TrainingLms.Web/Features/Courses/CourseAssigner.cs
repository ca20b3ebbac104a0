using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Web.Features.Courses;

public enum AssignmentTargetKind
{
    Person = 1,
    Team = 2,
    Site = 3,
}

/// <summary>Creates assignments: by a course's audience rules (people created, imported or moved; courses synced) or by hand.</summary>
public sealed class CourseAssigner(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Assigns every matching active course to every matching active person who does not have it yet.</summary>
    /// <returns>How many assignments were created.</returns>
    public async Task<int> AssignByAudienceAsync(IReadOnlyCollection<string>? personIds = null, IReadOnlyCollection<string>? courseSlugs = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var created = await AddByAudienceAsync(db, personIds, courseSlugs, cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    /// <summary>
    /// Adds to <paramref name="db"/> the assignments <see cref="AssignByAudienceAsync"/> would make, without saving: the
    /// caller saves them in the transaction that saves the people, so nobody is ever saved without their courses.
    /// <paramref name="evenIfInactive"/> counts the named people in although they are not active yet (an import's
    /// people, switched on in that same transaction).
    /// </summary>
    /// <returns>How many assignments were added.</returns>
    public async Task<int> AddByAudienceAsync(LmsDbContext db, IReadOnlyCollection<string>? personIds, IReadOnlyCollection<string>? courseSlugs = null,
        bool evenIfInactive = false, CancellationToken cancellationToken = default)
    {
        var audiences = await AudiencesAsync(db, courseSlugs, cancellationToken);
        if (audiences.IsEmpty) return 0;

        var everyone = evenIfInactive && personIds is not null;
        var people = await db.Users.AsNoTracking()
            .Where(p => (p.IsActive || everyone) && (personIds == null || personIds.Contains(p.Id)))
            .Select(p => new
            {
                p.Id,
                Line = p.Position == null ? (LineOfWork?)null : p.Position.LineOfWork,
                FacesCustomers = p.Position != null && p.Position.FacesCustomers,
                Exempt = p.Position != null && p.Position.ExemptFromCompanyWideCourses,
                TimeZoneId = p.Site == null ? null : p.Site.TimeZoneId,
            })
            .ToListAsync(cancellationToken);
        var roles = (await db.UserRoles.Join(db.Roles, link => link.RoleId, role => role.Id, (link, role) => new { link.UserId, role.Name })
                .Where(r => personIds == null || personIds.Contains(r.UserId))
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name!);
        var courseIds = audiences.CourseIds;
        var existing = (await db.CourseAssignments.Where(a => courseIds.Contains(a.CourseId) && (personIds == null || personIds.Contains(a.PersonId)))
                .Select(a => new { a.PersonId, a.CourseId }).ToListAsync(cancellationToken))
            .Select(a => (a.PersonId, a.CourseId)).ToHashSet();

        var created = 0;
        foreach (var person in people)
        {
            var profile = new LearnerProfile(roles[person.Id].ToList(), person.Line, person.FacesCustomers, person.Exempt);
            foreach (var assignment in audiences.For(person.Id, profile, person.TimeZoneId).Where(a => !existing.Contains((person.Id, a.CourseId))))
            {
                db.CourseAssignments.Add(assignment);
                created++;
            }
        }
        return created;
    }

    /// <summary>
    /// The live courses' audience rules as they are now, to work out assignments in memory: an import assigns the
    /// people it writes from what it knows of them, without reading them back inside its short transactions.
    /// </summary>
    public async Task<CourseAudiences> AudiencesAsync(LmsDbContext db, IReadOnlyCollection<string>? courseSlugs = null, CancellationToken cancellationToken = default)
    {
        var courses = await db.Courses.AsNoTracking()
            .Where(c => c.IsActive && c.CurrentRevisionId != null && (courseSlugs == null || courseSlugs.Contains(c.Slug)))
            .Select(c => new { c.Id, c.CurrentRevision!.Audience, c.CurrentRevision.DueDays })
            .ToListAsync(cancellationToken);
        return new CourseAudiences([.. courses.Where(c => c.Audience.Count > 0).Select(c => new CourseAudience(c.Id, c.Audience, c.DueDays))], clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Assigns a course to one person, or everyone active in a team or site; people who already have it keep their assignment.</summary>
    /// <returns>How many people were newly assigned, or null when the course or target does not exist.</returns>
    public async Task<int?> AssignAsync(int courseId, AssignmentTargetKind kind, string target, DateOnly? dueOn, string assignedById, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var course = await db.Courses.AsNoTracking().Where(c => c.Id == courseId && c.IsActive && c.CurrentRevisionId != null)
            .Select(c => new { c.Id, c.CurrentRevision!.DueDays }).SingleOrDefaultAsync(cancellationToken);
        if (course is null) return null;

        var people = db.Users.AsNoTracking().Where(p => p.IsActive);
        people = kind switch
        {
            AssignmentTargetKind.Person => people.Where(p => p.UserName == target),
            AssignmentTargetKind.Team => int.TryParse(target, out var teamId) ? people.Where(p => p.TeamId == teamId) : people.Where(p => false),
            _ => int.TryParse(target, out var siteId) ? people.Where(p => p.SiteId == siteId) : people.Where(p => false),
        };
        var targetExists = kind switch
        {
            AssignmentTargetKind.Person => await people.AnyAsync(cancellationToken),
            AssignmentTargetKind.Team => await db.Teams.AnyAsync(t => t.IsActive && t.Id.ToString() == target, cancellationToken),
            _ => await db.Sites.AnyAsync(s => s.IsActive && s.Id.ToString() == target, cancellationToken),
        };
        if (!targetExists) return null;
        var chosen = await people.Where(p => !db.CourseAssignments.Any(a => a.CourseId == courseId && a.PersonId == p.Id))
            .Select(p => new { p.Id, TimeZoneId = p.Site == null ? null : p.Site.TimeZoneId })
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        db.CourseAssignments.AddRange(chosen.Select(person => new CourseAssignment
        {
            CourseId = courseId,
            PersonId = person.Id,
            Source = kind switch { AssignmentTargetKind.Person => AssignmentSource.Person, AssignmentTargetKind.Team => AssignmentSource.Team, _ => AssignmentSource.Site },
            AssignedById = assignedById,
            AssignedAtUtc = now,
            DueOn = dueOn ?? SiteTime.Today(now, person.TimeZoneId).AddDays(course.DueDays),
        }));
        await db.SaveChangesAsync(cancellationToken);
        return chosen.Count;
    }
}

public sealed record CourseAudience(int CourseId, IReadOnlyList<AudienceRule> Rules, int DueDays);

/// <summary>Which live courses a learner's profile brings, each due its course's days after today in the learner's site.</summary>
public sealed class CourseAudiences(IReadOnlyList<CourseAudience> courses, DateTime nowUtc)
{
    public bool IsEmpty => courses.Count == 0;

    public IReadOnlyList<int> CourseIds { get; } = [.. courses.Select(c => c.CourseId)];

    public IEnumerable<CourseAssignment> For(string personId, LearnerProfile profile, string? timeZoneId) =>
        courses.Where(course => Audience.Includes(course.Rules, profile)).Select(course => new CourseAssignment
        {
            CourseId = course.CourseId,
            PersonId = personId,
            Source = AssignmentSource.Audience,
            AssignedAtUtc = nowUtc,
            DueOn = SiteTime.Today(nowUtc, timeZoneId).AddDays(course.DueDays),
        });
}
