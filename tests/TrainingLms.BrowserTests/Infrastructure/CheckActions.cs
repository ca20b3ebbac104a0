using Microsoft.Playwright;
using TrainingLms.Domain.Courses;
using static Microsoft.Playwright.Assertions;

namespace TrainingLms.BrowserTests.Infrastructure;

/// <summary>A learner's moves on a lesson's knowledge check: start an attempt, tick answers by what they say, hand in.</summary>
public static class CheckActions
{
    /// <summary>Starts an attempt and returns what the page shows: each question's id and its options in order.</summary>
    public static async Task<List<string>> StartCheckAsync(this IPage page)
    {
        await page.Locator("#knowledge-check button[value=start]").ClickAsync();
        await Expect(page.Locator("#knowledge-check form[data-attempt] fieldset.quiz-question").First).ToBeVisibleAsync();
        return [.. await page.Locator("#knowledge-check form[data-attempt] fieldset.quiz-question").EvaluateAllAsync<string[]>(
            "fields => fields.map(f => f.dataset.question + ': ' + [...f.querySelectorAll('label')].map(l => l.textContent.trim()).join(' | '))")];
    }

    /// <summary>Ticks the right (or only wrong) options of each shown question by their label, then hands in.</summary>
    public static async Task AnswerCheckAsync(this IPage page, Quiz quiz, bool wrong)
    {
        var english = await page.EvaluateAsync<string>("() => document.documentElement.lang") == "en-US";
        var fields = page.Locator("#knowledge-check form[data-attempt] fieldset.quiz-question");
        for (var q = 0; q < await fields.CountAsync(); q++)
        {
            var field = fields.Nth(q);
            var key = await field.GetAttributeAsync("data-question");
            var question = quiz.Questions.Single(x => x.Id == key);
            var wanted = question.Options.Where(o => o.Correct != wrong).Select(o => english ? o.Text.En : o.Text.Zh).ToHashSet();
            if (question.Type != QuestionType.Multiple) wanted = wanted.Take(1).ToHashSet();
            var labels = field.Locator("label");
            for (var o = 0; o < await labels.CountAsync(); o++)
                if (wanted.Contains((await labels.Nth(o).TextContentAsync())!.Trim())) await labels.Nth(o).ClickAsync();
        }
        await page.Locator("#knowledge-check button[value=hand-in]").ClickAsync();
        await Expect(page.Locator("#knowledge-check form[data-attempt] fieldset.quiz-question")).ToHaveCountAsync(0);
    }
}
