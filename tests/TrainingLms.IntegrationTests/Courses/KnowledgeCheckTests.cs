using TrainingLms.Web.Infrastructure;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Courses.Checks;

namespace TrainingLms.IntegrationTests.Courses;

/// <summary>The app with the courses of content/, a settable clock and draws that can be repeated run after run.</summary>
public sealed class KnowledgeCheckFactory : OrganisationFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(new QuizDrawRandom(new Random(20261206))));
    }

    /// <summary>Every knowledge check of every live course: its course, lesson and check.</summary>
    public Task<List<(string Course, string Lesson, Quiz Quiz)>> ChecksAsync() => WithDbAsync(async db =>
        (await db.Courses.Where(c => c.IsActive)
            .Join(db.LessonRevisions, c => c.CurrentRevisionId, l => l.CourseRevisionId, (c, l) => new { c.Slug, l.Key, l.Quiz, l.Order }).ToListAsync())
            .Where(l => l.Quiz is not null).OrderBy(l => l.Slug).ThenBy(l => l.Order).Select(l => (l.Slug, l.Key, l.Quiz!)).ToList());

    public Task<T> ChecksServiceAsync<T>(Func<KnowledgeChecks, Task<T>> action) => WithScopeAsync(services => action(services.GetRequiredService<KnowledgeChecks>()));
}

public sealed class KnowledgeCheckTests(KnowledgeCheckFactory factory) : IClassFixture<KnowledgeCheckFactory>
{
    /// <summary>A learner who answers by where an option stands, never by what it says.</summary>
    private static readonly (string Name, Func<QuizQuestion, ShownQuestion, IReadOnlyList<int>> Choose)[] PositionalStrategies =
    [
        ("always the first option", (_, shown) => [0]),
        ("all but the last", (_, shown) => [.. Enumerable.Range(0, shown.Options.Count - 1)]),
        // True/false keeps "true" as option 0 and "false" as option 1; elsewhere this learner takes the first.
        ("always false", (question, shown) => question.Type == QuestionType.TrueFalse ? [shown.Options.ToList().IndexOf(1)] : [0]),
        .. Enumerable.Range(0, 5).Select(letter => ($"always {(char)('A' + letter)}",
            (Func<QuizQuestion, ShownQuestion, IReadOnlyList<int>>)((_, shown) => letter < shown.Options.Count ? [letter] : []))),
    ];

    [Fact]
    public async Task AnsweringByPosition_EveryCheckOfEveryCourse_NoPassInAnyAllowedAttempt()
    {
        var checks = await factory.ChecksAsync();
        Assert.True(checks.Count >= 10, $"only {checks.Count} checks found in content/");
        var passes = new List<string>();
        var attempts = 0;

        foreach (var (name, choose) in PositionalStrategies)
        {
            var learner = await factory.CreatePersonAsync($"P{Array.FindIndex(PositionalStrategies, s => s.Name == name)}", [Roles.Employee]);
            foreach (var (course, lesson, _) in checks)
            {
                // Three windows: all the attempts the rules allow, cool-downs waited out on the test clock.
                for (var window = 0; window < 3; window++)
                {
                    while (await factory.ChecksServiceAsync(c => c.StartAsync(learner, course, lesson)) is (StartOutcome.Started, { Open: { } open }))
                    {
                        var positions = open.Attempt.Shown.Select(shown => choose(open.Quiz.Questions[shown.Question], shown)).ToList();
                        var result = await factory.ChecksServiceAsync(c => c.SubmitAsync(learner, course, lesson, open.Attempt.Id, positions));
                        attempts++;
                        if (result.Attempt!.Passed) passes.Add($"{name}: {course}/{lesson} with {result.Attempt.ScorePercent}%");
                    }
                    factory.Clock.UtcNow = factory.Clock.UtcNow.AddHours(Quiz.DefaultRetakeAfterHours).AddMinutes(1);
                }
            }
        }

        Assert.Equal(PositionalStrategies.Length * checks.Count * 3 * Quiz.DefaultMaxAttempts, attempts);
        Assert.Empty(passes);
    }

    /// <summary>
    /// A learner who knows nothing but remembers everything each attempt shows: which questions were right, what they
    /// chose, and — once shown — every explanation. Each try it picks an answer it has not tried for that question.
    /// </summary>
    private sealed class RememberingLearner(string personId)
    {
        private readonly Dictionary<string, IReadOnlySet<int>> known = [];
        private readonly Dictionary<string, HashSet<string>> tried = [];

        public string PersonId => personId;

        public IReadOnlyList<int> Answer(Quiz quiz, ShownQuestion shown)
        {
            var key = quiz.QuestionKey(shown.Question);
            var question = quiz.Questions[shown.Question];
            var choice = known.TryGetValue(key, out var right) ? right
                : Candidates(question).First(c => !tried.GetValueOrDefault(key, []).Contains(Key(c)));
            tried.TryAdd(key, []);
            tried[key].Add(Key(choice));
            return [.. Enumerable.Range(0, shown.Options.Count).Where(p => choice.Contains(shown.Options[p]))];
        }

        /// <summary>Learns what the review shows: a question marked right gives its answer away; "everything" gives every shown question's.</summary>
        public void Learn(AttemptPaper paper, QuizReveal reveal)
        {
            var result = paper.Quiz.Grade(paper.Attempt.Shown, [.. paper.Attempt.Answers.Select(a => (IReadOnlySet<int>)a.ToHashSet())]);
            for (var i = 0; i < paper.Attempt.Shown.Count; i++)
            {
                var shown = paper.Attempt.Shown[i];
                if (reveal == QuizReveal.Everything) known[paper.Quiz.QuestionKey(shown.Question)] = paper.Quiz.Questions[shown.Question].RightOptions;
                else if (result.QuestionsRight[i]) known[paper.Quiz.QuestionKey(shown.Question)] = paper.Attempt.Answers[i].ToHashSet();
            }
        }

        private static IEnumerable<IReadOnlySet<int>> Candidates(QuizQuestion question)
        {
            var options = question.Options.Count;
            if (question.Type != QuestionType.Multiple) return Enumerable.Range(0, options).Select(o => (IReadOnlySet<int>)new HashSet<int> { o });
            return Enumerable.Range(1, (1 << options) - 1).OrderBy(mask => int.PopCount(mask))
                .Select(mask => (IReadOnlySet<int>)Enumerable.Range(0, options).Where(o => (mask & (1 << o)) != 0).ToHashSet());
        }

        private static string Key(IReadOnlySet<int> choice) => string.Join(",", choice.Order());
    }

    [Fact]
    public async Task RememberingLearner_CheckItKnowsNothingOf_PassesOnlyAfterTheCoolDown()
    {
        var finals = (await factory.ChecksAsync()).GroupBy(c => c.Course).Select(g => g.Last()).ToList();
        Assert.Equal(6, finals.Count);

        foreach (var (course, lesson, quiz) in finals)
        {
            var learner = new RememberingLearner(await factory.CreatePersonAsync($"R-{course[..8]}", [Roles.Employee]));
            DateTime? firstAt = null, passedAt = null;
            for (var attempt = 0; attempt < 30 && passedAt is null; attempt++)
            {
                var (outcome, standing) = await factory.ChecksServiceAsync(c => c.StartAsync(learner.PersonId, course, lesson));
                if (outcome == StartOutcome.NoAttemptLeft)
                {
                    var opens = standing!.State.NextOpensAtUtc!.Value;
                    Assert.Equal(standing.LastFinished!.Attempt.FinishedAtUtc!.Value.AddHours(quiz.RetakeAfterHours), opens);
                    factory.Clock.UtcNow = opens.AddMinutes(-1);
                    Assert.Equal(StartOutcome.NoAttemptLeft, (await factory.ChecksServiceAsync(c => c.StartAsync(learner.PersonId, course, lesson))).Outcome);
                    factory.Clock.UtcNow = opens;
                    continue;
                }
                var open = standing!.Open!;
                firstAt ??= open.Attempt.StartedAtUtc;
                var result = await factory.ChecksServiceAsync(c => c.SubmitAsync(learner.PersonId, course, lesson, open.Attempt.Id,
                    [.. open.Attempt.Shown.Select(shown => learner.Answer(open.Quiz, shown))]));
                var after = await factory.ChecksServiceAsync(async c => await c.StandingAsync(learner.PersonId, (await c.FindAsync(course, lesson))!));
                learner.Learn(after.LastFinished!, after.LastReveal);
                if (result.Attempt!.Passed) passedAt = result.Attempt.FinishedAtUtc;
                factory.Clock.UtcNow = factory.Clock.UtcNow.AddMinutes(2);
            }

            Assert.NotNull(passedAt);
            Assert.True(passedAt - firstAt >= TimeSpan.FromHours(quiz.RetakeAfterHours), $"{course}/{lesson} passed {passedAt - firstAt} after the first attempt");
        }
    }

    [Fact]
    public async Task Orders_TwoLearnersAndTwoAttemptsOfOne_SeeDifferentOrders()
    {
        var (course, lesson, quiz) = (await factory.ChecksAsync()).First(c => c.Course == "meet-smile-greet-rise");
        var path = $"/learning/{course}/{lesson}";
        await factory.CreatePersonAsync("O1", [Roles.Employee]);
        await factory.CreatePersonAsync("O2", [Roles.Employee]);
        var first = await factory.SignedInAsync("O1");
        var second = await factory.SignedInAsync("O2");

        var one = await QuizTaker.StartAsync(first, path);
        var again = await QuizTaker.StartAsync(first, path);
        var other = await QuizTaker.StartAsync(second, path);
        await QuizTaker.FailAsync(first, path, quiz, one);
        var retake = await QuizTaker.StartAsync(first, path);

        static string Order(PagePaper paper) => string.Join(" | ", paper.Questions.Select(q => q.Key + ": " + string.Join(", ", q.Labels)));
        Assert.Equal(Order(one), Order(again)); // starting twice gives the attempt already open, not a new draw
        Assert.NotEqual(Order(one), Order(other));
        Assert.NotEqual(Order(one), Order(retake));
        Assert.Equal(quiz.Draw, one.Questions.Count);
        // What the page showed is what was stored: the same questions, the same option order.
        var stored = await factory.WithDbAsync(db => db.QuizAttempts.AsNoTracking().SingleAsync(a => a.Id == retake.AttemptId));
        Assert.Equal(retake.Questions.Select(q => q.Key), stored.Shown.Select(s => quiz.QuestionKey(s.Question)));
        Assert.Equal(retake.Questions.Select(q => q.Labels), stored.Shown.Select(s => s.Options.Select(o => quiz.Questions[s.Question].Options[o].Text.Zh).ToList()));
    }

    [Fact]
    public async Task Review_FailedAttempts_OnlyWhichQuestionsWereWrong_UntilTheRoundIsSpent_ThenEverything()
    {
        var (course, lesson, quiz) = (await factory.ChecksAsync()).First(c => c.Course == "courtesy-language");
        var path = $"/learning/{course}/{lesson}";
        await factory.CreatePersonAsync("W1", [Roles.Employee]);
        var client = await factory.SignedInAsync("W1");

        for (var attempt = 1; attempt <= quiz.MaxAttempts; attempt++)
        {
            var paper = await QuizTaker.StartAsync(client, path);
            var page = await (await QuizTaker.FailAsync(client, path, quiz, paper)).Content.ReadAsStringAsync();

            Assert.Contains("badge text-bg-danger\">答错", page);
            var lastOfRound = attempt == quiz.MaxAttempts;
            Assert.Equal(lastOfRound, page.Contains("quiz-feedback", StringComparison.Ordinal));
            Assert.Equal(!lastOfRound, page.Contains("name=\"action\" value=\"start\"", StringComparison.Ordinal));
        }
        Assert.Contains("本轮 3 次机会已用完", await client.GetStringAsync(path));
        var refused = await client.PostFieldsAsync(path, "quiz", [new("action", "start")]);
        Assert.Contains("本轮暂时没有作答机会了", await refused.Content.ReadAsStringAsync());
        Assert.Equal(3, await factory.WithDbAsync(db => db.QuizAttempts.CountAsync(a => a.LessonKey == lesson && a.PersonId == db.Users.Single(p => p.UserName == "W1").Id)));
    }

    [Fact]
    public async Task HandIn_TwiceForOneAttempt_FirstResultStands_NoSecondAttempt()
    {
        var (course, lesson, quiz) = (await factory.ChecksAsync()).First(c => c.Course == "first-inquiry-responsibility");
        var path = $"/learning/{course}/{lesson}";
        await factory.CreatePersonAsync("D1", [Roles.Employee]);
        var client = await factory.SignedInAsync("D1");

        var paper = await QuizTaker.StartAsync(client, path);
        var passed = await QuizTaker.PassAsync(client, path, quiz, paper);
        var again = await QuizTaker.FailAsync(client, path, quiz, paper);

        Assert.Contains("以 100% 通过", await passed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("这次作答已经提交过了", await again.Content.ReadAsStringAsync());
        var personId = (await factory.FindPersonAsync("D1"))!.Id;
        var attempts = await factory.WithDbAsync(db => db.QuizAttempts.AsNoTracking().Where(a => a.PersonId == personId).ToListAsync());
        var only = Assert.Single(attempts);
        Assert.Equal((true, 100), (only.Passed, only.ScorePercent));
    }

    [Fact]
    public async Task Grant_ByATrainerWithAReason_RecordedAndOneMoreAttemptOpens_OthersCannot()
    {
        var (course, lesson, quiz) = (await factory.ChecksAsync()).First(c => c.Course == "appearance-and-bearing");
        var path = $"/learning/{course}/{lesson}";
        var learnerId = await factory.CreatePersonAsync("G1", [Roles.Employee]);
        var trainerId = await factory.CreatePersonAsync("GT", [Roles.Trainer]);
        await factory.CreatePersonAsync("GM", [Roles.Manager]);
        var learner = await factory.SignedInAsync("G1");
        for (var attempt = 0; attempt < quiz.MaxAttempts; attempt++)
            await QuizTaker.FailAsync(learner, path, quiz, await QuizTaker.StartAsync(learner, path));
        var trainerPage = $"/courses/manage/{course}/learners/{learnerId}";

        var manager = await factory.SignedInAsync("GM");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync(trainerPage)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync(trainerPage)).StatusCode);

        var trainer = await factory.SignedInAsync("GT");
        var listed = await trainer.GetAsync($"/courses/manage/{course}/learners?q=G1");
        Assert.True(listed.IsSuccessStatusCode, factory.Errors.ToString());
        var list = await listed.Content.ReadAsStringAsync();
        Assert.Contains(learnerId, list);
        var page = await trainer.GetStringAsync(trainerPage);
        Assert.Equal(quiz.MaxAttempts, CountOf(page, "<details class=\"attempt"));
        Assert.Contains("quiz-feedback", page); // trainers see every answer and explanation
        var blank = await trainer.PostFieldsAsync(trainerPage, $"grant-{lesson}", [new("reason", "  ")]);
        Assert.Contains("请填写追加作答机会的原因", await blank.Content.ReadAsStringAsync());
        var granted = await trainer.PostFieldsAsync(trainerPage, $"grant-{lesson}", [new("reason", "手机断网，第三次没答完")]);
        Assert.Contains("已追加一次作答机会", await granted.Content.ReadAsStringAsync());
        var twice = await trainer.PostFieldsAsync(trainerPage, $"grant-{lesson}", [new("reason", "手机断网，第三次没答完")]);
        Assert.Contains("还没有用掉上次追加的作答机会", await twice.Content.ReadAsStringAsync());

        var grant = await factory.WithDbAsync(db => db.QuizAttemptGrants.AsNoTracking().SingleAsync());
        Assert.Equal((learnerId, trainerId, lesson, "手机断网，第三次没答完"), (grant.PersonId, grant.GrantedById, grant.LessonKey, grant.Reason));
        Assert.Contains("手机断网，第三次没答完", await trainer.GetStringAsync(trainerPage));
        var extra = await QuizTaker.StartAsync(learner, path);
        await QuizTaker.PassAsync(learner, path, quiz, extra);
        Assert.Contains("以 100% 通过", await learner.GetStringAsync(path));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
