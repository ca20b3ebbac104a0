using Microsoft.Extensions.DependencyInjection.Extensions;
using TrainingLms.Web.Features.Courses.Content;
using TrainingLms.Web.Features.Evaluations.Cycle;
using TrainingLms.Web.Features.Evaluations.Cycle.Content;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Features.Evaluations.Cycle
{
    public static class EvaluationCycleFeature
    {
        public static void AddEvaluationCycle(this IHostApplicationBuilder builder)
        {
            builder.Services.AddOptions<EvaluationCycleOptions>().BindConfiguration(EvaluationCycleOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
            builder.Services.TryAddSingleton(TimeProvider.System);
            builder.Services.AddSingleton<EvaluationFormSyncState>();
            builder.Services.AddScoped<EvaluationFormSync>();
            builder.Services.AddScoped<IContentSection>(services => services.GetRequiredService<EvaluationFormSync>());
            builder.Services.AddScoped<EvaluationPeriods>();
            builder.Services.AddHostedService<PeriodOpener>();
        }

        public static void MapEvaluationCycle(this IEndpointRouteBuilder app)
        {
        }
    }
}

// In the namespace Program.cs already imports, so start-up needs one line there and no new using.
namespace TrainingLms.Web.Features.Evaluations
{
    public static class EvaluationCycleStartup
    {
        /// <summary>Publishes content/evaluations, then opens the company's current month if it is not open yet.</summary>
        public static async Task StartEvaluationCycleAsync(this IServiceProvider services)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<EvaluationPeriods>().OpenCurrentAsync();
        }
    }
}
