namespace TrainingLms.Domain.Courses;

/// <summary>Where a learner stands with one knowledge check.</summary>
/// <param name="AttemptsLeft">Attempts the learner may still start in the current window.</param>
/// <param name="NextOpensAtUtc">When the window is spent: the moment a new one opens.</param>
public sealed record QuizAttemptState(bool Passed, int AttemptsLeft, DateTime? NextOpensAtUtc)
{
    public bool CanStart => !Passed && AttemptsLeft > 0;

    /// <summary>No attempt is left until the cool-down ends: the learner may see every explanation now.</summary>
    public bool WindowSpent => AttemptsLeft == 0 && NextOpensAtUtc is not null;
}

/// <summary>
/// The attempt rules of a knowledge check: <see cref="Quiz.MaxAttempts"/> per window; once a window is spent, the next
/// opens <see cref="Quiz.RetakeAfterHours"/> after its last attempt. A trainer's grant adds one attempt to the window
/// it is given in. Only finished attempts count.
/// </summary>
public static class QuizAttemptRules
{
    public static QuizAttemptState Evaluate(Quiz quiz, IEnumerable<DateTime> finishedAttemptsUtc, IEnumerable<DateTime> grantsUtc, bool passed, DateTime nowUtc)
    {
        var coolDown = TimeSpan.FromHours(quiz.RetakeAfterHours);
        var events = finishedAttemptsUtc.Select(at => (At: at, IsGrant: false))
            .Concat(grantsUtc.Select(at => (At: at, IsGrant: true)))
            .OrderBy(e => e.At).ThenBy(e => e.IsGrant);
        var used = 0;
        var allowance = quiz.MaxAttempts;
        DateTime? spentAt = null;
        foreach (var (at, isGrant) in events)
        {
            if (isGrant)
            {
                allowance++;
                if (used < allowance) spentAt = null;
                continue;
            }
            if (spentAt is { } spent && at >= spent + coolDown) (used, allowance, spentAt) = (0, quiz.MaxAttempts, null);
            used++;
            if (used >= allowance) spentAt = at;
        }
        if (spentAt is { } closed && nowUtc >= closed + coolDown) return new QuizAttemptState(passed, quiz.MaxAttempts, null);
        return spentAt is { } last
            ? new QuizAttemptState(passed, 0, last + coolDown)
            : new QuizAttemptState(passed, Math.Max(0, allowance - used), null);
    }
}

/// <summary>How much of a finished attempt its review shows.</summary>
public enum QuizReveal
{
    /// <summary>Which questions were right and which wrong, with the options the learner chose; never which option is right.</summary>
    WhichWrong = 1,

    /// <summary>Every option marked right or wrong, with its explanation.</summary>
    Everything = 2,
}

public static class QuizReviewRules
{
    /// <summary>
    /// A learner sees everything of a pass, of any attempt when the check says <c>review: full</c>, and of the attempt
    /// that spent its window (no attempt was left after it): from then on, studying the explanations is the point.
    /// </summary>
    public static QuizReveal ForLearner(Quiz quiz, bool passed, bool spentItsWindow) =>
        passed || spentItsWindow || quiz.Review == QuizReview.Full ? QuizReveal.Everything : QuizReveal.WhichWrong;
}
