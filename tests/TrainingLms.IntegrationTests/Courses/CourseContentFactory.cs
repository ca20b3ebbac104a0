using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Courses.Content;
using TrainingLms.Web.Features.Drills.Content;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.IntegrationTests.Courses;

/// <summary>The app reading its courses from a temporary content folder the test writes.</summary>
public sealed class CourseContentFactory : LmsFactory
{
    public string ContentPath { get; } = Path.Combine(Path.GetTempPath(), "traininglms-tests", "content-" + Guid.NewGuid().ToString("N"));

    public CourseContentFactory()
    {
        Directory.CreateDirectory(Path.Combine(ContentPath, "courses"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Content:Path", ContentPath);
    }

    public void WriteFile(string relativePath, string text)
    {
        var path = Path.Combine(ContentPath, "courses", relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>
    /// The app syncs the content folder when it starts. A drill test writing its rubric before the first request would
    /// otherwise have it synced by the start-up and see "unchanged" from its own sync. (Course tests write their
    /// folders first on purpose: they test that start-up sync.)
    /// </summary>
    private void StartFirst() => _ = Services;

    public Task<SyncReport> SyncAsync() => WithScopeAsync(services => services.GetRequiredService<CourseSync>().SyncAsync());

    /// <summary>A rubric file under drills/ (next to courses/).</summary>
    public void WriteDrillFile(string fileName, string text)
    {
        StartFirst();
        Directory.CreateDirectory(Path.Combine(ContentPath, DrillSync.Folder));
        File.WriteAllText(Path.Combine(ContentPath, DrillSync.Folder, fileName), text);
    }

    public void DeleteDrillFile(string fileName) => File.Delete(Path.Combine(ContentPath, DrillSync.Folder, fileName));

    public Task<ContentSectionReport> SyncDrillsAsync() => WithScopeAsync(async services =>
    {
        await services.GetRequiredService<DrillSync>().SyncAsync();
        return services.GetRequiredService<DrillSyncState>().Last!;
    });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(ContentPath, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A small two-lesson course in the content/ format; lesson 2 holds a two-question quiz.</summary>
public static class SampleCourse
{
    public const string Slug = "greeting-basics";

    public static void Write(CourseContentFactory factory, int version = 1, string lessonOneText = "见面时微笑点头。", string? slug = null, string folder = Slug,
        string audience = "customerFacing: true")
    {
        factory.WriteFile($"{folder}/course.md", $"""
            ---
            slug: {slug ?? Slug}
            version: {version}
            title: {"{"} zh-CN: 问候基础, en: Greeting basics {"}"}
            summary: {"{"} zh-CN: 见面与微笑, en: Meeting and smiling {"}"}
            audience:
              - {audience}
            clearance: true
            dueDays: 7
            estimatedMinutes: 15
            ---
            本课程介绍问候。
            """);
        factory.WriteFile($"{folder}/01-meet.md", $"""
            ---
            title: {"{"} zh-CN: 见面, en: Meet {"}"}
            ---
            ## 见面

            {lessonOneText}
            """);
        factory.WriteFile($"{folder}/02-check.md", """
            ---
            title: { zh-CN: 测验, en: Check }
            ---
            复习。

            ```quiz
            passMark: 100
            questions:
              - id: eyes-meet
                type: single
                prompt: { zh-CN: 目光相遇时？, en: When eyes meet? }
                options:
                  - text: { zh-CN: 微笑点头, en: Smile and nod }
                    correct: true
                    explanation: { zh-CN: 对, en: Right }
                  - text: { zh-CN: 转身离开, en: Walk away }
                    explanation: { zh-CN: 不对, en: Wrong }
              - id: civil-words
                type: multiple
                prompt: { zh-CN: 文明用语有哪些？, en: Which are civil words? }
                options:
                  - text: { zh-CN: 你好, en: Hello }
                    correct: true
                    explanation: { zh-CN: 是, en: Yes }
                  - text: { zh-CN: 谢谢, en: Thank you }
                    correct: true
                    explanation: { zh-CN: 是, en: Yes }
                  - text: { zh-CN: 不知道, en: I don't know }
                    explanation: { zh-CN: 禁用语, en: Forbidden }
            ```
            """);
    }
}
