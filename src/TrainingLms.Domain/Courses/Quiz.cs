namespace TrainingLms.Domain.Courses;

public enum QuestionType
{
    Single = 1,
    Multiple = 2,
    TrueFalse = 3,
}

public sealed record QuizOption(LocalizedText Text, bool Correct, LocalizedText Explanation);

/// <summary>A question; a true/false question is stored as two options, "true" first.</summary>
public sealed record QuizQuestion(QuestionType Type, LocalizedText Prompt, IReadOnlyList<QuizOption> Options)
{
    public bool IsAnsweredBy(IReadOnlySet<int> chosen) =>
        chosen.All(index => index >= 0 && index < Options.Count)
        && Options.Select((option, index) => option.Correct == chosen.Contains(index)).All(right => right);
}

/// <summary>A knowledge check: passed when the share of exactly-right answers reaches the pass mark.</summary>
public sealed record Quiz(int PassMark, IReadOnlyList<QuizQuestion> Questions)
{
    public const int DefaultPassMark = 80;

    /// <param name="answers">The chosen option indexes per question; a missing question counts as wrong.</param>
    public QuizResult Grade(IReadOnlyList<IReadOnlySet<int>> answers)
    {
        var right = Questions.Select((question, index) => index < answers.Count && question.IsAnsweredBy(answers[index])).ToList();
        var score = Questions.Count == 0 ? 100 : (int)Math.Floor(100.0 * right.Count(r => r) / Questions.Count);
        return new QuizResult(right, score, score >= PassMark);
    }
}

public sealed record QuizResult(IReadOnlyList<bool> QuestionsRight, int ScorePercent, bool Passed);
