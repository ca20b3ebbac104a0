using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Data;
using TrainingLms.Domain;
using TrainingLms.Domain.ShiftReviews;
using TrainingLms.Domain.Clips;
using TrainingLms.IntegrationTests.Clips;
using TrainingLms.IntegrationTests.Courses;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.IntegrationTests.ShiftReviews;
using TrainingLms.Web.Features.Demo;
using TrainingLms.Web.Infrastructure.Hosting;

namespace TrainingLms.IntegrationTests.Hosting;

/// <summary>
/// Two app processes on one PostgreSQL database behind Debian's nginx, round robin with the upstream block of
/// deploy/nginx-upstream.conf (what the README quotes), each with a transcode worker of its own: one sign-in, form
/// tokens, rate limits, My learning and the transcode queue hold across both.
/// </summary>
[PostgreSqlOnly("several app instances share one database only on PostgreSQL; SQLite is one instance's file")]
public sealed partial class SeveralInstancesTests(TwoInstancesBehindNginx both, MediaFiles media) : IClassFixture<TwoInstancesBehindNginx>, IClassFixture<MediaFiles>
{
    private const int VerifyPerMinute = TwoInstancesBehindNginx.VerifyPerMinute;

    private ShiftReviewsFactory Factory => both.Factory;

    private HttpClient Phone(string source) => both.Phone(source);

    private static string Instance(HttpResponseMessage response) => TwoInstancesBehindNginx.Instance(response);

    [Fact]
    public async Task BehindNginx_OneSignIn_PagesFormsAndRateLimitsHoldOnBothInstances()
    {
        var siteId = await Factory.CreateSiteAsync("S1");
        var team = await Factory.CreateTeamAsync(siteId, "客服班", "L100", null, "E101");
        using var leader = Phone("127.0.0.2");

        var signIn = await leader.SignInAsync("L100");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("/account/signin", signIn.RedirectPath() ?? "", StringComparison.Ordinal);

        // 50 pages, taking turns: every one signed in, whichever instance wrote the cookie.
        var served = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            var page = await leader.GetAsync($"/reviews/file/{team.TeamId}");
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"page {i} from {Instance(page)}: {(int)page.StatusCode} {page.RedirectPath()}");
            served.Add(Instance(page));
        }
        Assert.Equal(["a", "b"], served.Distinct().Order());
        Assert.True(served.Zip(served.Skip(1)).Count(p => p.First != p.Second) >= 45, $"served by {string.Join("", served)}");

        // The form of one page posted 20 times at once (a double tap, a retry, a second tab): the posts land on both
        // instances, so the other accepts the first one's form token; one review results.
        var form = await leader.GetAsync($"/reviews/file/{team.TeamId}");
        var html = await form.Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);
        var key = SubmissionKeyField().Match(html).Groups[1].Value;
        var today = SiteTime.Today(DateTime.UtcNow, SiteTime.DefaultTimeZoneId);
        var posts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            ReviewForms.PostAsync(leader, $"/reviews/file/{team.TeamId}", "review", token, ReviewForms.Routine(key, today, ShiftCalendar.DailyKey))));
        var ids = posts.Select(ReviewForms.ReviewId).Distinct().ToList();
        Assert.Single(ids);
        Assert.Contains(posts, p => Instance(p) != Instance(form));
        await using (var db = Factory.Database.Open())
            Assert.Equal(1, await db.ShiftReviews.CountAsync(r => r.TeamId == team.TeamId));

        // The public verification page: one phone's limit counts its requests on both instances together; another
        // phone (another client address behind nginx) has its own.
        using var guesser = Phone("127.0.0.3");
        await InAWindowWithTimeLeftAsync(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30));
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < VerifyPerMinute; i++) answers.Add(await guesser.GetAsync("/verify"));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(["a", "b"], answers.Select(Instance).Distinct().Order());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await guesser.GetAsync("/verify")).StatusCode);
        using var other = Phone("127.0.0.4");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/verify")).StatusCode);
    }

    /// <summary>
    /// Waits, if need be, for a fixed window of the apps' clock (this machine's: they are processes of their own, with
    /// no test clock) with at least <paramref name="left"/> of it to go: requests counted against one window must not
    /// straddle two, where the second would forgive the one expected refused.
    /// </summary>
    private static async Task InAWindowWithTimeLeftAsync(TimeSpan window, TimeSpan left)
    {
        var toGo = TimeSpan.FromTicks(window.Ticks - DateTime.UtcNow.Ticks % window.Ticks);
        if (toGo < left) await Task.Delay(toGo + TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task BehindNginx_ALessonCompletedThroughOneInstance_IsOnMyLearningOfBoth_FromTheNextRequest()
    {
        await CourseTestKit.CreateLearnerAsync(Factory, "E150", facesCustomers: true);
        using var learner = Phone("127.0.0.5");
        await learner.SignInAsync("E150");
        const string Course = "/learning/meet-smile-greet-rise";

        // My learning read on both instances first: each now keeps the learner's record in memory.
        var before = await UntilBothAnsweredAsync(learner, "/learning");
        Assert.All(before, page => Assert.Contains($"href=\"{Course}/01-meet\"", page.Html, StringComparison.Ordinal));

        var completed = await learner.PostFieldsAsync($"{Course}/01-meet", "complete", []);
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);

        // Every request from the next one on, whichever instance answers it, shows the lesson done.
        var after = await UntilBothAnsweredAsync(learner, "/learning");
        Assert.All(after, page =>
        {
            Assert.Contains($"href=\"{Course}/02-smile\"", page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain($"href=\"{Course}/01-meet\"", page.Html, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task BehindNginx_ClipsUploadedThroughBothInstances_EachIsTranscodedExactlyOnce_ByOneOfTheirWorkers()
    {
        using var admin = Phone("127.0.0.6");
        await admin.SignInAsync(LmsFactory.AdministratorNumber);
        var source = await media.SampleAsync(SampleVideo.MovH264);

        // The upload's start, chunks and completion land on both instances: the staging folder is the shared one.
        var clipIds = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var upload = await ClipApi.UploadAsync(admin, source, ClipApi.Details(ClipApi.NewSlug()));
            Assert.True(upload.Status == HttpStatusCode.Created, upload.Body);
            clipIds.Add(upload.ClipId!.Value);
        }
        await TranscodeWorkersTests.WaitForAsync(async () =>
            (await TranscodeWorkersTests.JobsAsync(Factory.Database, clipIds)).All(j => j.Status is not (TranscodeStatus.Queued or TranscodeStatus.Running)));

        var jobs = await TranscodeWorkersTests.JobsAsync(Factory.Database, clipIds);
        Assert.All(jobs, job =>
        {
            Assert.Equal((TranscodeStatus.Succeeded, 1), (job.Status, job.Attempts));
            Assert.Equal(1, both.Instances.Sum(instance => TranscodeWorkersTests.Runs(instance, job)));
        });
        // Each clip plays through nginx, whichever instance is asked.
        foreach (var clipId in clipIds)
        {
            var poster = await admin.GetAsync($"/clips/{clipId}/poster.jpg");
            Assert.True(poster.StatusCode == HttpStatusCode.OK, $"clip {clipId}: {(int)poster.StatusCode} from {Instance(poster)}");
        }
    }

    private sealed record Answer(string Instance, string Html);

    /// <summary>Loads the page until both instances have answered (round robin: the next two requests, normally).</summary>
    private static async Task<List<Answer>> UntilBothAnsweredAsync(HttpClient client, string path)
    {
        var answers = new List<Answer>();
        while (answers.Select(a => a.Instance).Distinct().Count() < 2)
        {
            Assert.True(answers.Count < 10, $"only {string.Join(",", answers.Select(a => a.Instance))} answered");
            var page = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            answers.Add(new(Instance(page), await page.Content.ReadAsStringAsync()));
        }
        return answers;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"submissionKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionKeyField();
}
