using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.ShiftReviews;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Evaluations.Benchmarking;

/// <summary>Smile stories and the quarterly service star, driven over HTTP as each role would.</summary>
public class RecognitionTests(BenchmarkFactory factory) : IClassFixture<BenchmarkFactory>
{
    private Task<int> ClipAsync(string slug, ClipKind kind, string uploadedById) => factory.WithDbAsync(async db =>
    {
        var clip = new Clip
        {
            Slug = slug, Title = "视频" + slug, Kind = kind, Status = ClipStatus.Ready, OriginalFileName = slug + ".mp4", OriginalExtension = ".mp4",
            DurationSeconds = 90, UploadedById = uploadedById, Source = new VideoFacts(1280, 720, 1, 0, true, 90, true),
            Moments = [new ClipMoment { AtSeconds = 65, Kind = MomentKind.GoodExample, Point = EtiquettePoint.Greet, Note = "起身问好" + slug }],
        };
        db.Clips.Add(clip);
        await db.SaveChangesAsync();
        return clip.Id;
    });

    private static bool Forbidden(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Forbidden || response.RedirectPath()?.Contains("denied", StringComparison.OrdinalIgnoreCase) == true;

    [Fact]
    public async Task Story_PublishedByTrainer_ReadAtItsSiteOnlyAndWithdrawnKeptButHidden()
    {
        var siteId = await factory.CreateSiteAsync("SA");
        var otherSiteId = await factory.CreateSiteAsync("SB");
        var featuredId = await factory.PersonAtAsync("SA1", siteId);
        await factory.PersonAtAsync("SA2", siteId);
        await factory.PersonAtAsync("SB1", otherSiteId);
        var trainerId = await factory.PersonAtAsync("SAT", otherSiteId, null, Roles.Trainer, Roles.Employee);
        var storyClip = await ClipAsync("story-sa", ClipKind.BenchmarkStory, trainerId);
        using var trainer = await factory.SignedInAsync("SAT");
        using var colleague = await factory.SignedInAsync("SA2");
        using var elsewhere = await factory.SignedInAsync("SB1");

        var fields = new Dictionary<string, string>
        {
            ["site"] = $"{siteId}", ["person"] = featuredId, ["title"] = "雨天递伞的微笑", ["body"] = "第一段<script>alert(1)</script>\r\n第二段", ["clip"] = $"{storyClip}",
            ["submissionKey"] = Guid.NewGuid().ToString(),
        };
        var published = await trainer.PostFormAsync($"/benchmark/stories/new?site={siteId}", "publish-story", fields);
        // A double tap sends the same form again: it lands on the same story, and no second one is stored.
        var again = await trainer.PostFormAsync($"/benchmark/stories/new?site={siteId}", "publish-story", fields);

        var story = await factory.WithDbAsync(db => db.SmileStories.AsNoTracking().SingleAsync(s => s.SiteId == siteId));
        Assert.Equal($"/benchmark/stories?published={story.Id}", published.RedirectPath());
        Assert.Equal(published.RedirectPath(), again.RedirectPath());
        Assert.Equal(("雨天递伞的微笑", "第一段<script>alert(1)</script>\n第二段", storyClip, trainerId), (story.Title, story.Body, story.ClipId, story.AuthorId));
        var read = await colleague.GetStringAsync("/benchmark/stories");
        Assert.Contains("雨天递伞的微笑", read);
        // Encoded as text, the line break kept (as a character or its reference) for the page's pre-line style.
        Assert.Matches("class=\"review-text story-body\">第一段&lt;script&gt;alert\\(1\\)&lt;/script&gt;(\n|&#xA;)第二段</div>", read);
        Assert.DoesNotContain("<script>alert(1)", read);
        Assert.Contains($"href=\"/clips/{storyClip}\"", read);
        Assert.Contains($"href=\"/clips/{storyClip}?t=65\"", read);
        Assert.Contains("起身问好story-sa", read);
        Assert.DoesNotContain("雨天递伞的微笑", await elsewhere.GetStringAsync("/benchmark/stories"));

        var refused = await colleague.PostFormAsync("/benchmark/stories", "withdraw-story", new() { ["story"] = $"{story.Id}" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await trainer.PostFormAsync("/benchmark/stories", "withdraw-story", new() { ["story"] = $"{story.Id}" })).StatusCode);

        Assert.True(await factory.WithDbAsync(db => db.SmileStories.Where(s => s.Id == story.Id).Select(s => s.IsWithdrawn).SingleAsync()));
        Assert.DoesNotContain("雨天递伞的微笑", await colleague.GetStringAsync("/benchmark/stories"));
        Assert.Contains($"data-story=\"{story.Id}\" data-withdrawn=\"true\"", await trainer.GetStringAsync("/benchmark/stories"));
    }

    [Fact]
    public async Task Story_HiddenClipOrEmployeePublishing_RefusedOrNotLinked()
    {
        var siteId = await factory.CreateSiteAsync("SC");
        var featuredId = await factory.PersonAtAsync("SC1", siteId);
        await factory.PersonAtAsync("SC2", siteId);
        var trainerId = await factory.PersonAtAsync("SCT", siteId, null, Roles.Trainer, Roles.Employee);
        // An unpublished Smile Discovery recording: the trainer may attach it, staff who are not in it may not see it.
        var hidden = await ClipAsync("hidden-sc", ClipKind.SmileDiscovery, trainerId);
        using var trainer = await factory.SignedInAsync("SCT");
        using var employee = await factory.SignedInAsync("SC2");
        var fields = new Dictionary<string, string> { ["site"] = $"{siteId}", ["person"] = featuredId, ["title"] = "前台的早安", ["body"] = "故事", ["clip"] = $"{hidden}" };

        Assert.True(Forbidden(await employee.GetAsync("/benchmark/stories/new")));
        Assert.Equal(HttpStatusCode.Redirect, (await trainer.PostFormAsync($"/benchmark/stories/new?site={siteId}", "publish-story", fields)).StatusCode);
        var tooLong = await trainer.PostFormAsync($"/benchmark/stories/new?site={siteId}", "publish-story",
            new(fields) { ["title"] = new string('长', TrainingLms.Domain.Evaluations.BenchmarkScores.MaxStoryTitleLength + 1) });

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("data-error=\"title\"", await tooLong.Content.ReadAsStringAsync());
        var read = await employee.GetStringAsync("/benchmark/stories");
        Assert.Contains("前台的早安", read);
        Assert.DoesNotContain($"/clips/{hidden}", read);
        Assert.Contains($"/clips/{hidden}", await trainer.GetStringAsync("/benchmark/stories"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.SmileStories.CountAsync(s => s.SiteId == siteId)));
    }

    private static Task<HttpResponseMessage> NominateAsync(HttpClient client, int siteId, string personId, string reason = "主动帮业主搬运") =>
        client.PostFormAsync($"/benchmark/star?site={siteId}", "nominate", new() { ["site"] = $"{siteId}", ["person"] = personId, ["reason"] = reason });

    private static Task<HttpResponseMessage> DecideAsync(HttpClient client, int siteId, string choice, string reason = "综合顾客与同事评价") =>
        client.PostFormAsync($"/benchmark/star?site={siteId}", "decide", new() { ["site"] = $"{siteId}", ["person"] = choice, ["reason"] = reason });

    private Task<List<TrainingLms.Domain.Evaluations.ServiceStarDecision>> DecisionsAsync(int siteId) =>
        factory.WithDbAsync(db => db.ServiceStarDecisions.AsNoTracking().Where(d => d.SiteId == siteId).ToListAsync());

    [Fact]
    public async Task Star_NominatedByClassLeader_ManagerOfTheSiteDecidesTheNominee()
    {
        var siteId = await factory.CreateSiteAsync("TA");
        var nomineeId = await factory.PersonAtAsync("TA1", siteId);
        var otherId = await factory.PersonAtAsync("TA2", siteId);
        await factory.PersonAtAsync("TAL", siteId, null, Roles.ClassLeader, Roles.Employee);
        var managerId = await factory.PersonAtAsync("TAM", siteId, null, Roles.Manager);
        using var leader = await factory.SignedInAsync("TAL");
        using var manager = await factory.SignedInAsync("TAM");

        Assert.Equal(HttpStatusCode.OK, (await NominateAsync(leader, siteId, nomineeId)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await NominateAsync(manager, siteId, nomineeId)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await DecideAsync(manager, siteId, otherId)).StatusCode);
        var decided = await DecideAsync(manager, siteId, nomineeId);

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Contains("data-star=\"TA1\"", await decided.Content.ReadAsStringAsync());
        var decision = Assert.Single(await DecisionsAsync(siteId));
        Assert.Equal((nomineeId, managerId, "综合顾客与同事评价"), (decision.PersonId, decision.DecidedById, decision.Reason));
        Assert.Single(await factory.WithDbAsync(db => db.ServiceStarNominations.AsNoTracking().Where(n => n.SiteId == siteId).ToListAsync()));
        // Everyone signed in sees the decision.
        using var employee = await factory.SignedInAsync("TA2");
        Assert.Contains("data-star=\"TA1\"", await employee.GetStringAsync($"/benchmark/star?site={siteId}"));
    }

    [Fact]
    public async Task Star_DecidedAsNobody_SecondDecisionRefusedAndTheFirstStands()
    {
        var siteId = await factory.CreateSiteAsync("TB");
        var nomineeId = await factory.PersonAtAsync("TB1", siteId);
        await factory.PersonAtAsync("TBM", siteId, null, Roles.Manager);
        using var manager = await factory.SignedInAsync("TBM");
        using var admin = await factory.AdministratorClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await NominateAsync(manager, siteId, nomineeId)).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await DecideAsync(manager, siteId, "none", reason: "")).StatusCode);
        var none = await DecideAsync(manager, siteId, "none", "本季度无人达到标准");
        var again = await DecideAsync(admin, siteId, nomineeId);

        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("data-star=\"none\"", await none.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("data-status=\"duplicate\"", await again.Content.ReadAsStringAsync());
        var decision = Assert.Single(await DecisionsAsync(siteId));
        Assert.Null(decision.PersonId);
        Assert.Equal("本季度无人达到标准", decision.Reason);
    }

    [Fact]
    public async Task Star_EmployeeOrManagerOfAnotherSite_CannotDecideOrNominate()
    {
        var siteId = await factory.CreateSiteAsync("TC");
        var otherSiteId = await factory.CreateSiteAsync("TD");
        var nomineeId = await factory.PersonAtAsync("TC1", siteId);
        await factory.PersonAtAsync("TC2", siteId);
        await factory.PersonAtAsync("TCL", siteId, null, Roles.ClassLeader, Roles.Employee);
        await factory.PersonAtAsync("TDM", otherSiteId, null, Roles.Manager);
        await factory.PersonAtAsync("TCT", otherSiteId, null, Roles.Trainer);
        using var employee = await factory.SignedInAsync("TC2");
        using var leader = await factory.SignedInAsync("TCL");
        using var otherManager = await factory.SignedInAsync("TDM");
        using var trainer = await factory.SignedInAsync("TCT");

        // Trainers nominate at any site; the form is there for them, not for an employee.
        Assert.Equal(HttpStatusCode.OK, (await NominateAsync(trainer, siteId, nomineeId)).StatusCode);
        Assert.DoesNotContain("name=\"reason\"", await employee.GetStringAsync($"/benchmark/star?site={siteId}"));

        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(employee, siteId, nomineeId)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(leader, siteId, nomineeId)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(otherManager, siteId, nomineeId)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(trainer, siteId, nomineeId)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await NominateAsync(employee, siteId, nomineeId, "我觉得好")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await NominateAsync(otherManager, siteId, nomineeId, "跨项目")).StatusCode);
        Assert.Empty(await DecisionsAsync(siteId));
    }
}
