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

/// <summary>Patches and new versions of a course, and what they mean for those who completed it.</summary>
public class CourseVersionTests
{
    [Fact]
    public async Task Versions_PatchKeepsCompletion_VersionRaiseMarksOnlyChangedLessonsForReview_HistoryKept()
    {
        await using var factory = await StartAsync();
        var personId = await CreateLearnerAsync(factory, "E105", facesCustomers: true);
        var client = await LearnerClientAsync(factory, "E105");
        await CompleteCourseAsync(client);

        // A typo fix at the same version: still complete.
        SampleCourse.Write(factory, version: 1, lessonOneText: "见面时，微笑并点头。");
        var patch = await factory.SyncAsync();
        Assert.Equal(SyncOutcome.Patched, Assert.Single(patch.Courses).Outcome);
        Assert.Contains("badge text-bg-success\">已完成", await client.GetStringAsync($"/learning/{SampleCourse.Slug}"));
        // Learners read the new revision at once: revisions are cached by id, never by course.
        Assert.Contains("见面时，微笑并点头。", await client.GetStringAsync($"/learning/{SampleCourse.Slug}/01-meet"));

        // A substantive change to lesson 1 only, published as version 2.
        SampleCourse.Write(factory, version: 2, lessonOneText: "目光相遇时，先微笑，再点头问好。");
        Assert.Equal(SyncOutcome.NewVersion, Assert.Single((await factory.SyncAsync()).Courses).Outcome);

        var progress = await QueryAsync(factory, db => factory.Services.GetRequiredService<LearnerProgress>().ForPersonAsync(db, personId, [db.Courses.Single().Id]));
        var course = Assert.Single(progress.Values);
        Assert.Equal(CourseStatus.ReviewNeeded, course.Status);
        Assert.Equal([LessonStatus.ReviewNeeded, LessonStatus.Completed], course.Lessons.Select(l => l.Status));
        Assert.Contains("需复习", await client.GetStringAsync($"/learning/{SampleCourse.Slug}"));

        // Reviewing the changed lesson completes version 2; version 1's completion stays in the history.
        await client.PostFieldsAsync($"/learning/{SampleCourse.Slug}/01-meet", "complete", []);
        var completions = await QueryAsync(factory, db => db.CourseCompletions.AsNoTracking().OrderBy(c => c.CourseVersion).Select(c => c.CourseVersion).ToListAsync());
        Assert.Equal([1, 2], completions);
        Assert.Equal(3, await QueryAsync(factory, db => db.CourseRevisions.CountAsync()));
    }

    [Fact]
    public async Task Versions_PoolOrOrderChangeIsAPatch_AChangedKeyNeedsANewVersion()
    {
        await using var factory = await StartAsync();
        await CreateLearnerAsync(factory, "E106", facesCustomers: true);
        var client = await LearnerClientAsync(factory, "E106");
        await CompleteCourseAsync(client);
        var checkFile = Path.Combine(factory.ContentPath, "courses", SampleCourse.Slug, "02-check.md");
        var original = await File.ReadAllTextAsync(checkFile);

        // A question added to the pool and the options of another turned round: the pass still holds.
        var grown = original
            .Replace("      - text: { zh-CN: 转身离开, en: Walk away }\n        explanation: { zh-CN: 不对, en: Wrong }\n", "", StringComparison.Ordinal)
            .Replace("    options:\n      - text: { zh-CN: 微笑点头", "    options:\n      - text: { zh-CN: 转身离开, en: Walk away }\n        explanation: { zh-CN: 不对, en: Wrong }\n      - text: { zh-CN: 微笑点头", StringComparison.Ordinal)
            .Replace("```\n", "  - id: rise\n    type: truefalse\n    prompt: { zh-CN: 坐着时有人走近要起身。, en: Stand when someone comes up. }\n    answer: true\n    explanation: { zh-CN: 对, en: Right }\n```\n", StringComparison.Ordinal);
        Assert.NotEqual(original, grown);
        await File.WriteAllTextAsync(checkFile, grown);
        Assert.Equal(SyncOutcome.Patched, Assert.Single((await factory.SyncAsync()).Courses).Outcome);
        Assert.Contains("badge text-bg-success\">已完成", await client.GetStringAsync($"/learning/{SampleCourse.Slug}"));

        // The right answer of "eyes-meet" moved to another option at the same version: refused, the last good revision stays.
        var rekeyed = grown.Replace("        correct: true\n        explanation: { zh-CN: 对, en: Right }", "        explanation: { zh-CN: 对, en: Right }", StringComparison.Ordinal)
            .Replace("      - text: { zh-CN: 转身离开, en: Walk away }\n", "      - text: { zh-CN: 转身离开, en: Walk away }\n        correct: true\n", StringComparison.Ordinal);
        await File.WriteAllTextAsync(checkFile, rekeyed);
        var refused = await factory.SyncAsync();
        Assert.Equal(SyncOutcome.Failed, Assert.Single(refused.Courses).Outcome);
        var problem = Assert.Single(refused.Problems);
        Assert.Equal(($"courses/{SampleCourse.Slug}/02-check.md", "QuizKeyChanged", "eyes-meet"), (problem.File, problem.Code, problem.Arguments[0]));
        Assert.Equal(rekeyed.Split('\n').ToList().FindIndex(l => l.Contains("id: eyes-meet", StringComparison.Ordinal)) + 1, problem.Line);

        // The same change with the version raised is published, and the learner's pass no longer counts for it.
        SampleCourse.Write(factory, version: 2);
        await File.WriteAllTextAsync(checkFile, rekeyed);
        Assert.Equal(SyncOutcome.NewVersion, Assert.Single((await factory.SyncAsync()).Courses).Outcome);
        Assert.Contains("需复习", await client.GetStringAsync($"/learning/{SampleCourse.Slug}"));
    }
}
