using Microsoft.Extensions.Options;
using TrainingLms.Web.Features.Demo;
using TrainingLms.Web.Features.Evaluations.Scoring;

namespace TrainingLms.Web.Features.Evaluations.Scoring
{
    /// <summary>Evaluators' lists and scoring forms, computed criteria, and the administrators' view of each period.</summary>
    public static class ScoringFeature
    {
        public static void AddScoring(this IHostApplicationBuilder builder)
        {
            builder.Services.AddScoped<ComputedCriteria>();
            builder.Services.AddScoped<EvaluationSheets>();
            builder.Services.AddScoped<PeriodAdministration>();
            builder.Services.AddScoped<DemoEvaluationSeeder>();
        }
    }
}

// In the namespace Program.cs already imports, so start-up needs one line there and no new using.
namespace TrainingLms.Web.Features.Evaluations
{
    public static class DemoEvaluationStartup
    {
        /// <summary>Runs after the demo drills and learning, whose data the computed criteria read.</summary>
        public static async Task SeedDemoEvaluationsAsync(this IServiceProvider services)
        {
            if (!services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled) return;
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoEvaluationSeeder>().SeedAsync();
        }
    }
}
