namespace TrainingLms.Domain.Courses;

/// <summary>
/// Compares the answer keys of two states of a knowledge check. Adding or removing questions, rewording them or
/// reordering options leaves a pass meaningful (a patch); a question whose right answer changed makes earlier passes
/// mean something else, so it needs a new course version.
/// </summary>
public static class QuizKeys
{
    /// <summary>The keys of questions in both checks whose right options (compared by their Chinese text) differ.</summary>
    public static IReadOnlyList<string> Changed(Quiz? before, Quiz? after)
    {
        if (before is null || after is null) return [];
        var old = before.Questions.Select((q, i) => (Key: before.QuestionKey(i), Right: Key(q))).ToDictionary(q => q.Key, q => q.Right);
        return after.Questions
            .Select((q, i) => (Key: after.QuestionKey(i), Right: Key(q)))
            .Where(q => old.TryGetValue(q.Key, out var right) && !right.SetEquals(q.Right))
            .Select(q => q.Key)
            .ToList();
    }

    private static HashSet<string> Key(QuizQuestion question) =>
        question.Options.Where(o => o.Correct).Select(o => o.Text.Zh.Trim()).ToHashSet(StringComparer.Ordinal);
}
