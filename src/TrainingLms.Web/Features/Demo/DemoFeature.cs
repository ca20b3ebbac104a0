using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TrainingLms.Web.Features.Demo;

public static class DemoFeature
{
    public static void AddDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName)
            .Validate(o => !o.Enabled || o.Password.Length >= 8 && o.Password.Any(char.IsDigit), "Demo:Password must meet the password policy.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddScoped<DemoLearningSeeder>();
        builder.Services.AddSingleton<DemoClipSeeder>();
        builder.Services.AddScoped<DemoDrillSeeder>();
    }

    public static async Task SeedDemoAsync(this IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (!options.Enabled) return;
        using var scope = services.CreateScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        await seeder.SeedAsync(options.Password);
        seeder.PrintSignIns(options.Password);
    }

    /// <summary>Runs after the courses are published, so the demo staff can have a learning history.</summary>
    public static async Task SeedDemoLearningAsync(this IServiceProvider services)
    {
        if (!services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled) return;
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DemoLearningSeeder>().SeedAsync();
    }

    /// <summary>Makes the demo clips with ffmpeg and queues them; the transcoding worker takes them from there.</summary>
    public static async Task SeedDemoClipsAsync(this IServiceProvider services)
    {
        if (services.GetRequiredService<IOptions<DemoOptions>>().Value is not { Enabled: true, Clips: true }) return;
        await services.GetRequiredService<DemoClipSeeder>().SeedAsync();
    }

    /// <summary>Runs after the drills are published and the staff have a learning history, so clearance has something to show.</summary>
    public static async Task SeedDemoDrillsAsync(this IServiceProvider services)
    {
        if (!services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled) return;
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DemoDrillSeeder>().SeedAsync();
    }
}
