using TrainingLms.Web.Features.Content;
using TrainingLms.Web.Features.Evaluations.Cycle.Content;
using TrainingLms.Web.Infrastructure.Hosting;

namespace TrainingLms.Web.Features.Evaluations.Cycle;

/// <summary>Monthly periods: the forms in content/evaluations, and the current month opened at start and when it begins.</summary>
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
        // A transcode worker does nothing but transcode: the web instances open the months.
        if (builder.HostingRole().ServesPages) builder.Services.AddHostedService<PeriodOpener>();
    }
}
