using TrainingLms.Web.Features.Courses.Caching;

namespace TrainingLms.Web.Features.ShiftReviews;

public static class ShiftReviewsFeature
{
    public static void AddShiftReviews(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ShiftReviewOptions>().BindConfiguration(ShiftReviewOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<ReviewFiling>();
        builder.Services.AddScoped<ReviewQueries>();
        builder.Services.AddScoped<StaffNotes>();
        builder.Services.AddSingleton(services => new PersonCache<IReadOnlyList<MyNote>>(
            services.GetRequiredService<LearningChanges>(), services.GetRequiredService<TimeProvider>(), StaffNotes.KeptFor));
        builder.Services.AddScoped<ReviewOversight>();
        builder.Services.AddScoped<ReviewTrends>();
        builder.Services.AddScoped<ReviewSearch>();
        builder.Services.AddScoped<ReviewExport>();
        builder.Services.AddScoped<MonthlyNoteSummary>();
    }

    public static void MapShiftReviews(this IEndpointRouteBuilder app) => ShiftReviewEndpoints.Map(app);
}
