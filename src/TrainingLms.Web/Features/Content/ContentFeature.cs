namespace TrainingLms.Web.Features.Content;

/// <summary>
/// The content engine: Markdown files with YAML front matter under content/, read by file and line, rendered safely,
/// and published by the sections that features register (courses, drill rubrics, evaluation forms).
/// </summary>
public static class ContentFeature
{
    public static void AddContent(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ContentRenderer>();
    }

    /// <summary>Publishes every registered section of content/ at start-up, so a fresh machine starts with the repository's material.</summary>
    public static async Task SyncContentAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        foreach (var section in scope.ServiceProvider.GetServices<IContentSection>()) await section.SyncAsync();
    }
}
