using TrainingLms.Web.Features.Clips.Media;
using TrainingLms.Web.Infrastructure.Hosting;

namespace TrainingLms.Web.Features.Clips;

public static class ClipsFeature
{
    public static void AddClips(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClipOptions>().BindConfiguration(ClipOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ClipStorage>();
        builder.Services.AddSingleton<ClipAccessCache>();
        builder.Services.AddSingleton<ClipFileSender>();
        builder.Services.AddSingleton<IVideoTools, VideoTools>();
        builder.Services.AddSingleton<ClipDetailsRules>();
        builder.Services.AddSingleton<ClipIntake>();
        builder.Services.AddSingleton<TranscodeQueue>();
        builder.Services.AddSingleton<ClipTranscoder>();
        builder.Services.AddSingleton<WatchTracking>();
        builder.Services.AddScoped<ClipUploads>();
        builder.Services.AddScoped<ClipQueries>();
        builder.Services.AddScoped<ClipAdministration>();
        builder.Services.AddScoped<RecordingsOfMe>();
        var hosting = builder.HostingRole();
        if (hosting.Transcodes) builder.Services.AddHostedService<TranscodeWorker>();
        if (hosting.ServesPages) builder.Services.AddHostedService<AbandonedUploadSweeper>();
    }

    public static void MapClips(this IEndpointRouteBuilder app) => ClipEndpoints.Map(app);
}
