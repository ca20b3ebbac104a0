using TrainingLms.Domain.Courses;

namespace TrainingLms.Web.Features.Courses.Checks;

public sealed record GrantRecord(DateTime GrantedAtUtc, string GrantedBy, string Reason);

/// <summary>One check of a course as a trainer sees one learner's work on it: every attempt in full, the grants, the standing.</summary>
public sealed record LearnerCheck(CurrentCheck Check, CheckStanding Standing, IReadOnlyList<AttemptPaper> Attempts, IReadOnlyList<GrantRecord> Grants);

public sealed record LearnerChecks(string PersonId, string EmployeeNumber, string FullName, LocalizedText CourseTitle, IReadOnlyList<LearnerCheck> Checks);

/// <summary>A learner who has tried a check of the course, for the trainer's list.</summary>
public sealed record CheckLearnerRow(string PersonId, string EmployeeNumber, string FullName, string? Site, int Attempts, int ChecksPassed, DateTime LastAttemptUtc);

public enum GrantOutcome
{
    Granted = 1,
    NotFound = 2,
    ReasonRequired = 3,
    AlreadyPassed = 4,
    /// <summary>The learner has not used the last grant yet (a second tap, or another trainer at the same time).</summary>
    AlreadyGranted = 5,
}

/// <summary>
/// The trainer's side of knowledge checks: who has tried a course's checks, each attempt exactly as the learner saw it
/// (with every answer and explanation), and one more attempt granted with a reason that is kept.
/// </summary>
public sealed class CheckSupervision(IDbContextFactory<LmsDbContext> dbFactory, KnowledgeChecks checks, CourseRevisionCache revisions, TimeProvider clock)
{
    public const int ListSize = 100;

    public async Task<IReadOnlyList<CheckLearnerRow>> LearnersAsync(string courseSlug, string? search, StaffFilter? staff = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var course = await db.Courses.Where(c => c.Slug == courseSlug).Select(c => new { c.Id, c.CurrentRevision!.Version }).SingleOrDefaultAsync(cancellationToken);
        if (course is null) return [];
        var attempts = db.QuizAttempts.Where(a => a.CourseId == course.Id && a.CourseVersion == course.Version && a.FinishedAtUtc != null);
        var people = db.Users.AsQueryable();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = SearchPattern.Contains(search);
            people = people.Where(p => SearchPattern.Matches(p.FullName, pattern) || SearchPattern.Matches(p.UserName, pattern));
        }
        if (staff is not null) people = await staff.ApplyAsync(db, people, cancellationToken);
        var perPerson = await attempts.Where(a => people.Any(p => p.Id == a.PersonId))
            .GroupBy(a => a.PersonId)
            .Select(g => new { PersonId = g.Key, Attempts = g.Count(), Last = g.Max(a => a.FinishedAtUtc)!.Value })
            .OrderByDescending(g => g.Last).Take(ListSize)
            .ToListAsync(cancellationToken);
        var ids = perPerson.Select(p => p.PersonId).ToList();
        var passed = (await attempts.Where(a => a.Passed && ids.Contains(a.PersonId)).Select(a => new { a.PersonId, a.LessonKey }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(a => a.PersonId);
        var names = await db.Users.Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.UserName, p.FullName, Site = p.Site == null ? null : p.Site.Name })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        return perPerson.Select(p => new CheckLearnerRow(p.PersonId, names[p.PersonId].UserName!, names[p.PersonId].FullName, names[p.PersonId].Site,
            p.Attempts, passed[p.PersonId].Count(), p.Last)).ToList();
    }

    public async Task<LearnerChecks?> LearnerAsync(string courseSlug, string personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var person = await db.Users.Where(p => p.Id == personId).Select(p => new { p.Id, p.UserName, p.FullName }).SingleOrDefaultAsync(cancellationToken);
        var revisionId = await db.Courses.Where(c => c.Slug == courseSlug && c.IsActive).Select(c => c.CurrentRevisionId).SingleOrDefaultAsync(cancellationToken);
        if (person is null || revisionId is not { } id) return null;
        var revision = await revisions.GetAsync(id, cancellationToken);

        var result = new List<LearnerCheck>();
        foreach (var lesson in revision.Lessons.Where(l => l.Quiz is not null))
        {
            if (await checks.FindAsync(courseSlug, lesson.Key, cancellationToken) is not { } check) continue;
            var standing = await checks.StandingAsync(personId, check, cancellationToken);
            var attempts = await db.QuizAttempts.AsNoTracking()
                .Where(a => a.PersonId == personId && a.CourseId == check.CourseId && a.LessonKey == lesson.Key && a.FinishedAtUtc != null)
                .OrderByDescending(a => a.Id).ToListAsync(cancellationToken);
            var papers = new List<AttemptPaper>();
            foreach (var attempt in attempts)
                if (await KnowledgeChecks.QuizOfAsync(db, attempt, cancellationToken) is { } quiz) papers.Add(new AttemptPaper(attempt, quiz));
            var grants = await db.QuizAttemptGrants.AsNoTracking()
                .Where(g => g.PersonId == personId && g.CourseId == check.CourseId && g.LessonKey == lesson.Key)
                .OrderByDescending(g => g.GrantedAtUtc)
                .Join(db.Users, g => g.GrantedById, p => p.Id, (g, p) => new GrantRecord(g.GrantedAtUtc, p.FullName, g.Reason))
                .ToListAsync(cancellationToken);
            result.Add(new LearnerCheck(check, standing, papers, grants));
        }
        return new LearnerChecks(person.Id, person.UserName!, person.FullName, revision.Title, result);
    }

    /// <summary>One more attempt at a check for a learner who has not passed it, with the trainer's reason kept beside it.</summary>
    public async Task<GrantOutcome> GrantAsync(string courseSlug, string lessonKey, string personId, string trainerId, string? reason, CancellationToken cancellationToken = default)
    {
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why)) return GrantOutcome.ReasonRequired;
        if (await checks.FindAsync(courseSlug, lessonKey, cancellationToken) is not { } check) return GrantOutcome.NotFound;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Users.AnyAsync(p => p.Id == personId, cancellationToken)) return GrantOutcome.NotFound;
        if ((await checks.StandingAsync(personId, check, cancellationToken)).State.Passed) return GrantOutcome.AlreadyPassed;
        // The write lock is taken before the grants are read, so two taps cannot both see "no unused grant".
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await WriteLock.EnterAsync(db, $"check-grant:{personId}:{check.CourseId}:{lessonKey}", cancellationToken);
        var lastFinished = await db.QuizAttempts
            .Where(a => a.PersonId == personId && a.CourseId == check.CourseId && a.LessonKey == lessonKey && a.CourseVersion == check.Version)
            .MaxAsync(a => a.FinishedAtUtc, cancellationToken);
        if (await db.QuizAttemptGrants.AnyAsync(g => g.PersonId == personId && g.CourseId == check.CourseId && g.LessonKey == lessonKey
                && g.CourseVersion == check.Version && (lastFinished == null || g.GrantedAtUtc >= lastFinished), cancellationToken))
            return GrantOutcome.AlreadyGranted;
        db.QuizAttemptGrants.Add(new QuizAttemptGrant
        {
            PersonId = personId,
            CourseId = check.CourseId,
            LessonKey = lessonKey,
            CourseVersion = check.Version,
            GrantedById = trainerId,
            Reason = why.Length > QuizAttemptGrant.MaxReasonLength ? why[..QuizAttemptGrant.MaxReasonLength] : why,
            GrantedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return GrantOutcome.Granted;
    }
}
