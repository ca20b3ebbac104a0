using TrainingLms.Domain.Courses;

namespace TrainingLms.Domain.Tests.Courses;

public class ItemAnalysisTests
{
    private static QuizOption Option(string text, bool correct) => new(new LocalizedText(text, text), correct, new LocalizedText("解", "Why"));

    // Options as written: a) A right; b) A and B right.
    private static readonly Quiz Quiz = new(80,
    [
        new QuizQuestion(QuestionType.Single, new LocalizedText("甲", "A"), [Option("A", true), Option("B", false), Option("C", false), Option("D", false)], "a"),
        new QuizQuestion(QuestionType.Multiple, new LocalizedText("乙", "B"), [Option("A", true), Option("B", true), Option("C", false), Option("D", false)], "b"),
    ]);

    // Shown in another order than written: scoring and analysis go by option identity.
    private static readonly List<ShownQuestion> Shown = [new(1, [3, 2, 1, 0]), new(0, [2, 0, 3, 1])];

    private static AnalysedAttempt Attempt(string person, int[] b, int[] a)
    {
        var answers = new List<IReadOnlyCollection<int>> { b, a };
        var score = Quiz.Grade(Shown, [.. answers.Select(x => (IReadOnlySet<int>)x.ToHashSet())]).ScorePercent;
        return new AnalysedAttempt(person, "05-review", Quiz, Shown, answers, score);
    }

    [Fact]
    public void Analyse_KnownAnswers_SharesCommonWrongOptionsAndDiscrimination()
    {
        // Answers by option identity (0 = A): question b first, as shown.
        var attempts = new[]
        {
            Attempt("p1", [0, 1], [0]),   // 100
            Attempt("p2", [0, 1], [0]),   // 100
            Attempt("p3", [0], [0]),      // 50: b misses B
            Attempt("p4", [0, 1], [1]),   // 50: a is B
            Attempt("p5", [2], [2]),      // 0
            Attempt("p6", [0, 2], [1]),   // 0
        };

        var items = ItemAnalysis.Analyse(attempts);

        var a = items.Single(i => i.QuestionKey == "a");
        var b = items.Single(i => i.QuestionKey == "b");
        Assert.Equal((6, 3, 0.5), (a.Answers, a.Right, a.ShareRight));
        Assert.Equal(("B", 2), (a.CommonWrongOption?.Zh, a.CommonWrongCount));
        Assert.Equal(1.0, a.Discrimination);
        Assert.Equal((6, 3, 0.5), (b.Answers, b.Right, b.ShareRight));
        Assert.Equal(("C", 2), (b.CommonWrongOption?.Zh, b.CommonWrongCount));
        Assert.Equal(1.0, b.Discrimination);
        Assert.All(items, i => Assert.Equal(ItemFlag.None, i.Flag)); // six answers are too few to flag
    }

    [Fact]
    public void Analyse_TenOrMoreAnswers_FlagsNearlyAllRightNearlyAllWrongAndReversed()
    {
        // Twelve learners, all right on a; only the four with the lowest scores right on b.
        var attempts = Enumerable.Range(0, 12).Select(i => Attempt($"p{i:00}", i < 4 ? [0, 1] : [2], [0]) with { ScorePercent = i * 5 }).ToList();
        var allWrong = Enumerable.Range(0, 12).Select(i => Attempt($"q{i:00}", [2], [1])).ToList();

        var items = ItemAnalysis.Analyse(attempts);
        var wrong = ItemAnalysis.Analyse(allWrong);

        Assert.Equal(ItemFlag.NearlyAllRight, items.Single(i => i.QuestionKey == "a").Flag);
        Assert.Equal(ItemFlag.NearlyAllWrong, wrong.Single(i => i.QuestionKey == "a").Flag);
        var b = items.Single(i => i.QuestionKey == "b");
        Assert.Equal((-1.0, ItemFlag.Reversed), (b.Discrimination, b.Flag));
    }

    [Fact]
    public void Analyse_FewerThanThreeLearners_NoDiscrimination()
    {
        var items = ItemAnalysis.Analyse([Attempt("p1", [0, 1], [0]), Attempt("p2", [2], [1])]);

        Assert.All(items, i => Assert.Null(i.Discrimination));
    }
}
