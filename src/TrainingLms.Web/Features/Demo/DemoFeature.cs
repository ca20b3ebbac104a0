using TrainingLms.Web.Infrastructure.Hosting;

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
        builder.Services.AddScoped<DemoBenchmarkSeeder>();
        builder.Services.AddScoped<DemoEvaluationSeeder>();
        builder.Services.AddScoped<DemoTrainingSeeder>();
        builder.Services.AddScoped<DemoInspectionSeeder>();
        builder.Services.AddScoped<DemoFootageSeeder>();
    }

    /// <summary>
    /// In demo mode, fills an empty database with the demo company, after <c>PrepareAsync</c> has published the content:
    /// the people (with the courses their posts bring), a learning history, clips made by ffmpeg, drill history,
    /// ratings and stories, three months of evaluations with the current month open, and pre-job training records. Each step runs once.
    /// </summary>
    public static async Task SeedDemoAsync(this IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DemoOptions>>().Value;
        // A transcode worker seeds nothing: the web instances do it once, and migrate first.
        if (!options.Enabled || !services.HostingRole().ServesPages) return;
        await using var scope = services.CreateAsyncScope();
        var seeded = scope.ServiceProvider;
        var company = seeded.GetRequiredService<DemoSeeder>();
        await company.SeedAsync(options.Password);
        company.PrintSignIns(options.Password);
        await seeded.GetRequiredService<DemoLearningSeeder>().SeedAsync();
        if (options.Clips) await seeded.GetRequiredService<DemoClipSeeder>().SeedAsync();
        await seeded.GetRequiredService<DemoDrillSeeder>().SeedAsync();
        await seeded.GetRequiredService<DemoBenchmarkSeeder>().SeedAsync();
        await seeded.GetRequiredService<DemoEvaluationSeeder>().SeedAsync();
        await seeded.GetRequiredService<DemoTrainingSeeder>().SeedAsync();
        await seeded.GetRequiredService<DemoInspectionSeeder>().SeedAsync();
        await seeded.GetRequiredService<DemoFootageSeeder>().SeedAsync();
    }
}
