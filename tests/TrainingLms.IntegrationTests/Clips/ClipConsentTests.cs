using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Clips;

namespace TrainingLms.IntegrationTests.Clips;

/// <summary>
/// Filming real staff: each person named in a clip is told and answers; nobody else but the curators sees the clip
/// until everyone in it agreed, a Smile Discovery recording is published only then, and a withdrawal hides it again at once.
/// </summary>
public class ClipConsentTests(LmsFactory app) : IClassFixture<LmsFactory>
{
    private const string TrainerNumber = "CT0001";

    [Fact]
    public async Task FilmedPerson_IsTold_AgreesAndWithdraws_AndOthersSeeTheClipOnlyWhileEveryoneAgrees()
    {
        var filmedId = await app.CreatePersonAsync("CF001", [Roles.Employee]);
        await app.CreatePersonAsync("CV001", [Roles.Employee]);
        var clipId = await CreateReadyClipAsync("consent-story", ClipKind.BenchmarkStory);
        var colleague = await app.SignedInAsync("CV001");
        Assert.Equal(HttpStatusCode.OK, await VideoStatusAsync(colleague, clipId)); // a benchmark story, nobody named yet

        var trainer = await TrainerAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await trainer.PostFormAsync($"/clips/{clipId}/edit", "feature", new() { ["employeeNumber"] = "CF001" })).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, await VideoStatusAsync(colleague, clipId));
        Assert.DoesNotContain($"/clips/{clipId}\"", await colleague.GetStringAsync("/clips"));
        var filmed = await app.SignedInAsync("CF001");
        Assert.Contains("有 1 段您出镜的视频等待您答复", await filmed.GetStringAsync("/"));
        var mine = await filmed.GetStringAsync("/clips/mine");
        Assert.Contains("出镜告知", mine);
        Assert.Contains($"/clips/{clipId}\"", mine);
        Assert.Equal(HttpStatusCode.OK, await VideoStatusAsync(filmed, clipId)); // the person filmed always sees it

        var agreed = await filmed.PostFormAsync("/clips/mine", $"consent-{clipId}", new() { ["answer"] = "Given" });
        Assert.Equal("/clips/mine", agreed.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, await VideoStatusAsync(colleague, clipId));
        Assert.DoesNotContain("等待您答复", await filmed.GetStringAsync("/"));

        var withdrawn = await filmed.PostFormAsync($"/clips/{clipId}", $"consent-{clipId}", new() { ["answer"] = "Withdrawn" });
        Assert.Equal($"/clips/{clipId}", withdrawn.RedirectPath());
        Assert.Equal(HttpStatusCode.Forbidden, await VideoStatusAsync(colleague, clipId)); // at once, though the bytes' access is kept in memory
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.GetAsync($"/clips/{clipId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await VideoStatusAsync(filmed, clipId));
        var ownPage = await filmed.GetStringAsync($"/clips/{clipId}");
        Assert.Contains("表示不同意", ownPage);
        Assert.Contains("同意展示", ownPage); // they may change their mind again
        var record = await AnswerOfAsync(clipId, filmedId);
        Assert.Equal(FilmingConsent.Withdrawn, record.Consent);
        Assert.NotNull(record.AnsweredAtUtc);

        // The withdrawal stays on record: the trainer sees it and cannot remove the person to show the clip again.
        var edit = await trainer.GetStringAsync($"/clips/{clipId}/edit");
        Assert.Contains("不同意", edit);
        var unfeature = await trainer.PostFormAsync($"/clips/{clipId}/edit", "unfeature-CF001", []);
        Assert.Equal(HttpStatusCode.OK, unfeature.StatusCode);
        Assert.Contains("其答复须留存", await unfeature.Content.ReadAsStringAsync());
        Assert.Equal(FilmingConsent.Withdrawn, (await AnswerOfAsync(clipId, filmedId)).Consent);
        Assert.Equal(HttpStatusCode.Forbidden, await VideoStatusAsync(colleague, clipId));
    }

    [Fact]
    public async Task FilmedTogether_OneSaysNo_TheOtherNoLongerSeesThemEither()
    {
        var saysNo = await app.CreatePersonAsync("CF301", [Roles.Employee]);
        await app.CreatePersonAsync("CF302", [Roles.Employee]);
        var clipId = await CreateReadyClipAsync("consent-together", ClipKind.TrainingDv);
        foreach (var number in new[] { "CF301", "CF302" })
            Assert.Null(await app.WithScopeAsync(s => s.GetRequiredService<ClipAdministration>().FeatureAsync(clipId, number)));
        var other = await app.SignedInAsync("CF302");
        Assert.Equal(HttpStatusCode.OK, await VideoStatusAsync(other, clipId)); // in it, everyone still to answer

        await AnswerAsync(clipId, saysNo, FilmingConsent.Withdrawn);

        Assert.Equal(HttpStatusCode.Forbidden, await VideoStatusAsync(other, clipId));
        Assert.Equal(HttpStatusCode.OK, await VideoStatusAsync(await app.SignedInAsync("CF301"), clipId));
    }

    [Fact]
    public async Task SmileDiscovery_IsPublished_OnlyWithEveryoneFilmedNamedAndAgreeing()
    {
        var first = await app.CreatePersonAsync("CF101", [Roles.Employee]);
        var second = await app.CreatePersonAsync("CF102", [Roles.Employee]);
        await app.CreatePersonAsync("CV101", [Roles.Employee]);
        var clipId = await CreateReadyClipAsync("consent-discovery", ClipKind.SmileDiscovery);
        var trainer = await TrainerAsync();
        var colleague = await app.SignedInAsync("CV101");

        var nobodyNamed = await PublishAsync(trainer, clipId);
        Assert.Contains("请先添加出镜人员", nobodyNamed);
        foreach (var number in new[] { "CF101", "CF102" })
            Assert.Equal(HttpStatusCode.Redirect, (await trainer.PostFormAsync($"/clips/{clipId}/edit", "feature", new() { ["employeeNumber"] = number })).StatusCode);
        Assert.Contains("尚有出镜人员未同意", await PublishAsync(trainer, clipId));
        await AnswerAsync(clipId, first, FilmingConsent.Given);
        Assert.Contains("尚有出镜人员未同意", await PublishAsync(trainer, clipId));
        Assert.False(await app.WithDbAsync(db => db.Clips.Where(c => c.Id == clipId).Select(c => c.IsPublished).SingleAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, await VideoStatusAsync(colleague, clipId));

        await AnswerAsync(clipId, second, FilmingConsent.Given);
        var published = await trainer.PostFormAsync($"/clips/{clipId}/edit", "publish", []);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await VideoStatusAsync(colleague, clipId));

        await AnswerAsync(clipId, second, FilmingConsent.Withdrawn);
        Assert.Equal(HttpStatusCode.Forbidden, await VideoStatusAsync(colleague, clipId)); // published, but no longer agreed to
        Assert.Contains("出镜人不同意", await trainer.GetStringAsync("/clips"));
        await AnswerAsync(clipId, second, FilmingConsent.Given); // changed their mind again
        Assert.Equal(HttpStatusCode.OK, await VideoStatusAsync(colleague, clipId));
    }

    [Fact]
    public async Task Answers_OnlyFromThePersonFilmed_AndOnlyRealAnswers_ChangeAnything()
    {
        var filmedId = await app.CreatePersonAsync("CF201", [Roles.Employee]);
        var otherId = await app.CreatePersonAsync("CV201", [Roles.Employee]);
        var clipId = await CreateReadyClipAsync("consent-answers", ClipKind.TrainingDv);
        await app.WithScopeAsync(s => s.GetRequiredService<ClipAdministration>().FeatureAsync(clipId, "CF201"));

        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<RecordingsOfMe>().AnswerAsync(clipId, otherId, FilmingConsent.Given)));
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<RecordingsOfMe>().AnswerAsync(clipId, filmedId, FilmingConsent.Pending)));
        var filmed = await app.SignedInAsync("CF201");
        foreach (var hostile in new[] { "Pending", "5", "", "given; drop table", "1.5" })
        {
            var response = await filmed.PostFormAsync("/clips/mine", $"consent-{clipId}", new() { ["answer"] = hostile });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("只有出镜本人才能答复此告知", await response.Content.ReadAsStringAsync());
        }
        var other = await app.SignedInAsync("CV201");
        var notTheirs = await other.PostFormAsync("/clips/mine", $"consent-{clipId}", new() { ["answer"] = "Given" });
        Assert.True(notTheirs.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.OK, notTheirs.StatusCode.ToString());
        Assert.Equal(FilmingConsent.Pending, (await AnswerOfAsync(clipId, filmedId)).Consent);
        Assert.Contains("目前没有标注您出镜的视频", await other.GetStringAsync("/clips/mine"));
    }

    private async Task<HttpClient> TrainerAsync()
    {
        if (await app.FindPersonAsync(TrainerNumber) is null) await app.CreatePersonAsync(TrainerNumber, [Roles.Trainer]);
        return await app.SignedInAsync(TrainerNumber);
    }

    private static async Task<string> PublishAsync(HttpClient trainer, int clipId)
    {
        var response = await trainer.PostFormAsync($"/clips/{clipId}/edit", "publish", []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<bool> AnswerAsync(int clipId, string personId, FilmingConsent answer) =>
        app.WithScopeAsync(s => s.GetRequiredService<RecordingsOfMe>().AnswerAsync(clipId, personId, answer));

    private Task<ClipFeaturedPerson> AnswerOfAsync(int clipId, string personId) =>
        app.WithDbAsync(db => db.ClipFeaturedPeople.AsNoTracking().SingleAsync(f => f.ClipId == clipId && f.PersonId == personId));

    private static async Task<HttpStatusCode> VideoStatusAsync(HttpClient client, int clipId) =>
        (await client.GetAsync($"/clips/{clipId}/video/480p.mp4")).StatusCode;

    private async Task<int> CreateReadyClipAsync(string slug, ClipKind kind) =>
        await StandInClips.CreateReadyAsync(app, slug, kind, (await app.FindPersonAsync(LmsFactory.AdministratorNumber))!.Id);
}
