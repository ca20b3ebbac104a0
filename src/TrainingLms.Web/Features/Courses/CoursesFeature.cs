using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TrainingLms.Web.Features.Courses.Caching;
using TrainingLms.Web.Features.Courses.Checks;
using TrainingLms.Web.Features.Courses.Content;

namespace TrainingLms.Web.Features.Courses;

public static class CoursesFeature
{
    public static void AddCourses(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ContentSyncState>();
        builder.Services.AddSingleton<LessonRenderer>();
        builder.Services.AddSingleton<CourseRevisionCache>();
        builder.Services.AddSingleton<LearnerProgress>();
        builder.Services.AddSingleton<LearningChanges>();
        builder.Services.AddSingleton<LearnerRecordCache>();
        builder.Services.AddSingleton<LiveCourseCache>();
        builder.Services.AddSingleton<IInterceptor, LearningChangeInterceptor>();
        builder.Services.AddScoped<ContentSync>();
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

    /// <summary>Publishes content/ at start-up so a fresh machine starts with the courses in the repository.</summary>
    public static async Task SyncCourseContentAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ContentSync>().SyncAsync();
    }

    public static void MapCourses(this IEndpointRouteBuilder app) => CourseEndpoints.Map(app);
}
