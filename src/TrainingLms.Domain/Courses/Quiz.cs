namespace TrainingLms.Domain.Courses;

public enum QuestionType
{
    Single = 1,
    Multiple = 2,
    TrueFalse = 3,
}

/// <summary>What a learner sees of a failed attempt while attempts remain.</summary>
public enum QuizReview
{
    /// <summary>Which questions were wrong, never which option is right.</summary>
    WrongOnly = 1,

    /// <summary>Every option marked, with its explanation.</summary>
    Full = 2,
}

public sealed record QuizOption(LocalizedText Text, bool Correct, LocalizedText Explanation);

/// <summary>
/// A question; a true/false question is stored as two options, "true" first. An option's identity is its index in
/// <see cref="Options"/> (the order the author wrote), whatever order a learner was shown.
/// </summary>
/// <param name="Id">Unique in its check and kept across edits; it ties answers and item analysis to the question.</param>
/// <param name="Topic">Draws cover each topic of the pool as far as the draw allows.</param>
/// <param name="Shuffle">False keeps the options in the written order (e.g. "all of the above" last).</param>
public sealed record QuizQuestion(
    QuestionType Type, LocalizedText Prompt, IReadOnlyList<QuizOption> Options, string? Id = null, string? Topic = null, bool Shuffle = true)
{
    public bool IsAnsweredBy(IReadOnlySet<int> chosen) =>
        chosen.All(index => index >= 0 && index < Options.Count)
        && Options.Select((option, index) => option.Correct == chosen.Contains(index)).All(right => right);

    public IReadOnlySet<int> RightOptions => Enumerable.Range(0, Options.Count).Where(i => Options[i].Correct).ToHashSet();
}

/// <summary>
/// A knowledge check: a pool of questions of which each attempt shows <see cref="Draw"/> (all when null), in an order
/// of its own; passed when the share of exactly-right answers reaches the pass mark. Attempts are limited to
/// <see cref="MaxAttempts"/> per window, and a spent window opens again <see cref="RetakeAfterHours"/> after its last attempt.
/// </summary>
public sealed record Quiz(
    int PassMark, IReadOnlyList<QuizQuestion> Questions, int? Draw = null, QuizReview Review = QuizReview.WrongOnly,
    int MaxAttempts = Quiz.DefaultMaxAttempts, int RetakeAfterHours = Quiz.DefaultRetakeAfterHours)
{
    public const int DefaultPassMark = 80;
    public const int DefaultMaxAttempts = 3;
    public const int DefaultRetakeAfterHours = 12;

    /// <summary>How many questions one attempt shows.</summary>
    public int QuestionsPerAttempt => Math.Min(Draw ?? Questions.Count, Questions.Count);

    /// <summary>The question's identity: its <see cref="QuizQuestion.Id"/>, or its place in the pool for checks written before ids.</summary>
    public string QuestionKey(int index) => Questions[index].Id ?? $"q{index + 1}";

    /// <param name="answers">The chosen option indexes per question; a missing question counts as wrong.</param>
    public QuizResult Grade(IReadOnlyList<IReadOnlySet<int>> answers) =>
        Grade(Enumerable.Range(0, Questions.Count).Select(ShownQuestion.InWrittenOrder(this)).ToList(), answers);

    /// <summary>Grades the questions an attempt showed, by option identity; the order they were shown in plays no part.</summary>
    /// <param name="answers">Per shown question, the chosen options by identity; a missing one counts as wrong.</param>
    public QuizResult Grade(IReadOnlyList<ShownQuestion> shown, IReadOnlyList<IReadOnlySet<int>> answers)
    {
        var right = shown.Select((question, index) => index < answers.Count && Questions[question.Question].IsAnsweredBy(answers[index])).ToList();
        var score = shown.Count == 0 ? 100 : (int)Math.Floor(100.0 * right.Count(r => r) / shown.Count);
        return new QuizResult(right, score, score >= PassMark);
    }
}

/// <summary>One question as an attempt showed it: its index in the pool and its options' identities in the order shown.</summary>
public sealed record ShownQuestion(int Question, IReadOnlyList<int> Options)
{
    public static Func<int, ShownQuestion> InWrittenOrder(Quiz quiz) =>
        index => new ShownQuestion(index, Enumerable.Range(0, quiz.Questions[index].Options.Count).ToList());
}

public sealed record QuizResult(IReadOnlyList<bool> QuestionsRight, int ScorePercent, bool Passed);
