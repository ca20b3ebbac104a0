using TrainingLms.Domain.Courses;

namespace TrainingLms.Domain.Tests.Courses;

public class QuizDrawTests
{
    private static readonly LocalizedText Text = new("文", "Text");

    private static QuizQuestion Question(QuestionType type, string id, string? topic = null, int options = 4, bool shuffle = true) =>
        new(type, Text, [.. Enumerable.Range(0, type == QuestionType.TrueFalse ? 2 : options).Select(i => new QuizOption(Text, i == 0, Text))], id, topic, shuffle);

    /// <summary>A pool of 16: 6 multiple, 6 single and 4 true/false, over four topics.</summary>
    private static Quiz Pool(int? draw = 8)
    {
        var topics = new[] { "meet", "smile", "greet", "rise" };
        var questions = Enumerable.Range(0, 6).Select(i => Question(QuestionType.Multiple, $"m{i}", topics[i % 4]))
            .Concat(Enumerable.Range(0, 6).Select(i => Question(QuestionType.Single, $"s{i}", topics[(i + 1) % 4])))
            .Concat(Enumerable.Range(0, 4).Select(i => Question(QuestionType.TrueFalse, $"t{i}", topics[(i + 2) % 4])))
            .ToList();
        return new Quiz(80, questions, draw);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(99)]
    public void Draw_AnySeed_TheDrawSizeOfDistinctQuestionsInTheTypeShares_EveryTopic(int seed)
    {
        var quiz = Pool();

        var shown = QuizDraw.Draw(quiz, new Random(seed).Next);

        Assert.Equal(8, shown.Count);
        Assert.Equal(8, shown.Select(s => s.Question).Distinct().Count());
        var types = shown.GroupBy(s => quiz.Questions[s.Question].Type).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, types[QuestionType.Multiple]);
        Assert.Equal(3, types[QuestionType.Single]);
        Assert.Equal(2, types[QuestionType.TrueFalse]);
        Assert.Equal(["greet", "meet", "rise", "smile"], shown.Select(s => quiz.Questions[s.Question].Topic).Distinct().Order());
        // Every option of every question shown once, in some order.
        Assert.All(shown, s => Assert.Equal(Enumerable.Range(0, quiz.Questions[s.Question].Options.Count), s.Options.Order()));
    }

    [Fact]
    public void Draw_ManyAttempts_OrdersDiffer_AndEveryQuestionComesUp()
    {
        var quiz = Pool();
        var random = new Random(7);

        var draws = Enumerable.Range(0, 50).Select(_ => QuizDraw.Draw(quiz, random.Next)).ToList();

        Assert.True(draws.Select(d => string.Join(",", d.Select(s => $"{s.Question}:{string.Join("", s.Options)}"))).Distinct().Count() == 50);
        Assert.Equal(Enumerable.Range(0, 16), draws.SelectMany(d => d.Select(s => s.Question)).Distinct().Order());
        // Shuffled options: the right option (written first) is not always shown first.
        var firstShownIsRight = draws.SelectMany(d => d).Where(s => quiz.Questions[s.Question].Type == QuestionType.Single).Select(s => s.Options[0] == 0).ToList();
        Assert.InRange(firstShownIsRight.Count(r => r) / (double)firstShownIsRight.Count, 0.1, 0.45);
    }

    [Fact]
    public void Draw_TrueFalseAndUnshuffledQuestions_KeepTheirWrittenOrder()
    {
        var quiz = new Quiz(80, [Question(QuestionType.TrueFalse, "t"), Question(QuestionType.Single, "fixed", shuffle: false, options: 5)]);

        foreach (var seed in Enumerable.Range(0, 20))
            Assert.All(QuizDraw.Draw(quiz, new Random(seed).Next), s => Assert.Equal(Enumerable.Range(0, s.Options.Count), s.Options));
    }

    [Fact]
    public void Draw_NoDraw_ShowsTheWholePoolInANewOrder()
    {
        var quiz = Pool(draw: null);

        var shown = QuizDraw.Draw(quiz, new Random(3).Next);

        Assert.Equal(Enumerable.Range(0, 16), shown.Select(s => s.Question).Order());
        Assert.NotEqual(Enumerable.Range(0, 16), shown.Select(s => s.Question));
    }

    [Fact]
    public void Grade_ShownOrder_ScoredByOptionIdentityNotPosition()
    {
        var quiz = Pool();
        // The right option of s0 (question 6) is option 0 as written, shown last here.
        var shown = new List<ShownQuestion> { new(6, [3, 1, 2, 0]) };

        Assert.True(quiz.Grade(shown, [new HashSet<int> { 0 }]).Passed);
        Assert.False(quiz.Grade(shown, [new HashSet<int> { 3 }]).Passed);
    }
}
