using Microsoft.AspNetCore.RateLimiting;

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
        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy<string, FeedbackRateLimit>(FeedbackRateLimit.Name));
    }

    public static void MapBenchmarking(this IEndpointRouteBuilder app) => BenchmarkEndpoints.Map(app);
}
