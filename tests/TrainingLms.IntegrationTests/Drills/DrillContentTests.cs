using TrainingLms.Web.Infrastructure;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain.Drills;
using TrainingLms.IntegrationTests.Courses;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Courses.Content;
using TrainingLms.Web.Features.Drills;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.IntegrationTests.Drills;

/// <summary>Rubrics synced from a content folder the test writes, the way courses are: versions, problems, last good revision.</summary>
public class DrillContentTests(CourseContentFactory factory) : IClassFixture<CourseContentFactory>
{
    private static string Rubric(string slug, int version = 1, string standard = "不露齿的微笑", string passMark = "80") => $$"""
        ---
        slug: {{slug}}
        version: {{version}}
        title: { zh-CN: 微笑演练, en: Smile drill }
        summary: { zh-CN: 只考微笑, en: Only the smile }
        passMark: {{passMark}}
        validityMonths: 6
        retakeAfterDays: 2
        criteria:
          - key: smile
            title: { zh-CN: 微笑, en: Smile }
            standard: { zh-CN: {{standard}}, en: Teeth covered }
            scale: pass-fail
            weight: 1
            mustPass: true
        ---
        两人一组练习。
        """;

    private Task<T> DbAsync<T>(Func<LmsDbContext, Task<T>> read) => factory.WithScopeAsync(services => read(services.GetRequiredService<LmsDbContext>()));

    private Task<List<DrillRevision>> RevisionsAsync(string slug) =>
        DbAsync(db => db.DrillRevisions.AsNoTracking().Where(r => db.Drills.Any(d => d.Id == r.DrillId && d.Slug == slug)).OrderBy(r => r.Number).ToListAsync());

    private static ContentSectionRow Row(ContentSectionReport report, string file) => report.Rows.Single(r => r.Source == file);

    [Fact]
    public async Task Sync_NewRubric_Published_ThenUnchangedSkipped_PatchedAndNewVersionStored()
    {
        factory.WriteDrillFile("smile.md", Rubric("smile-a"));
        Assert.Equal(SyncOutcome.Added, Row(await factory.SyncDrillsAsync(), "smile.md").Outcome);
        Assert.Equal(SyncOutcome.Unchanged, Row(await factory.SyncDrillsAsync(), "smile.md").Outcome);

        factory.WriteDrillFile("smile.md", Rubric("smile-a", standard: "微笑时不露牙齿"));
        Assert.Equal(SyncOutcome.Patched, Row(await factory.SyncDrillsAsync(), "smile.md").Outcome);
        factory.WriteDrillFile("smile.md", Rubric("smile-a", version: 2, standard: "微笑时不露牙齿", passMark: "100"));
        var raised = Row(await factory.SyncDrillsAsync(), "smile.md");

        Assert.Equal((SyncOutcome.NewVersion, 2), (raised.Outcome, raised.Version));
        var revisions = await RevisionsAsync("smile-a");
        Assert.Equal([(1, 1), (2, 1), (3, 2)], revisions.Select(r => (r.Number, r.Version)));
        Assert.Equal(100, revisions[^1].PassMark);
    }

    [Fact]
    public async Task Sync_BrokenChange_ReportedWithFileAndLine_OnTheContentPage_LastGoodRevisionStays()
    {
        factory.WriteDrillFile("broken.md", Rubric("smile-b"));
        await factory.SyncDrillsAsync();
        factory.WriteDrillFile("broken.md", Rubric("smile-b").Replace("scale: pass-fail", "scale: yes-no"));

        var report = await factory.SyncDrillsAsync();

        Assert.Equal(SyncOutcome.Failed, Row(report, "broken.md").Outcome);
        var problem = Assert.Single(report.Problems, p => p.File == "drills/broken.md");
        Assert.Equal((13, "ScaleInvalid"), (problem.Line, problem.Code));
        var revisions = await RevisionsAsync("smile-b");
        Assert.Equal(CriterionScale.PassFail, Assert.Single(revisions).Criteria[0].Scale);
        var administrator = await factory.AdministratorClientAsync();
        var page = await administrator.GetStringAsync("/admin/content");
        Assert.Contains("演练评分表", page);
        Assert.Contains("drills/broken.md", page);
        Assert.Contains("“yes-no”不是有效的评分方式", page);
        Assert.True(await DbAsync(async db => (await DrillCatalog.ActiveAsync(db)).Any(d => d.Slug == "smile-b")));
    }

    [Fact]
    public async Task Sync_LoweredVersionRefused_RemovedFileRetiresTheDrill_ReloadFromThePageReadsAgain()
    {
        factory.WriteDrillFile("lower.md", Rubric("smile-c", version: 3));
        await factory.SyncDrillsAsync();
        factory.WriteDrillFile("lower.md", Rubric("smile-c", version: 2));

        var lowered = await factory.SyncDrillsAsync();
        Assert.Equal("VersionLowered", Assert.Single(lowered.Problems, p => p.File == "drills/lower.md").Code);

        factory.DeleteDrillFile("lower.md");
        var administrator = await factory.AdministratorClientAsync();
        var reload = await administrator.PostFormAsync("/admin/content", "reload", []);
        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        Assert.False(await DbAsync(db => db.Drills.Where(d => d.Slug == "smile-c").Select(d => d.IsActive).SingleAsync()));
        Assert.Single(await RevisionsAsync("smile-c"));
    }
}
