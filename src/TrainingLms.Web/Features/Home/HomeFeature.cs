namespace TrainingLms.Web.Features.Home;

public static class HomeFeature
{
    public static void AddHome(this IHostApplicationBuilder builder) => builder.Services.AddScoped<HomeQueries>();
}
