using Microsoft.AspNetCore.RateLimiting;
using TrainingLms.Web.Features.Courses.Caching;
using TrainingLms.Web.Features.Courses.Content;
using TrainingLms.Web.Features.Drills.Certificates;
using TrainingLms.Web.Features.Drills.Clearance;
using TrainingLms.Web.Features.Drills.Content;
using TrainingLms.Web.Features.Content;
using TrainingLms.Web.Features.Drills.Records;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TrainingLms.Web.Infrastructure.Hosting;

namespace TrainingLms.Web.Features.Drills;

public static class DrillsFeature
{
    /// <summary>The rate limit of the public verification page, per client address.</summary>
    public const string VerifyRateLimit = "verify";

    public static void AddDrills(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DrillOptions>().BindConfiguration(DrillOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<CertificateOptions>().BindConfiguration(CertificateOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DrillSyncState>();
        builder.Services.AddScoped<DrillSync>();
        builder.Services.AddScoped<IContentSection>(services => services.GetRequiredService<DrillSync>());
        builder.Services.AddScoped<DrillSessions>();
        builder.Services.AddScoped<AttemptScoring>();
        builder.Services.AddScoped<Annulments>();
        builder.Services.AddScoped<DrillResults>();
        builder.Services.AddScoped<ClearanceService>();
        builder.Services.AddSingleton<ClearanceCatalogCache>();
        builder.Services.AddScoped<ClearanceBoard>();
        builder.Services.AddScoped<ClearanceRulesAdministration>();
        builder.Services.AddScoped<CertificateIssuer>();
        builder.Services.AddScoped<CertificateVerification>();
        builder.Services.AddSingleton<CertificatePdf>();
        builder.Services.AddScoped<DrillHomeQueries>();
        builder.Services.AddSingleton(services => new PersonCache<MyDrills>(
            services.GetRequiredService<LearningChanges>(), services.GetRequiredService<TimeProvider>(), DrillHomeQueries.CheckedAgainAfter));
        builder.Services.AddOptions<RecordChainOptions>().BindConfiguration(RecordChainOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<RecordChainKey>();
        builder.Services.AddSingleton<IInterceptor, RecordChainInterceptor>();
        builder.Services.AddScoped<RecordChainVerifier>();
        builder.Services.AddSingleton<RecordChainMonitor>();

        // The verification page answers anyone: a small fixed window per address (counted in the database, for every
        // instance) keeps code-guessing slow and cheap to refuse.
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(VerifyRateLimit, context => DatabaseRateLimit.Partition(context, VerifyRateLimit,
                context.RequestServices.GetRequiredService<IOptions<CertificateOptions>>().Value.VerifyRequestsPerMinute, TimeSpan.FromMinutes(1)));
        });
    }

    public static void MapDrills(this IEndpointRouteBuilder app) => DrillEndpoints.Map(app);
}
