using AngleSharp.Html.Parser;
using TrainingLms.Domain.Courses;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Courses;

/// <summary>One question of an open attempt as the page shows it: the question's id and its option labels in order.</summary>
public sealed record PageQuestion(string Key, IReadOnlyList<string> Labels);

/// <summary>An open attempt as the lesson page shows it.</summary>
public sealed record PagePaper(int AttemptId, IReadOnlyList<PageQuestion> Questions);

/// <summary>Takes a knowledge check the way a learner's browser does: starts an attempt, reads the questions off the page, hands in.</summary>
public static class QuizTaker
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Starts an attempt (or finds the open one) and reads it off the page.</summary>
    public static async Task<PagePaper> StartAsync(HttpClient client, string lessonPath)
    {
        var response = await client.PostFieldsAsync(lessonPath, "quiz", [new("action", "start")]);
        response.EnsureSuccessStatusCode();
        return Read(await response.Content.ReadAsStringAsync())
            ?? throw new InvalidOperationException($"No open attempt on {lessonPath} after starting one.");
    }

    /// <summary>The open attempt on a page, or null when none is open.</summary>
    public static PagePaper? Read(string html)
    {
        var document = Parser.ParseDocument(html);
        if (document.QuerySelector("form[data-attempt]") is not { } form) return null;
        var questions = form.QuerySelectorAll("fieldset.quiz-question")
            .Select(q => new PageQuestion(q.GetAttribute("data-question")!, q.QuerySelectorAll("label.form-check-label").Select(l => l.TextContent.Trim()).ToList()))
            .ToList();
        return new PagePaper(int.Parse(form.GetAttribute("data-attempt")!), questions);
    }

    /// <summary>Hands in the positions chosen for each question, as the form would post them.</summary>
    public static Task<HttpResponseMessage> HandInAsync(HttpClient client, string lessonPath, PagePaper paper, Func<int, PageQuestion, IEnumerable<int>> choose)
    {
        var fields = new List<KeyValuePair<string, string>> { new("action", "hand-in"), new("attempt", paper.AttemptId.ToString()) };
        for (var q = 0; q < paper.Questions.Count; q++)
            fields.AddRange(choose(q, paper.Questions[q]).Select(position => new KeyValuePair<string, string>($"q{q}", position.ToString())));
        return client.PostFieldsAsync(lessonPath, "quiz", fields);
    }

    /// <summary>Chooses, by label, the options of a question of <paramref name="quiz"/> that <paramref name="pick"/> selects.</summary>
    public static IEnumerable<int> ByLabel(Quiz quiz, PageQuestion shown, Func<QuizOption, bool> pick, bool english = false)
    {
        var question = quiz.Questions.Single(q => q.Id == shown.Key || quiz.QuestionKey(quiz.Questions.ToList().IndexOf(q)) == shown.Key);
        var picked = question.Options.Where(pick).Select(o => english ? o.Text.En : o.Text.Zh).ToHashSet();
        return Enumerable.Range(0, shown.Labels.Count).Where(p => picked.Contains(shown.Labels[p]));
    }

    public static Task<HttpResponseMessage> PassAsync(HttpClient client, string lessonPath, Quiz quiz, PagePaper paper) =>
        HandInAsync(client, lessonPath, paper, (_, shown) => ByLabel(quiz, shown, o => o.Correct));

    public static Task<HttpResponseMessage> FailAsync(HttpClient client, string lessonPath, Quiz quiz, PagePaper paper) =>
        HandInAsync(client, lessonPath, paper, (_, shown) => ByLabel(quiz, shown, o => !o.Correct));
}
