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

/// <summary>Trainers editing lessons in the browser, previewing, exporting, and who may not.</summary>
public class CourseAuthoringTests
{
    [Fact]
    public async Task Editor_SavesANewRevision_AndRefusesABrokenQuiz()
    {
        await using var factory = await StartAsync();
        var trainer = await factory.CreatePersonAsync("T1", [Roles.Trainer]);
        var baseRevision = await QueryAsync(factory, db => db.Courses.Select(c => c.CurrentRevisionId!.Value).SingleAsync());
        var edit = new LessonEdit("见面", "Meet", "## 见面\n\n改写后的正文。", null, RaiseVersion: false, baseRevision);
        var saved = await factory.WithScopeAsync(s => s.GetRequiredService<CourseAdministration>().SaveLessonAsync(SampleCourse.Slug, "01-meet", edit, trainer));
        Assert.Equal(LessonSaveOutcome.Saved, saved.Outcome);

        var current = await QueryAsync(factory, db => db.Courses.Select(c => c.CurrentRevisionId!.Value).SingleAsync());
        var broken = edit with { BaseRevisionId = current, BodyZh = "正文\n\n```quiz\nquestions:\n  - type: single\n    prompt: { zh-CN: 题, en: Q }\n    options: []\n```\n" };
        var refused = await factory.WithScopeAsync(s => s.GetRequiredService<CourseAdministration>().SaveLessonAsync(SampleCourse.Slug, "01-meet", broken, trainer));
        Assert.Equal(LessonSaveOutcome.Invalid, refused.Outcome);
        Assert.Contains(refused.Problems, p => p.Code == "QuestionNeedsOptions" && p.Line == 5);

        var revisions = await QueryAsync(factory, db => db.CourseRevisions.AsNoTracking().OrderBy(r => r.Number).Select(r => new { r.Version, r.Source }).ToListAsync());
        Assert.Equal([(1, RevisionSource.Content), (1, RevisionSource.Editor)], revisions.Select(r => (r.Version, r.Source)));
        var export = await (await factory.AdministratorClientAsync()).GetAsync($"/courses/manage/{SampleCourse.Slug}/export.zip");
        Assert.True(export.IsSuccessStatusCode, factory.Errors.ToString());
        Assert.Equal("application/zip", export.Content.Headers.ContentType?.MediaType);
        var zip = await export.Content.ReadAsByteArrayAsync();
        using var archive = new ZipArchive(new MemoryStream(zip));
        using var reader = new StreamReader(archive.GetEntry($"{SampleCourse.Slug}/01-meet.md")!.Open());
        Assert.Contains("改写后的正文", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task Editor_SaveOnAnOlderRevision_IsRefusedAsAConflict_AndAnUnchangedSaveStoresNothing()
    {
        await using var factory = await StartAsync();
        var trainer = await factory.CreatePersonAsync("T3", [Roles.Trainer]);
        var administration = (Func<LessonEdit, Task<(LessonSaveOutcome Outcome, IReadOnlyList<ContentProblem> Problems)>>)(edit =>
            factory.WithScopeAsync(s => s.GetRequiredService<CourseAdministration>().SaveLessonAsync(SampleCourse.Slug, "01-meet", edit, trainer)));
        var first = await QueryAsync(factory, db => db.Courses.Select(c => c.CurrentRevisionId!.Value).SingleAsync());
        // A browser sends its text with CRLF line breaks; an unchanged lesson must still count as unchanged.
        var unchanged = new LessonEdit("见面", "Meet", "## 见面\r\n\r\n见面时微笑点头。\r\n", "## Meet\r\n\r\nSmile and nod.\r\n", RaiseVersion: false, first);

        Assert.Equal(LessonSaveOutcome.Saved, (await administration(unchanged with { BodyEn = "## Meet\n\nSmile and nod when eyes meet." })).Outcome);
        Assert.Equal(LessonSaveOutcome.Conflict, (await administration(unchanged with { BodyZh = "## 见面\n\n另一位培训师的改动。" })).Outcome);
        var second = await QueryAsync(factory, db => db.Courses.Select(c => c.CurrentRevisionId!.Value).SingleAsync());
        Assert.Equal(LessonSaveOutcome.Unchanged, (await administration(unchanged with { BodyEn = "## Meet\r\n\r\nSmile and nod when eyes meet.\r\n", BaseRevisionId = second })).Outcome);
        Assert.Equal(2, await QueryAsync(factory, db => db.CourseRevisions.CountAsync()));
    }

    [Fact]
    public async Task Export_CommittedBackToContent_SyncsAsUnchanged_ButAStaleFolderDoesNotUndoTheBrowserEdit()
    {
        await using var factory = await StartAsync();
        factory.WriteFile($"{SampleCourse.Slug}/images/smile.png", "not really a png, but a file to carry");
        var trainer = await factory.CreatePersonAsync("T4", [Roles.Trainer]);
        var baseRevision = await QueryAsync(factory, db => db.Courses.Select(c => c.CurrentRevisionId!.Value).SingleAsync());
        await factory.WithScopeAsync(s => s.GetRequiredService<CourseAdministration>().SaveLessonAsync(SampleCourse.Slug, "01-meet",
            new LessonEdit("见面", "Meet", "## 见面\n\n网页上改写的正文。", null, RaiseVersion: false, baseRevision), trainer));

        // Someone edits the old folder instead of committing the export: refused, the browser edit stays live.
        SampleCourse.Write(factory, lessonOneText: "文件夹里的旧改动。");
        var stale = await factory.SyncAsync();
        Assert.Contains(stale.Problems, p => p.Code == "EditorRevisionNewer");
        var learner = await CreateLearnerAsync(factory, "E110", facesCustomers: true);
        Assert.Contains("网页上改写的正文", await (await LearnerClientAsync(factory, "E110")).GetStringAsync($"/learning/{SampleCourse.Slug}/01-meet"));

        // The export, unzipped over the folder, reproduces the revision exactly, pictures included.
        var zip = await (await factory.AdministratorClientAsync()).GetByteArrayAsync($"/courses/manage/{SampleCourse.Slug}/export.zip");
        using (var archive = new ZipArchive(new MemoryStream(zip)))
        {
            Assert.NotNull(archive.GetEntry($"{SampleCourse.Slug}/images/smile.png"));
            archive.ExtractToDirectory(Path.Combine(factory.ContentPath, "courses"), overwriteFiles: true);
        }
        var committed = await factory.SyncAsync();
        Assert.Empty(committed.Problems);
        Assert.Equal(SyncOutcome.Unchanged, Assert.Single(committed.Courses).Outcome);
        Assert.Equal(2, await QueryAsync(factory, db => db.CourseRevisions.CountAsync()));
    }

    [Fact]
    public async Task Export_OfACourseForEveryone_KeepsItsEveryoneEntry_AndSyncsBackAsUnchanged()
    {
        await using var factory = new CourseContentFactory();
        SampleCourse.Write(factory, audience: "everyone: true");

        var zip = await (await factory.AdministratorClientAsync()).GetByteArrayAsync($"/courses/manage/{SampleCourse.Slug}/export.zip");
        using (var archive = new ZipArchive(new MemoryStream(zip)))
        {
            using var courseFile = new StreamReader(archive.GetEntry($"{SampleCourse.Slug}/course.md")!.Open());
            Assert.Contains("everyone: true", await courseFile.ReadToEndAsync());
            archive.ExtractToDirectory(Path.Combine(factory.ContentPath, "courses"), overwriteFiles: true);
        }
        var committed = await factory.SyncAsync();

        Assert.Empty(committed.Problems);
        Assert.Equal(SyncOutcome.Unchanged, Assert.Single(committed.Courses).Outcome);
    }

    [Theory]
    [InlineData("/courses/manage")]
    [InlineData("/admin/content")]
    [InlineData($"/courses/manage/{SampleCourse.Slug}/assign")]
    [InlineData($"/courses/manage/{SampleCourse.Slug}/01-meet/edit")]
    [InlineData($"/courses/manage/{SampleCourse.Slug}/export.zip")]
    [InlineData("/courses/overdue")]
    public async Task Employee_CannotOpenTrainerOrAdministratorPages(string path)
    {
        await using var factory = await StartAsync();
        await CreateLearnerAsync(factory, "E107", facesCustomers: true);
        var client = await LearnerClientAsync(factory, "E107");
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden, $"{path}: {response.StatusCode} {response.RedirectPath()}");
    }

    [Fact]
    public async Task Preview_TextWithAQuiz_ShowsTheKnowledgeCheckBeforeSaving_EnglishTextIsToldItCannotHoldOne()
    {
        await using var factory = await StartAsync();
        var (page, preview) = await OpenEditorAsync(factory, "T3", "02-check");
        const string markdown = "复习。\n\n```quiz\nquestions:\n  - type: truefalse\n    prompt: { zh-CN: 起身服务是基本要求吗？, en: Is rising to serve a basic? }\n    answer: true\n    explanation: { zh-CN: 是, en: Yes }\n    id: rise-basic\n```\n";

        var chinese = await preview(markdown, "zh");
        var english = await preview(markdown, "en");

        // The editor page itself opens with the saved lesson's quiz under its preview.
        Assert.All(["class=\"panel quiz is-preview\"", "目光相遇时？"], expected => Assert.Contains(expected, page));
        Assert.All(["class=\"panel quiz is-preview\"", "起身服务是基本要求吗？", "disabled"], expected => Assert.Contains(expected, chinese));
        Assert.DoesNotContain("<form", chinese);
        Assert.DoesNotContain("is-preview", english);
        Assert.All(["第 3 行：", "测验只写一次，写在中文文件中"], expected => Assert.Contains(expected, english));
    }

    [Fact]
    public async Task Preview_IsForTrainersOnly_AndRendersSafely()
    {
        await using var factory = await StartAsync();
        var (_, preview) = await OpenEditorAsync(factory, "T2", "01-meet");

        var html = await preview("**粗体** <script>alert(1)</script> [x](javascript:alert(1))\n\n```clip\nslug: smile-demo\nrequired: true\n```\n", "zh");

        Assert.Contains("<strong>粗体</strong>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("培训视频暂未上线", html); // the learners' own clip box, not a look-alike

        await CreateLearnerAsync(factory, "E108", facesCustomers: true);
        var learner = await LearnerClientAsync(factory, "E108");
        var refused = await learner.PostAsync("/courses/manage/preview", new FormUrlEncodedContent(new Dictionary<string, string> { ["markdown"] = "x", ["slug"] = "y" }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
