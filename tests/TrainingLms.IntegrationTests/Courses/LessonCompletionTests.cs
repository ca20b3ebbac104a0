using TrainingLms.Web.Infrastructure;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Courses;
using TrainingLms.Web.Features.Courses.Caching;
using TrainingLms.Web.Features.Courses.Content;
using TrainingLms.Web.Features.People;
using TrainingLms.Web.Features.People.Import;
using TrainingLms.Web.Features.Content;
using static TrainingLms.IntegrationTests.Courses.CourseTestKit;

namespace TrainingLms.IntegrationTests.Courses;

/// <summary>A learner completing lessons and the sample check, over HTTP.</summary>
public class LessonCompletionTests
{
    [Fact]
    public async Task Learner_FailsThenPassesQuiz_CompletesCourseAtItsVersion()
    {
        await using var factory = await StartAsync();
        var personId = await CreateLearnerAsync(factory, "E103", facesCustomers: true);
        var client = await LearnerClientAsync(factory, "E103");

        var lesson = await client.GetStringAsync($"/learning/{SampleCourse.Slug}/01-meet");
        Assert.Contains("见面时微笑点头", lesson);
        var completed = await client.PostFieldsAsync($"/learning/{SampleCourse.Slug}/01-meet", "complete", []);
        Assert.True(completed.StatusCode == HttpStatusCode.Redirect, factory.Errors.ToString());

        var failed = await AnswerQuizAsync(client, shown => shown.Key == "eyes-meet" ? ["微笑点头"] : ["你好"]);
        var failedHtml = await failed.Content.ReadAsStringAsync();
        Assert.Contains("得分 50%", failedHtml);
        Assert.Contains("答错", failedHtml);
        Assert.False(await QueryAsync(factory, db => db.CourseCompletions.AnyAsync()));

        var passed = await AnswerQuizAsync(client, RightAnswers);
        Assert.Contains("以 100% 通过", await passed.Content.ReadAsStringAsync());

        var attempts = await QueryAsync(factory, db => db.QuizAttempts.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([false, true], attempts.Select(a => a.Passed));
        var completion = await QueryAsync(factory, db => db.CourseCompletions.AsNoTracking().SingleAsync());
        Assert.Equal((personId, 1), (completion.PersonId, completion.CourseVersion));
        Assert.Contains("已完成", await client.GetStringAsync($"/learning/{SampleCourse.Slug}"));
    }

    [Fact]
    public async Task Lesson_WithQuiz_CannotBeMarkedCompleteWithoutPassing()
    {
        await using var factory = await StartAsync();
        await CreateLearnerAsync(factory, "E104", facesCustomers: true);
        var personId = (await factory.FindPersonAsync("E104"))!.Id;
        var client = await LearnerClientAsync(factory, "E104");

        // The quiz lesson offers no "complete" form, and the service refuses to mark it done without a pass.
        Assert.DoesNotContain("我已学完本课", await client.GetStringAsync($"/learning/{SampleCourse.Slug}/02-check"));
        Assert.Equal(CompletionOutcome.QuizRequired, await factory.WithScopeAsync(services =>
            services.GetRequiredService<LessonCompletions>().CompleteAsync(personId, SampleCourse.Slug, "02-check")));
        // Wrong answers, and answers that name options that do not exist, are graded as wrong.
        Assert.Contains("得分 0%", await (await AnswerQuizAsync(client, shown => shown.Key == "eyes-meet" ? ["转身离开"] : [])).Content.ReadAsStringAsync());
        var paper = await QuizTaker.StartAsync(client, CheckPath);
        var response = await client.PostFieldsAsync(CheckPath, "quiz", [new("action", "hand-in"), new("attempt", paper.AttemptId.ToString()), new("q0", "7"), new("q1", "abc"), new("q1", "-3")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("得分 0%", await response.Content.ReadAsStringAsync());
        Assert.False(await QueryAsync(factory, db => db.LessonCompletions.AnyAsync(l => l.LessonKey == "02-check")));
    }
}
