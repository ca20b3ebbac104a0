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

/// <summary>Publishing content/courses: problems by file and line, unchanged folders skipped, removed and restored courses.</summary>
public class CourseSyncTests
{
    [Fact]
    public async Task Sync_BrokenChange_IsReportedWithFileAndLine_LastGoodVersionStaysLive()
    {
        await using var factory = await StartAsync();
        await CreateLearnerAsync(factory, "E106", facesCustomers: true);
        factory.WriteFile($"{SampleCourse.Slug}/01-meet.md", "---\ntitle: { zh-CN: 见面 }\n---\n新的内容\n");

        var report = await factory.SyncAsync();
        var problem = Assert.Single(report.Problems);
        Assert.Equal(($"courses/{SampleCourse.Slug}/01-meet.md", 2, "Required"), (problem.File, problem.Line, problem.Code));
        Assert.Equal(SyncOutcome.Failed, Assert.Single(report.Courses).Outcome);

        var client = await LearnerClientAsync(factory, "E106");
        var lesson = await client.GetStringAsync($"/learning/{SampleCourse.Slug}/01-meet");
        Assert.Contains("见面时微笑点头", lesson);
        Assert.DoesNotContain("新的内容", lesson);

        var admin = await factory.AdministratorClientAsync();
        var page = await admin.GetStringAsync("/admin/content");
        Assert.Contains($"courses/{SampleCourse.Slug}/01-meet.md", page);
        Assert.Contains("缺少“en”", page);
    }

    [Fact]
    public async Task Sync_UnchangedFolder_IsNotProcessedAgain()
    {
        await using var factory = await StartAsync();
        var second = await factory.SyncAsync();
        Assert.Equal(SyncOutcome.Unchanged, Assert.Single(second.Courses).Outcome);
        Assert.Equal(1, await QueryAsync(factory, db => db.CourseRevisions.CountAsync()));
    }

    [Fact]
    public async Task Sync_TwoFoldersWithOneSlug_NeitherIsPublished()
    {
        await using var factory = new CourseContentFactory();
        SampleCourse.Write(factory, folder: "a");
        SampleCourse.Write(factory, folder: "b");
        var report = await factory.SyncAsync();
        // Each is reported on the slug: line of its own course.md (the front matter's first field, line 2).
        Assert.Equal([("courses/a/course.md", 2, "DuplicateSlug"), ("courses/b/course.md", 2, "DuplicateSlug")],
            report.Problems.Select(p => (p.File, p.Line, p.Code)).Order());
        Assert.All(report.Courses, c => Assert.Equal(SyncOutcome.Failed, c.Outcome));
        Assert.False(await QueryAsync(factory, db => db.Courses.AnyAsync()));
    }

    [Fact]
    public async Task Sync_VersionLowered_IsReportedOnTheVersionLine_PublishedVersionStays()
    {
        await using var factory = await StartAsync();
        SampleCourse.Write(factory, version: 2);
        Assert.Equal(SyncOutcome.NewVersion, Assert.Single((await factory.SyncAsync()).Courses).Outcome);
        SampleCourse.Write(factory, version: 1, lessonOneText: "回到第一版。");

        var report = await factory.SyncAsync();

        var problem = Assert.Single(report.Problems);
        Assert.Equal(($"courses/{SampleCourse.Slug}/course.md", 3, "VersionLowered"), (problem.File, problem.Line, problem.Code));
        Assert.Equal(2, await QueryAsync(factory, db => db.Courses.Select(c => c.CurrentRevision!.Version).SingleAsync()));
    }

    [Fact]
    public async Task Sync_RemovedFolder_DeactivatesTheCourse_RestoredFolder_BringsItBack()
    {
        await using var factory = await StartAsync();
        var folder = Path.Combine(factory.ContentPath, "courses", SampleCourse.Slug);
        var aside = Path.Combine(factory.ContentPath, "aside");

        var personId = await CreateLearnerAsync(factory, "E123", facesCustomers: true);
        Assert.Single((await MyLearningAsync(factory, personId)).Assigned);

        Directory.Move(folder, aside);
        await factory.SyncAsync();
        Assert.False(await QueryAsync(factory, db => db.Courses.Select(c => c.IsActive).SingleAsync()));
        Assert.Empty((await MyLearningAsync(factory, personId)).Assigned);

        Directory.Move(aside, folder);
        var restored = await factory.SyncAsync();
        Assert.Equal(SyncOutcome.Unchanged, Assert.Single(restored.Courses).Outcome);
        Assert.True(await QueryAsync(factory, db => db.Courses.Select(c => c.IsActive).SingleAsync()));
        Assert.Single((await MyLearningAsync(factory, personId)).Assigned);
        Assert.Equal(1, await QueryAsync(factory, db => db.CourseRevisions.CountAsync()));
    }

    [Fact]
    public async Task Sync_MarkdownNestedTooDeep_IsAProblemOfThatFile_NotACrash()
    {
        await using var factory = await StartAsync();
        factory.WriteFile($"{SampleCourse.Slug}/01-meet.md", "---\ntitle: { zh-CN: 见面, en: Meet }\n---\n" + new string('>', 2_000) + " 引用\n");

        var report = await factory.SyncAsync();

        var problem = Assert.Single(report.Problems);
        Assert.Equal(($"courses/{SampleCourse.Slug}/01-meet.md", "MarkdownTooDeep"), (problem.File, problem.Code));
        Assert.Equal(SyncOutcome.Failed, Assert.Single(report.Courses).Outcome);
        Assert.True(await QueryAsync(factory, db => db.Courses.Select(c => c.IsActive).SingleAsync()));
    }
}
