namespace TrainingLms.Domain.Courses;

/// <summary>
/// Whether a learner who answers by position alone — one option per question ("always the first", "always C",
/// "always false") or every option but one ("all but the last") — could ever reach a check's pass mark.
/// <para>
/// A multiple-choice question with at least two right and at least two wrong options can never be answered right by
/// such a strategy, whatever the order. The draw gives every attempt the pool's share of multiple-choice questions;
/// if enough of those are always there, the pass mark is out of reach for every order the draw can produce.
/// </para>
/// </summary>
public static class PositionalGuessing
{
    public static bool DefeatsPosition(QuizQuestion question)
    {
        var right = question.Options.Count(o => o.Correct);
        return question.Type == QuestionType.Multiple && right >= 2 && question.Options.Count - right >= 2;
    }

    /// <summary>The fewest position-proof questions any one attempt of the check can hold.</summary>
    public static int FewestProofQuestionsPerAttempt(Quiz quiz)
    {
        if (quiz.Questions.Count == 0) return 0;
        var count = quiz.QuestionsPerAttempt;
        var multiples = quiz.Questions.Count(q => q.Type == QuestionType.Multiple);
        var fewestMultiples = count * multiples / quiz.Questions.Count;
        var weakMultiples = quiz.Questions.Count(q => q.Type == QuestionType.Multiple && !DefeatsPosition(q));
        return Math.Max(0, fewestMultiples - weakMultiples);
    }

    /// <summary>True when some attempt could be passed by position, even if only by luck.</summary>
    public static bool CanPass(Quiz quiz)
    {
        var count = quiz.QuestionsPerAttempt;
        if (count == 0) return true;
        var best = count - FewestProofQuestionsPerAttempt(quiz);
        return (int)Math.Floor(100.0 * best / count) >= quiz.PassMark;
    }
}
