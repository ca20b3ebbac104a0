using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TrainingLms.Web.Features.Demo;

namespace TrainingLms.Web.Features.Evaluations.Benchmarking;

/// <summary>"I Smile, I Act": customer, self and peer ratings, the board per site, smile stories and the quarterly service star.</summary>
public static class BenchmarkingFeature
{
    public static void AddBenchmarking(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BenchmarkOptions>().BindConfiguration(BenchmarkOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<CustomerFeedback>();
        builder.Services.AddScoped<FeedbackCodes>();
        builder.Services.AddScoped<BenchmarkBoard>();
        builder.Services.AddScoped<StaffRatings>();
        builder.Services.AddScoped<ServiceStars>();
        builder.Services.AddScoped<SmileStories>();
        builder.Services.AddScoped<DemoBenchmarkSeeder>();
        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy<string, FeedbackRateLimit>(FeedbackRateLimit.Name));
    }

    public static void MapBenchmarking(this IEndpointRouteBuilder app) => BenchmarkEndpoints.Map(app);

    /// <summary>Runs after the demo drills: feedback codes at 翠湖花园, a quarter's ratings, a smile story and nominations.</summary>
    public static async Task SeedDemoBenchmarkingAsync(this IServiceProvider services)
    {
        if (!services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled) return;
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DemoBenchmarkSeeder>().SeedAsync();
    }
}
