using System.Net;
using TrainingLms.IntegrationTests.Clips;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.IntegrationTests.People;

namespace TrainingLms.IntegrationTests.Hosting;

/// <summary>The app on a real Kestrel port behind Debian's nginx over TLS, configured with the README's block.</summary>
public sealed class TlsNginxFixture : IAsyncLifetime
{
    public const int VerifyPerMinute = LimitedFactory.PerWindow;

    private readonly string root = Directory.CreateTempSubdirectory("traininglms-tls-nginx-").FullName;

    public LimitedFactory App { get; } = new();

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
}

/// <summary>
/// Behind the TLS proxy the app knows the request was https and who the client really is: the sign-in cookie is
/// Secure, redirects and printed links stay on https, and each phone has its own rate limit.
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
        // A printed feedback card points customers at the public https address.
        var (codeId, code) = await fixture.App.FeedbackCodeAsync("TLS");
        var card = await phone.GetStringAsync($"/benchmark/codes/{codeId}/card");
        Assert.Equal($"{fixture.Nginx.ProxyUrl}/feedback/{code}", System.Text.RegularExpressions.Regex.Match(card, "<code[^>]*>([^<]*)</code>").Groups[1].Value);
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

    [Fact]
    public async Task LargeBodies_PassNginx_OnlyToTheClipUploadAndThePeopleImport()
    {
        using var admin = fixture.Phone("127.0.0.6");
        await admin.SignInAsync(LmsFactory.AdministratorNumber);
        var token = await ClipApi.TokenAsync(admin);
        var chunk = new byte[3 * 1024 * 1024];
        Random.Shared.NextBytes(chunk);
        var upload = await ClipApi.StartAsync(admin, token, ClipApi.Details(ClipApi.NewSlug(), fileName: "大堂.mov", totalBytes: chunk.Length * 2L));
        var site = new Dictionary<string, string> { ["Input.Code"] = "NGX", ["Input.Name"] = "大表单", ["Input.TimeZoneId"] = "Asia/Shanghai", ["padding"] = new string('x', 2 * 1024 * 1024) };
        var csv = new ByteArrayContent([.. PeopleCsvFile.Utf8WithBom(PeopleCsvFile.Rows(3, "NGX")), .. new byte[2 * 1024 * 1024].Select(_ => (byte)'\n')]);
        csv.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");

        var chunkSent = await ClipApi.SendAsync(admin, HttpMethod.Put, $"/api/clips/uploads/{upload.Id}?offset=0", token, ClipApi.Bytes(chunk));
        var imported = await admin.PostFormAsync("/admin/people/import", "import",
            new() { ["Input.InitialPassword"] = "welcome2026", ["Input.Mode"] = "check", ["Input.CreateMissing"] = "true" }, csv);
        var largeForm = await admin.PostFormAsync("/admin/sites/new", "site", site);

        Assert.Equal(HttpStatusCode.OK, chunkSent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Contains("所有行均有效", await imported.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, largeForm.StatusCode);
    }
}
