using TrainingLms.Domain.Courses;
using YamlDotNet.RepresentationModel;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Features.Courses.Content;

/// <summary>Reads a fenced <c>quiz</c> block (format in content/README.md).</summary>
public static class QuizParser
{
    private static readonly LocalizedText TrueText = new("正确", "True");
    private static readonly LocalizedText FalseText = new("错误", "False");

    public const int MaxAttemptsLimit = 20, MaxRetakeAfterHours = 24 * 30;

    public static Quiz? Parse(string yaml, ProblemLog log)
    {
        var before = log.Count;
        if (YamlFields.Load(yaml, log) is not { } quiz) return null;
        var passMark = quiz.Number("passMark", 1, 100, required: false) ?? Quiz.DefaultPassMark;
        var draw = quiz.Number("draw", 1, 1000, required: false);
        var review = Review(quiz);
        var maxAttempts = quiz.Number("maxAttempts", 1, MaxAttemptsLimit, required: false) ?? Quiz.DefaultMaxAttempts;
        var retakeAfterHours = quiz.Number("retakeAfterHours", 0, MaxRetakeAfterHours, required: false) ?? Quiz.DefaultRetakeAfterHours;
        var beforeQuestions = log.Count;
        var questionNodes = quiz.Sequence("questions", required: true);
        if (questionNodes.Count == 0 && log.Count == beforeQuestions) quiz.Report("questions", "QuizNoQuestions");
        var questions = questionNodes.Select(node => Question(node, log)).ToList();
        quiz.ReportUnknown();
        if (log.Count > before) return null;
        var pool = new Quiz(passMark, questions.OfType<QuizQuestion>().ToList(), draw, review, maxAttempts, retakeAfterHours);
        foreach (var duplicate in questionNodes.Select((node, i) => (Key: pool.QuestionKey(i), Node: node)).GroupBy(q => q.Key).Where(g => g.Count() > 1))
            log.Add(YamlFields.LineOf(duplicate.Last().Node), "QuestionIdDuplicate", duplicate.Key);
        if (draw > questions.Count) quiz.Report("draw", "DrawAbovePool", draw.Value.ToString(), questions.Count.ToString());
        return log.Count > before ? null : pool;
    }

    private static QuizReview Review(YamlFields quiz)
    {
        var text = quiz.Text("review", required: false);
        switch (text)
        {
            case null or "wrong-only": return QuizReview.WrongOnly;
            case "full": return QuizReview.Full;
            default:
                quiz.Report("review", "QuizReviewUnknown", text);
                return QuizReview.WrongOnly;
        }
    }

    private static QuizQuestion? Question(YamlNode node, ProblemLog log)
    {
        if (YamlFields.Of(node, log, "questions") is not { } question) return null;
        var before = log.Count;
        var id = question.Text("id", required: false);
        if (id is not null && !Slugs.IsValid(id)) question.Report("id", "QuestionIdInvalid", id);
        var topic = question.Text("topic", required: false);
        if (topic is not null && !Slugs.IsValid(topic)) question.Report("topic", "QuestionTopicInvalid", topic);
        var shuffle = question.Flag("shuffle") ?? true;
        var type = question.Text("type");
        var prompt = question.Localized("prompt");
        QuizQuestion? parsed = type switch
        {
            "single" => Choice(QuestionType.Single, question, prompt, log),
            "multiple" => Choice(QuestionType.Multiple, question, prompt, log),
            "truefalse" => TrueFalse(question, prompt),
            null => null,
            _ => Unknown(question, type),
        };
        // Without a known type there is no telling which fields belong: they would all be reported as unknown.
        if (type is "single" or "multiple" or "truefalse") question.ReportUnknown();
        return parsed is null || log.Count > before ? null : parsed with { Id = id, Topic = topic, Shuffle = shuffle };
    }

    private static QuizQuestion? Choice(QuestionType type, YamlFields question, LocalizedText? prompt, ProblemLog log)
    {
        var before = log.Count;
        var optionNodes = question.Sequence("options", required: true);
        var options = optionNodes.Select(node => Option(node, log)).ToList();
        // Right options are counted only once every option has been read: a broken option is reported already.
        if (log.Count > before) return null;
        var correct = options.Count(o => o!.Correct);
        if (optionNodes.Count < 2) log.Add(question.Line, "QuestionNeedsOptions");
        else if (type == QuestionType.Single && correct != 1) log.Add(question.Line, "SingleNeedsOneRight", correct.ToString());
        else if (type == QuestionType.Multiple && correct == 0) log.Add(question.Line, "MultipleNeedsRight");
        return prompt is null || log.Count > before ? null : new QuizQuestion(type, prompt, options!);
    }

    private static QuizOption? Option(YamlNode node, ProblemLog log)
    {
        var before = log.Count;
        if (YamlFields.Of(node, log, "options") is not { } option) return null;
        var text = option.Localized("text");
        var correct = option.Flag("correct") ?? false;
        var explanation = option.Localized("explanation");
        option.ReportUnknown();
        return log.Count > before || text is null || explanation is null ? null : new QuizOption(text, correct, explanation);
    }

    private static QuizQuestion? TrueFalse(YamlFields question, LocalizedText? prompt)
    {
        var answer = question.Flag("answer", required: true);
        var explanation = question.Localized("explanation");
        if (prompt is null || answer is not { } isTrue || explanation is null) return null;
        return new QuizQuestion(QuestionType.TrueFalse, prompt,
            [new QuizOption(TrueText, isTrue, explanation), new QuizOption(FalseText, !isTrue, explanation)]);
    }

    private static QuizQuestion? Unknown(YamlFields question, string type)
    {
        question.Report("type", "QuestionType", type);
        return null;
    }
}
