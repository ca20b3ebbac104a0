namespace TrainingLms.Domain.Courses;

/// <summary>
/// Picks the questions of one attempt and the order they and their options are shown in.
/// <para>
/// Every attempt mirrors the pool: each question type gets its share of the draw (largest remainder), so no attempt
/// is all true/false while another is all multiple choice; within that, topics are covered in turn, the least
/// covered first, so a draw at least as large as the number of topics touches every topic.
/// </para>
/// </summary>
public static class QuizDraw
{
    /// <param name="next">A random whole number from 0 up to (not including) its argument.</param>
    public static IReadOnlyList<ShownQuestion> Draw(Quiz quiz, Func<int, int> next)
    {
        var count = quiz.QuestionsPerAttempt;
        var pool = Shuffled(Enumerable.Range(0, quiz.Questions.Count).ToList(), next);
        var quotas = TypeQuotas(quiz, count, next);
        var topicUse = new Dictionary<string, int>();
        var picked = new List<int>();
        while (picked.Count < count)
        {
            var question = pool
                .Where(q => quotas[quiz.Questions[q].Type] > 0)
                .MinBy(q => topicUse.GetValueOrDefault(TopicOf(quiz, q)));
            pool.Remove(question);
            quotas[quiz.Questions[question].Type]--;
            topicUse[TopicOf(quiz, question)] = topicUse.GetValueOrDefault(TopicOf(quiz, question)) + 1;
            picked.Add(question);
        }
        return Shuffled(picked, next).Select(q => new ShownQuestion(q, OptionOrder(quiz.Questions[q], next))).ToList();
    }

    private static string TopicOf(Quiz quiz, int question) => quiz.Questions[question].Topic ?? "";

    /// <summary>How many questions of each type one attempt shows: the pool's shares of the draw, remainders to the largest fractions.</summary>
    public static Dictionary<QuestionType, int> TypeQuotas(Quiz quiz, int count, Func<int, int> next)
    {
        var byType = quiz.Questions.GroupBy(q => q.Type).ToDictionary(g => g.Key, g => g.Count());
        var total = quiz.Questions.Count;
        var quotas = byType.ToDictionary(t => t.Key, t => count * t.Value / total);
        var remainders = Shuffled(byType.Keys.ToList(), next)
            .OrderByDescending(type => count * byType[type] % total)
            .Take(count - quotas.Values.Sum());
        foreach (var type in remainders) quotas[type]++;
        return quotas;
    }

    private static List<int> OptionOrder(QuizQuestion question, Func<int, int> next)
    {
        var written = Enumerable.Range(0, question.Options.Count).ToList();
        // True and false keep their order: a shuffled pair only confuses, and "always false" is beaten by a spread of answers.
        return question.Shuffle && question.Type != QuestionType.TrueFalse ? Shuffled(written, next) : written;
    }

    private static List<T> Shuffled<T>(List<T> items, Func<int, int> next)
    {
        var copy = items.ToList();
        for (var i = copy.Count - 1; i > 0; i--)
        {
            var j = next(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy;
    }
}
