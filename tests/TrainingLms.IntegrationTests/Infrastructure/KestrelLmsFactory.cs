using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace TrainingLms.IntegrationTests.Infrastructure;

/// <summary>
/// The app on a real Kestrel port on 127.0.0.1, for what the test server cannot show: the client's address as the
/// socket gives it, forwarded headers from a proxy, the server's request body limits.
/// </summary>
public class KestrelLmsFactory : LmsFactory
{
    private readonly Lazy<string> baseUrl;

    public KestrelLmsFactory()
    {
        // Before anything (a test's database set-up) starts the server: then it is Kestrel whatever starts it.
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        baseUrl = new(Start);
    }

    /// <summary>Where Kestrel listens; the first use starts the app.</summary>
    public string BaseUrl => baseUrl.Value;

    private string Start()
    {
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    /// <summary>
    /// A browser-like client of the real server (cookies kept, redirects not followed); with <paramref name="forwardedFor"/>
    /// it plays a proxy on 127.0.0.1 that forwards a request of that client.
    /// </summary>
    public HttpClient Client(string? forwardedFor = null)
    {
        var client = SignInClient.CookieClient(BaseUrl);
        if (forwardedFor is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }
}
