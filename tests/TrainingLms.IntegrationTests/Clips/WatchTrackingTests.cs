using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Clips;
using TrainingLms.Web.Features.Demo;

namespace TrainingLms.IntegrationTests.Clips;

/// <summary>The clip library with a clock the tests move, for the time a report may claim.</summary>
public sealed class ClockedClipsFactory : ClipsFactory
{
    public TestClock Clock { get; } = new();

    /// <summary>One transcoded clip per kind, shared by the tests of the class (each with its own learner).</summary>
    public Dictionary<ClipKind, Clip> SharedClips { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Watch reports over HTTP: unique seconds, clamping, floods, resume, and a lesson's required clip.</summary>
public class WatchTrackingTests(ClockedClipsFactory factory, MediaFiles media) : IClassFixture<ClockedClipsFactory>, IClassFixture<MediaFiles>
{
    private const double Length = 20;
    private static int learners;

    /// <summary>The first course's smile lesson requires the clip with this slug (content/courses/meet-smile-greet-rise/02-smile.md).</summary>
    private const string LessonClipSlug = "smile-standard-demo";

    /// <summary>The class's clip of this kind, transcoded on first use; the training clip has the lesson's slug, so the lesson test needs no transcode of its own.</summary>
    private async Task<Clip> ClipAsync(ClipKind kind = ClipKind.TrainingDv)
    {
        if (factory.SharedClips.TryGetValue(kind, out var shared)) return shared;
        var trainer = await factory.TrainerAsync();
        var slug = kind == ClipKind.TrainingDv ? LessonClipSlug : ClipApi.NewSlug();
        var upload = await ClipApi.UploadAsync(trainer, await media.SampleAsync(SampleVideo.PalDv43, Length), ClipApi.Details(slug, kind));
        var clip = await factory.WaitForClipAsync(upload.ClipId!.Value);
        Assert.Equal(ClipStatus.Ready, clip.Status);
        factory.SharedClips[kind] = clip;
        return clip;
    }

    private async Task<(HttpClient Client, string Token, string PersonId)> LearnerAsync()
    {
        var number = $"L{Interlocked.Increment(ref learners)}";
        var id = await factory.CreatePersonAsync(number, [Roles.Employee]);
        var client = await factory.SignedInAsync(number);
        return (client, await ClipApi.TokenAsync(client, "/clips"), id);
    }

    private static async Task<HttpResponseMessage> ReportAsync(HttpClient client, string token, int clipId, double position, params (double Start, double End)[] spans) =>
        await ClipApi.SendAsync(client, HttpMethod.Post, $"/api/clips/{clipId}/watch", token,
            ClipApi.Json(new WatchReport([.. spans.Select(s => new[] { s.Start, s.End })], position)));

    private static async Task<WatchProgress> ProgressAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<WatchProgress>())!;
    }

    [Fact]
    public async Task Reports_PlayingOnRewatchingAndSeeking_CountUniqueSecondsOnly()
    {
        var clip = await ClipAsync();
        var (client, token, _) = await LearnerAsync();

        var first = await ProgressAsync(await ReportAsync(client, token, clip.Id, 10, (0, 10)));
        factory.Clock.UtcNow += TimeSpan.FromSeconds(10);
        // Re-watched 5–10, then jumped ahead to 14: the spans played, as the player reports them.
        var second = await ProgressAsync(await ReportAsync(client, token, clip.Id, 17, (0, 10), (5, 10), (14, 17)));

        Assert.Equal(10, first.WatchedSeconds, 1);
        Assert.Equal(13, second.WatchedSeconds, 1);
        Assert.Equal(13 / clip.DurationSeconds, second.Share, 2);
        Assert.False(second.Watched);
        Assert.Equal(17, second.ResumeAt, 1);
    }

    [Fact]
    public async Task Report_Tampered_ClaimingTheWholeClipAndBeyond_IsClampedToWhatTimeAllows()
    {
        var clip = await ClipAsync();
        var (client, token, _) = await LearnerAsync();

        var progress = await ProgressAsync(await ReportAsync(client, token, clip.Id, 1e9, (-100, 1e9), (double.MaxValue, 5)));

        Assert.Equal(WatchTracking.FirstReportCreditSeconds, progress.WatchedSeconds, 1);
        Assert.Equal(0, progress.ResumeAt);
    }

    [Fact]
    public async Task Reports_AFloodAtOnce_TogetherEarnNoMoreThanOne()
    {
        var clip = await ClipAsync();
        var (client, token, personId) = await LearnerAsync();

        var flood = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => ReportAsync(client, token, clip.Id, 0, (i, Length))));

        Assert.All(flood, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var watched = await factory.WithDbAsync(db => db.ClipViews.Where(v => v.PersonId == personId && v.ClipId == clip.Id).Select(v => v.WatchedSeconds).SingleAsync());
        Assert.InRange(watched, 0, WatchTracking.FirstReportCreditSeconds + 0.01);
    }

    [Fact]
    public async Task Report_ForAClipTheLearnerMayNotSee_IsForbidden_AndRecordsNothing()
    {
        var clip = await ClipAsync(kind: ClipKind.BenchmarkCompanyFootage);
        var (client, token, personId) = await LearnerAsync();

        var response = await ReportAsync(client, token, clip.Id, 5, (0, 5));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.ClipViews.AnyAsync(v => v.PersonId == personId)));
    }

    [Fact]
    public async Task Lesson_WithARequiredClip_CompletesOnlyOnceTheClipIsWatchedFarEnough()
    {
        var clip = await ClipAsync();
        var (client, token, personId) = await LearnerAsync();
        const string lesson = "/learning/meet-smile-greet-rise/02-smile";

        var page = await client.GetStringAsync(lesson);
        Assert.Contains($"/clips/{clip.Id}/video/480p.mp4", page);
        var early = await client.PostFormAsync(lesson, "complete", []);
        Assert.Contains("请先看完视频的至少 90%", await early.Content.ReadAsStringAsync());
        Assert.False(await CompletedAsync(personId));

        // Watch it through, reporting every ten seconds as the player does.
        for (var end = 10.0; end < clip.DurationSeconds + 10; end += 10)
        {
            await ProgressAsync(await ReportAsync(client, token, clip.Id, end, (0, Math.Min(end, clip.DurationSeconds))));
            factory.Clock.UtcNow += TimeSpan.FromSeconds(10);
        }
        var done = await client.PostFormAsync(lesson, "complete", []);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.True(await CompletedAsync(personId));
    }

    private Task<bool> CompletedAsync(string personId) =>
        factory.WithDbAsync(db => db.LessonCompletions.AnyAsync(c => c.PersonId == personId && c.LessonKey == "02-smile"));
}
