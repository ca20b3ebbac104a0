namespace TrainingLms.Web.Features.Media;

public static class MediaFeature
{
    public static void AddMedia(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MediaTools>();
        builder.Services.AddHostedService<MediaToolsStartupCheck>();
    }
}
