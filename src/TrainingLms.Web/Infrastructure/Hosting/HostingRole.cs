using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace TrainingLms.Web.Infrastructure.Hosting;

/// <summary>What one instance does: everything (one machine, the default), the pages alone, or transcoding alone.</summary>
public enum HostingRole
{
    All,
    Web,
    Worker,
}

/// <summary><c>Hosting:Role</c>: lets transcoding run on machines of its own, beside instances that only serve pages.</summary>
public sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    public HostingRole Role { get; init; } = HostingRole.All;

    /// <summary>Listens for requests and does the start-up work of the pages (migrations, content, roles, demo).</summary>
    public bool ServesPages => Role != HostingRole.Worker;

    /// <summary>Runs the transcoding queue.</summary>
    public bool Transcodes => Role != HostingRole.Web;

    /// <summary>
    /// Read from the configuration while the services are registered (which services exist depends on it), so a wrong
    /// value stops the start there with its own words rather than as a failed conversion later.
    /// </summary>
    public static HostingOptions Read(IConfiguration configuration)
    {
        var value = configuration[$"{SectionName}:{nameof(Role)}"];
        if (string.IsNullOrWhiteSpace(value)) return new();
        // Names only: Enum.TryParse would also take "1" or "7".
        var role = Enum.GetValues<HostingRole>().Where(r => string.Equals(r.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (role.Count == 1) return new() { Role = role[0] };
        throw new OptionsValidationException(SectionName, typeof(HostingOptions),
            [$"{SectionName}:{nameof(Role)} is All (the default), Web or Worker, not '{value}'."]);
    }
}

public static class HostingRoleExtensions
{
    public static HostingOptions HostingRole(this IHostApplicationBuilder builder) => HostingOptions.Read(builder.Configuration);

    public static HostingOptions HostingRole(this IServiceProvider services) => services.GetRequiredService<IOptions<HostingOptions>>().Value;
}

/// <summary>
/// A worker's server: it listens nowhere, so a worker has no port to secure or to expose. The host still starts the
/// background services (the transcoding queue); the request pipeline is built and never called.
/// </summary>
internal sealed class NoServer : IServer
{
    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() { }
}
