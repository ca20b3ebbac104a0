using TrainingLms.Domain.Courses;
using TrainingLms.Web.Features.Courses.Caching;

namespace TrainingLms.Web.Features.Courses.Checks;

/// <summary>A knowledge check as learners meet it now: the current revision of its lesson.</summary>
public sealed record CurrentCheck(int CourseId, string CourseSlug, int Version, LessonRevision Lesson, Quiz Quiz);

/// <summary>An attempt with the check it was drawn from (an earlier patch of the lesson, perhaps).</summary>
public sealed record AttemptPaper(QuizAttempt Attempt, Quiz Quiz)
{
    /// <summary>The answer key as the learner saw it: per shown question, the positions of its right options.</summary>
    public IReadOnlyList<IReadOnlyList<int>> KeyPositions() => Attempt.Shown
        .Select(shown => (IReadOnlyList<int>)Enumerable.Range(0, shown.Options.Count).Where(p => Quiz.Questions[shown.Question].Options[shown.Options[p]].Correct).ToList())
        .ToList();
}

/// <summary>
/// Where a learner stands with a check: the rules' verdict, the attempt in progress, the last one handed in and how
/// much of it the learner may see.
/// </summary>
public sealed record CheckStanding(QuizAttemptState State, AttemptPaper? Open, AttemptPaper? LastFinished, QuizReveal LastReveal, int FinishedCount);

public enum StartOutcome
{
    Started = 1,
    NotFound = 2,
    AlreadyPassed = 3,
    /// <summary>No attempt is left in this window; the standing says when the next opens.</summary>
    NoAttemptLeft = 4,
}

public enum SubmitOutcome
{
    Graded = 1,
    NotFound = 2,
    /// <summary>This attempt was handed in before (a double tap, a second tab): its first result stands.</summary>
    AlreadyFinished = 3,
}

public sealed record SubmitResult(SubmitOutcome Outcome, QuizAttempt? Attempt = null, bool CourseCompleted = false, bool ClipsPending = false);

/// <summary>
/// Runs a learner's attempts at a knowledge check: draws and stores the questions when an attempt starts, grades the
/// answers by option identity when it is handed in, and holds the attempt rules (attempts per window, cool-down,
/// a trainer's extra attempt).
/// </summary>
public sealed class KnowledgeChecks(
    IDbContextFactory<LmsDbContext> dbFactory, LiveCourseCache liveCourses, CourseRevisionCache revisions,
    LessonCompletions completions, QuizDrawRandom random, TimeProvider clock)
{
    public async Task<CurrentCheck?> FindAsync(string courseSlug, string lessonKey, CancellationToken cancellationToken = default)
    {
        if (!(await liveCourses.GetAsync(cancellationToken)).BySlug.TryGetValue(courseSlug, out var course)) return null;
        var revision = await revisions.GetAsync(course.RevisionId, cancellationToken);
        return revision.Lessons.FirstOrDefault(l => l.Key == lessonKey) is { Quiz: { } quiz } lesson
            ? new CurrentCheck(course.Id, course.Slug, revision.Version, lesson, quiz)
            : null;
    }

    public async Task<CheckStanding> StandingAsync(string personId, CurrentCheck check, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await StandingAsync(db, personId, check, cancellationToken);
    }

    public async Task<(StartOutcome Outcome, CheckStanding? Standing)> StartAsync(string personId, string courseSlug, string lessonKey, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(courseSlug, lessonKey, cancellationToken) is not { } check) return (StartOutcome.NotFound, null);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var standing = await StandingAsync(db, personId, check, cancellationToken);
        if (standing.Open is not null) return (StartOutcome.Started, standing);
        if (standing.State.Passed) return (StartOutcome.AlreadyPassed, standing);
        if (!standing.State.CanStart) return (StartOutcome.NoAttemptLeft, standing);

        db.QuizAttempts.Add(new QuizAttempt
        {
            PersonId = personId,
            CourseId = check.CourseId,
            LessonKey = lessonKey,
            CourseVersion = check.Version,
            LessonRevisionId = check.Lesson.Id,
            Shown = [.. random.Draw(check.Quiz)],
            StartedAtUtc = Now,
        });
        // A second tap or tab may start at the same moment: the open-attempt index keeps one, and both get it.
        await UniqueIndex.SaveOnceAsync(db, cancellationToken);
        return (StartOutcome.Started, await StandingAsync(db, personId, check, cancellationToken));
    }

    /// <param name="chosenPositions">Per shown question, the positions ticked as the learner saw them; mapped to option identities here.</param>
    public async Task<SubmitResult> SubmitAsync(string personId, string courseSlug, string lessonKey, int attemptId,
        IReadOnlyList<IReadOnlyList<int>> chosenPositions, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attempt = await db.QuizAttempts.AsNoTracking().SingleOrDefaultAsync(
            a => a.Id == attemptId && a.PersonId == personId && a.LessonKey == lessonKey, cancellationToken);
        if (attempt is null || await QuizOfAsync(db, attempt, cancellationToken) is not { } quiz) return new SubmitResult(SubmitOutcome.NotFound);
        if (await FindAsync(courseSlug, lessonKey, cancellationToken) is not { } check || check.CourseId != attempt.CourseId)
            return new SubmitResult(SubmitOutcome.NotFound);
        if (attempt.FinishedAtUtc is not null) return new SubmitResult(SubmitOutcome.AlreadyFinished, attempt);

        var answers = attempt.Shown.Select((shown, i) => Identities(shown, i < chosenPositions.Count ? chosenPositions[i] : [])).ToList();
        var result = quiz.Grade(attempt.Shown, answers);
        var now = Now;
        // Only the first hand-in of an attempt counts: the update applies to an attempt still open.
        var finished = await db.QuizAttempts.Where(a => a.Id == attemptId && a.FinishedAtUtc == null).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.FinishedAtUtc, now)
            .SetProperty(a => a.ScorePercent, result.ScorePercent)
            .SetProperty(a => a.Passed, result.Passed)
            .SetProperty(a => a.Answers, answers.Select(a => a.Order().ToList()).ToList()), cancellationToken);
        var stored = await db.QuizAttempts.AsNoTracking().SingleAsync(a => a.Id == attemptId, cancellationToken);
        if (finished == 0) return new SubmitResult(SubmitOutcome.AlreadyFinished, stored);
        // A pass at an older version than the course now has counts for nothing: the learner redoes the check at the new one.
        if (!result.Passed || attempt.CourseVersion != check.Version) return new SubmitResult(SubmitOutcome.Graded, stored);
        var recorded = await completions.RecordPassAsync(personId, check, cancellationToken);
        return new SubmitResult(SubmitOutcome.Graded, stored, recorded.CourseCompleted, recorded.ClipsPending);
    }

    /// <summary>The check an attempt was drawn from (the lesson revision it names), whatever the course holds now.</summary>
    public static async Task<Quiz?> QuizOfAsync(LmsDbContext db, QuizAttempt attempt, CancellationToken cancellationToken) =>
        attempt.LessonRevisionId is { } revisionId
            ? await db.LessonRevisions.AsNoTracking().Where(l => l.Id == revisionId).Select(l => l.Quiz).SingleOrDefaultAsync(cancellationToken)
            : null;

    private static HashSet<int> Identities(ShownQuestion shown, IReadOnlyList<int> positions) =>
        positions.Select(p => p >= 0 && p < shown.Options.Count ? shown.Options[p] : -1).ToHashSet();

    private async Task<CheckStanding> StandingAsync(LmsDbContext db, string personId, CurrentCheck check, CancellationToken cancellationToken)
    {
        var attempts = await db.QuizAttempts.AsNoTracking()
            .Where(a => a.PersonId == personId && a.CourseId == check.CourseId && a.LessonKey == check.Lesson.Key && a.CourseVersion == check.Version)
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var grants = await db.QuizAttemptGrants.AsNoTracking()
            .Where(g => g.PersonId == personId && g.CourseId == check.CourseId && g.LessonKey == check.Lesson.Key && g.CourseVersion == check.Version)
            .Select(g => g.GrantedAtUtc)
            .ToListAsync(cancellationToken);
        var finished = attempts.Where(a => a.FinishedAtUtc is not null).ToList();
        var state = QuizAttemptRules.Evaluate(check.Quiz, finished.Select(a => a.FinishedAtUtc!.Value), grants, finished.Any(a => a.Passed), Now);
        var last = finished.LastOrDefault();
        var reveal = last is null ? QuizReveal.WhichWrong : RevealOf(check.Quiz, last, finished, grants);
        return new CheckStanding(state, await PaperAsync(db, check, attempts.FirstOrDefault(a => a.FinishedAtUtc is null), cancellationToken),
            await PaperAsync(db, check, last, cancellationToken), reveal, finished.Count);
    }

    /// <summary>What the learner may see of an attempt: judged as things stood the moment it was handed in.</summary>
    private static QuizReveal RevealOf(Quiz quiz, QuizAttempt attempt, List<QuizAttempt> finished, List<DateTime> grants)
    {
        var at = attempt.FinishedAtUtc!.Value;
        var then = QuizAttemptRules.Evaluate(quiz, finished.Select(a => a.FinishedAtUtc!.Value).Where(t => t <= at), grants.Where(g => g <= at), attempt.Passed, at);
        return QuizReviewRules.ForLearner(quiz, attempt.Passed, then.WindowSpent);
    }

    private static async Task<AttemptPaper?> PaperAsync(LmsDbContext db, CurrentCheck check, QuizAttempt? attempt, CancellationToken cancellationToken)
    {
        if (attempt is null) return null;
        if (attempt.LessonRevisionId == check.Lesson.Id) return new AttemptPaper(attempt, check.Quiz);
        return await QuizOfAsync(db, attempt, cancellationToken) is { } quiz ? new AttemptPaper(attempt, quiz) : null;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
