using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TrainingLms.Benchmarks.Pages;

/// <summary>
/// Bare Kestrel answering "hello" on a port of its own, in the same process as the app: the floor of what any request
/// costs here, with no middleware, no authentication and no page.
/// </summary>
internal sealed class HelloServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private HelloServer(WebApplication app) => this.app = app;

    public string BaseUrl => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<HelloServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/", () => "hello");
        await app.StartAsync();
        return new HelloServer(app);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
