namespace TrainingLms.Domain.Courses;

/// <summary>One finished attempt as item analysis needs it: who, which check, the questions shown and the answers given.</summary>
public sealed record AnalysedAttempt(string PersonId, string LessonKey, Quiz Quiz, IReadOnlyList<ShownQuestion> Shown, IReadOnlyList<IReadOnlyCollection<int>> Answers, int ScorePercent);

public enum ItemFlag
{
    None = 0,
    /// <summary>Nearly everyone gets it right: it tells nothing apart.</summary>
    NearlyAllRight = 1,
    /// <summary>Nearly everyone gets it wrong: unclear, wrongly keyed or not taught.</summary>
    NearlyAllWrong = 2,
    /// <summary>Those who do worst overall do better on it than those who do best.</summary>
    Reversed = 3,
}

/// <param name="CommonWrongOption">The wrong option chosen most often (its text as last written), with how many times.</param>
/// <param name="Discrimination">Share right among the best third of learners minus the share among the worst third; null with too few learners.</param>
public sealed record ItemStatistics(
    string LessonKey, string QuestionKey, LocalizedText Prompt, int Answers, int Right, LocalizedText? CommonWrongOption, int CommonWrongCount,
    double? Discrimination, ItemFlag Flag)
{
    public double ShareRight => Answers == 0 ? 0 : (double)Right / Answers;
}

/// <summary>
/// Classical item analysis of knowledge checks: per question, how often it was answered right, which wrong option drew
/// most, and whether it separates learners who know the course from those who do not (the best third against the
/// worst third, ranked by each learner's mean score on that check).
/// </summary>
public static class ItemAnalysis
{
    /// <summary>Fewer answers than this and a question is not flagged: a handful of learners proves nothing.</summary>
    public const int MinAnswersToFlag = 10;

    public const double NearlyAllShare = 0.95, NearlyNoneShare = 0.2;

    public static IReadOnlyList<ItemStatistics> Analyse(IEnumerable<AnalysedAttempt> attempts) =>
        attempts.GroupBy(a => a.LessonKey).OrderBy(g => g.Key, StringComparer.Ordinal).SelectMany(AnalyseCheck).ToList();

    private sealed record Answer(string PersonId, string QuestionKey, QuizQuestion Question, bool Right, IReadOnlyCollection<int> Chosen);

    private static IEnumerable<ItemStatistics> AnalyseCheck(IGrouping<string, AnalysedAttempt> check)
    {
        var (best, worst) = Thirds(check);
        var answers = check.SelectMany(attempt => attempt.Shown.Select((shown, i) =>
        {
            var question = attempt.Quiz.Questions[shown.Question];
            var chosen = i < attempt.Answers.Count ? attempt.Answers[i] : [];
            return new Answer(attempt.PersonId, attempt.Quiz.QuestionKey(shown.Question), question, question.IsAnsweredBy(chosen.ToHashSet()), chosen);
        }));
        return answers.GroupBy(a => a.QuestionKey).OrderBy(g => g.Key, StringComparer.Ordinal).Select(question =>
        {
            var latest = question.Last().Question;
            var right = question.Count(a => a.Right);
            var wrongChoices = question.Where(a => !a.Right)
                .SelectMany(a => a.Chosen.Where(o => o >= 0 && o < a.Question.Options.Count && !a.Question.Options[o].Correct).Select(o => a.Question.Options[o].Text))
                .GroupBy(text => text.Zh).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault();
            var discrimination = ShareRight(question, best) - ShareRight(question, worst);
            var stats = new ItemStatistics(check.Key, question.Key, latest.Prompt, question.Count(), right, wrongChoices?.First(), wrongChoices?.Count() ?? 0,
                discrimination, ItemFlag.None);
            return stats with { Flag = FlagOf(stats) };
        });
    }

    private static ItemFlag FlagOf(ItemStatistics stats) =>
        stats.Answers < MinAnswersToFlag ? ItemFlag.None
        : stats.ShareRight >= NearlyAllShare ? ItemFlag.NearlyAllRight
        : stats.ShareRight <= NearlyNoneShare ? ItemFlag.NearlyAllWrong
        : stats.Discrimination < 0 ? ItemFlag.Reversed
        : ItemFlag.None;

    /// <summary>The best and worst thirds of the check's learners by their mean score; empty with fewer than three learners.</summary>
    private static (HashSet<string> Best, HashSet<string> Worst) Thirds(IEnumerable<AnalysedAttempt> check)
    {
        var ranked = check.GroupBy(a => a.PersonId)
            .Select(g => (Person: g.Key, Mean: g.Average(a => a.ScorePercent)))
            .OrderByDescending(l => l.Mean).ThenBy(l => l.Person, StringComparer.Ordinal)
            .Select(l => l.Person).ToList();
        var third = ranked.Count / 3;
        return (ranked.Take(third).ToHashSet(), ranked.Skip(ranked.Count - third).ToHashSet());
    }

    private static double? ShareRight(IEnumerable<Answer> answers, HashSet<string> group)
    {
        var mine = answers.Where(a => group.Contains(a.PersonId)).ToList();
        return mine.Count == 0 ? null : (double)mine.Count(a => a.Right) / mine.Count;
    }
}
