using Microsoft.EntityFrameworkCore.Diagnostics;
using TrainingLms.Web.Features.Courses.Caching;
using TrainingLms.Web.Features.Courses.Checks;
using TrainingLms.Web.Features.Courses.Content;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Features.Courses;

public static class CoursesFeature
{
    public static void AddCourses(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CourseSyncState>();
        builder.Services.AddSingleton<IContentBlock, ClipBlock>();
        builder.Services.AddScoped<LessonClipCheck>();
        builder.Services.AddSingleton<LessonClipBlocks>();
        builder.Services.AddScoped<LessonClips>();
        builder.Services.AddSingleton<CourseRevisionCache>();
        builder.Services.AddSingleton<LearnerProgress>();
        builder.Services.AddSingleton<LearningChanges>();
        builder.Services.AddSingleton<LearnerRecordCache>();
        builder.Services.AddSingleton<LiveCourseCache>();
        builder.Services.AddSingleton<CourseListCache>();
        builder.Services.AddSingleton<IInterceptor, LearningChangeInterceptor>();
        builder.Services.AddScoped<CourseSync>();
        builder.Services.AddScoped<IContentSection, CourseContentSection>();
        builder.Services.AddScoped<CourseAssigner>();
        builder.Services.AddScoped<LessonCompletions>();
        builder.Services.AddScoped<KnowledgeChecks>();
        builder.Services.AddScoped<CheckSupervision>();
        builder.Services.AddScoped<ItemAnalysisReport>();
        builder.Services.AddSingleton<QuizDrawRandom>(_ => new QuizDrawRandom());
        builder.Services.AddScoped<LearningQueries>();
        builder.Services.AddScoped<CourseAdministration>();
    }

    /// <summary>Says in the log which clip blocks of content/ name clips the library does not hold yet.</summary>
    public static async Task CheckLessonClipsAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LessonClipCheck>().LogAsync();
    }

    public static void MapCourses(this IEndpointRouteBuilder app) => CourseEndpoints.Map(app);
}
