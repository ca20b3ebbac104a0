namespace TrainingLms.Web.Features.Evaluations.Rankings;

public static class RankingsFeature
{
    public static void AddRankings(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RankingsOptions>().BindConfiguration(RankingsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RankingPublicationCache>();
        builder.Services.AddScoped<RankingBoard>();
        builder.Services.AddScoped<RankingPublisher>();
        builder.Services.AddScoped<RankingAppeals>();
        builder.Services.AddScoped<RankingExport>();
        builder.Services.AddScoped<RankingTrends>();
    }

    public static void MapRankings(this IEndpointRouteBuilder app) => RankingEndpoints.Map(app);
}
