using Microsoft.AspNetCore.Hosting;

namespace TrainingLms.IntegrationTests.Infrastructure;

/// <summary>
/// A second app instance beside <c>first</c> (started already), as behind a load balancer: the same database and data
/// folder, its own memory and caches. <paramref name="settings"/> repeats what the first was told beyond
/// <see cref="LmsFactory"/>'s own settings (a content folder). The first instance cleans up; dispose this one first.
/// </summary>
public sealed class SecondInstance(LmsFactory first, IReadOnlyDictionary<string, string>? settings = null) : LmsFactory(first)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
    }
}
