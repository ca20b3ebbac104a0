namespace TrainingLms.Web.Features.Home;

public static class HomeFeature
{
    public static void AddHome(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<HomeQueries>();
        builder.Services.AddScoped<WaitingForYou>();
    }
}
