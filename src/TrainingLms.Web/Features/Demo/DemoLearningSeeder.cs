using TrainingLms.Web.Features.Courses;
using TrainingLms.Web.Features.Courses.Checks;

namespace TrainingLms.Web.Features.Demo;

/// <summary>
/// Gives the demo staff some learning history once the courses are published — a third finished the first
/// course, a third are part-way, the rest have not begun and a few of those are overdue — so the learner,
/// class-leader and administrator pages show something. Goes through the same completion service as the
/// learners' pages; the demo sign-in accounts are left untouched so they can be tried from the start.
/// </summary>
public sealed class DemoLearningSeeder(IDbContextFactory<LmsDbContext> dbFactory, LessonCompletions completions, KnowledgeChecks checks, TimeProvider clock)
{
    private const string FirstCourse = "meet-smile-greet-rise";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.LessonCompletions.AnyAsync(cancellationToken)) return;
        var course = await db.Courses.Where(c => c.Slug == FirstCourse && c.CurrentRevisionId != null)
            .Select(c => new { c.Id, c.CurrentRevisionId }).SingleOrDefaultAsync(cancellationToken);
        if (course is null) return;
        var lessons = await db.LessonRevisions.Where(l => l.CourseRevisionId == course.CurrentRevisionId).OrderBy(l => l.Order)
            .Select(l => new { l.Key, l.Quiz }).ToListAsync(cancellationToken);
        var accounts = DemoSeeder.Accounts.Select(a => a.EmployeeNumber).ToList();
        var learners = await db.CourseAssignments.Where(a => a.CourseId == course.Id)
            .Join(db.Users, a => a.PersonId, p => p.Id, (_, p) => p)
            .Where(p => !accounts.Contains(p.UserName!))
            .OrderBy(p => p.UserName).Select(p => p.Id).ToListAsync(cancellationToken);

        var notBegun = new List<string>();
        foreach (var (personId, index) in learners.Select((id, i) => (id, i)))
        {
            var lessonsDone = (index % 3) switch { 0 => lessons.Count, 1 => 2, _ => 0 };
            if (lessonsDone == 0) notBegun.Add(personId);
            foreach (var lesson in lessons.Take(lessonsDone))
            {
                if (lesson.Quiz is null)
                {
                    await completions.CompleteAsync(personId, FirstCourse, lesson.Key, cancellationToken);
                    continue;
                }
                // Some need a second try, so the trainer's item analysis and learners' pages have something to show.
                if (index % 2 == 0) await TakeCheckAsync(personId, lesson.Key, right: false, cancellationToken);
                await TakeCheckAsync(personId, lesson.Key, right: true, cancellationToken);
            }
        }

        var threeDaysAgo = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-3);
        var overdue = notBegun.Where((_, i) => i % 2 == 0).ToList();
        // Saved through the change tracker, so the learners' cached records are told.
        foreach (var assignment in await db.CourseAssignments.Where(a => a.CourseId == course.Id && overdue.Contains(a.PersonId)).ToListAsync(cancellationToken))
            assignment.DueOn = threeDaysAgo;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Starts an attempt and hands in the right answers as the learner would tick them in the order drawn — or, for a
    /// miss, a wrong option on the first two questions shown and the right answers to the rest.
    /// </summary>
    private async Task TakeCheckAsync(string personId, string lessonKey, bool right, CancellationToken cancellationToken)
    {
        var (_, standing) = await checks.StartAsync(personId, FirstCourse, lessonKey, cancellationToken);
        if (standing?.Open is not { } open) return;
        var positions = open.KeyPositions().ToList();
        if (!right)
            for (var q = 0; q < 2 && q < positions.Count; q++)
                positions[q] = [Enumerable.Range(0, open.Attempt.Shown[q].Options.Count).First(p => !positions[q].Contains(p))];
        await checks.SubmitAsync(personId, FirstCourse, lessonKey, open.Attempt.Id, positions, cancellationToken);
    }
}
