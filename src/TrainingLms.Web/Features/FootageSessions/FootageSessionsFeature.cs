namespace TrainingLms.Web.Features.FootageSessions;

/// <summary>Benchmark-footage sessions (practice 10): faults named against a clip, their causes, and corrections followed up. Pages only, no endpoints.</summary>
public static class FootageSessionsFeature
{
    public static void AddFootageSessions(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<FootageRecorder>();
        builder.Services.AddScoped<FootageQueries>();
        builder.Services.AddScoped<FootageFollowUps>();
    }
}
