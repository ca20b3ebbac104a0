using System.Net;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Hosting;

/// <summary>The app on a real Kestrel port behind Debian's nginx over TLS, configured with the README's block.</summary>
public sealed class TlsNginxFixture : IAsyncLifetime
{
    public const int VerifyPerMinute = 3;

    private readonly string root = Directory.CreateTempSubdirectory("traininglms-tls-nginx-").FullName;

    public AppFactory App { get; } = new();

    public Nginx Nginx { get; private set; } = default!;

    public TestCertificate Certificate { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        Certificate = TestCertificate.Create(root);
        var clips = Directory.CreateDirectory(Path.Combine(App.DataPath, "clips")).FullName;
        Nginx = await Nginx.StartAsync(root, App.BaseUrl, clips, certificate: Certificate);
    }

    /// <summary>A phone at <paramref name="source"/> (a loopback address of its own) talking HTTPS to nginx.</summary>
    public HttpClient Phone(string source) => Certificate.Client(Nginx.ProxyUrl, IPAddress.Parse(source));

    public async ValueTask DisposeAsync()
    {
        if (Nginx is not null) await Nginx.DisposeAsync();
        await App.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    public sealed class AppFactory : KestrelLmsFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Certificates:VerifyRequestsPerMinute"] = VerifyPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

/// <summary>
/// Behind the TLS proxy the app knows the request was https and who the client really is: the sign-in cookie is
/// Secure, redirects stay on https, and each phone has its own rate limit.
/// </summary>
public class BehindTlsNginxTests(TlsNginxFixture fixture) : IClassFixture<TlsNginxFixture>
{
    [Fact]
    public async Task SignIn_OverHttps_CookieIsSecure_AndTheRedirectStaysOnHttps()
    {
        using var phone = fixture.Phone("127.0.0.2");

        var signIn = await phone.SignInAsync(LmsFactory.AdministratorNumber);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("TrainingLms.Auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        var location = signIn.Headers.Location!;
        Assert.True(!location.IsAbsoluteUri || location.Scheme == Uri.UriSchemeHttps, $"redirected to {location}");
        // Signed in over https: the next page opens with that cookie.
        var home = await phone.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        // A page that needs a sign-in sends a stranger to the sign-in page on https, not on the app's inner http.
        using var stranger = fixture.Phone("127.0.0.3");
        var refused = await stranger.GetAsync("/admin/people");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.True(!refused.Headers.Location!.IsAbsoluteUri || refused.Headers.Location.Scheme == Uri.UriSchemeHttps, $"redirected to {refused.Headers.Location}");
    }

    [Fact]
    public async Task RateLimit_CountsEachRealClient_NotTheProxy_AndAClaimedAddressChangesNothing()
    {
        using var first = fixture.Phone("127.0.0.4");
        using var second = fixture.Phone("127.0.0.5");

        for (var i = 0; i < TlsNginxFixture.VerifyPerMinute; i++)
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/verify")).StatusCode);
        var refused = await first.GetAsync("/verify");
        using var claiming = new HttpRequestMessage(HttpMethod.Get, "/verify") { Headers = { { "X-Forwarded-For", "198.51.100.7" } } };
        var stillRefused = await first.SendAsync(claiming);
        var other = await second.GetAsync("/verify");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
