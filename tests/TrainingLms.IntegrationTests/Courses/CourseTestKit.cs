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

namespace TrainingLms.IntegrationTests.Courses;

/// <summary>What the course tests share: the sample course started, a learner made and signed in, the sample check taken.</summary>
internal static class CourseTestKit
{
    internal static async Task<CourseContentFactory> StartAsync()
    {
        var factory = new CourseContentFactory();
        SampleCourse.Write(factory);
        _ = factory.Services; // starts the app, which syncs content/ at start-up
        await Task.CompletedTask;
        return factory;
    }

    internal static async Task<string> CreateLearnerAsync(LmsFactory factory, string number, bool facesCustomers)
    {
        var positionId = await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LmsDbContext>();
            var position = new Position { Name = "岗位" + number, LineOfWork = LineOfWork.CustomerService, FacesCustomers = facesCustomers };
            db.Positions.Add(position);
            await db.SaveChangesAsync();
            return position.Id;
        });
        return await factory.WithScopeAsync(async services =>
        {
            var result = await services.GetRequiredService<PeopleAdministration>().CreateAsync(
                new PersonInput { EmployeeNumber = number, FullName = "学员" + number, PositionId = positionId, Roles = [Roles.Employee] },
                LmsFactory.Password, mustChangePassword: false);
            return result.PersonId!;
        });
    }

    internal static Task<T> QueryAsync<T>(LmsFactory factory, Func<LmsDbContext, Task<T>> query) =>
        factory.WithScopeAsync(services => query(services.GetRequiredService<LmsDbContext>()));

    internal static async Task<HttpClient> LearnerClientAsync(LmsFactory factory, string number)
    {
        var client = factory.CreateSessionClient();
        await client.SignInAsync(number);
        return client;
    }

    internal const string CheckPath = $"/learning/{SampleCourse.Slug}/02-check";

    /// <summary>Starts an attempt at the sample check and ticks, by label, the options <paramref name="pick"/> selects.</summary>
    internal static async Task<HttpResponseMessage> AnswerQuizAsync(HttpClient client, Func<PageQuestion, IEnumerable<string>> pick)
    {
        var paper = await QuizTaker.StartAsync(client, CheckPath);
        return await QuizTaker.HandInAsync(client, CheckPath, paper, (_, shown) => pick(shown).Select(label => shown.Labels.ToList().IndexOf(label)));
    }

    internal static readonly Func<PageQuestion, IEnumerable<string>> RightAnswers =
        shown => shown.Key == "eyes-meet" ? ["微笑点头"] : ["你好", "谢谢"];

    internal static async Task CompleteCourseAsync(HttpClient client)
    {
        var completed = await client.PostFieldsAsync($"/learning/{SampleCourse.Slug}/01-meet", "complete", []);
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        var passed = await AnswerQuizAsync(client, RightAnswers);
        Assert.Contains("通过", await passed.Content.ReadAsStringAsync());
    }

    internal static Task<MyLearning> MyLearningAsync(LmsFactory factory, string personId) =>
        factory.WithScopeAsync(services => services.GetRequiredService<LearningQueries>().MyLearningAsync(personId));

    internal static LessonCompletion LessonDone(string personId, int courseId, string lessonKey) =>
        new() { PersonId = personId, CourseId = courseId, LessonKey = lessonKey, CourseVersion = 1, CompletedAtUtc = DateTime.UtcNow };

    /// <summary>A trainer signed in on a lesson's editor: the page, and its text posted to the live preview as the script does.</summary>
    internal static async Task<(string Page, Func<string, string, Task<string>> Preview)> OpenEditorAsync(CourseContentFactory factory, string trainerNumber, string lessonKey)
    {
        await factory.CreatePersonAsync(trainerNumber, [Roles.Trainer]);
        var trainer = factory.CreateSessionClient();
        await trainer.SignInAsync(trainerNumber);
        var page = await trainer.GetStringAsync($"/courses/manage/{SampleCourse.Slug}/{lessonKey}/edit");
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);
        return (page, async (markdown, language) =>
        {
            var response = await trainer.PostAsync("/courses/manage/preview", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["markdown"] = markdown, ["slug"] = SampleCourse.Slug, ["language"] = language, ["__RequestVerificationToken"] = token,
            }));
            return await response.Content.ReadAsStringAsync();
        });
    }
}
