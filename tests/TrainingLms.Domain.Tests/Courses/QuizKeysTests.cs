using TrainingLms.Domain.Courses;

namespace TrainingLms.Domain.Tests.Courses;

public class QuizKeysTests
{
    private static QuizOption Option(string zh, bool correct) => new(new LocalizedText(zh, zh), correct, new LocalizedText("解", "Why"));

    private static QuizQuestion Question(string id, params QuizOption[] options) => new(QuestionType.Single, new LocalizedText("题", "Q"), options, id);

    private static readonly Quiz Before = new(80,
    [
        Question("eyes", Option("微笑点头", true), Option("低头", false)),
        Question("greet", Option("主动问好", true), Option("等对方", false)),
    ]);

    [Fact]
    public void Changed_OptionsReorderedQuestionsAddedOrRemoved_NoKeyChanged()
    {
        var after = new Quiz(80,
        [
            Question("eyes", Option("低头", false), Option("微笑点头", true)),
            Question("new", Option("甲", true), Option("乙", false)),
        ], Draw: 1);

        Assert.Empty(QuizKeys.Changed(Before, after));
    }

    [Fact]
    public void Changed_RightAnswerMoved_TheQuestionNamed()
    {
        var after = Before with { Questions = [Before.Questions[0], Question("greet", Option("主动问好", false), Option("等对方", true))] };

        Assert.Equal(["greet"], QuizKeys.Changed(Before, after));
    }
}
