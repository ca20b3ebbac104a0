using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain.Clips;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Clips;

namespace TrainingLms.IntegrationTests.Clips;

/// <summary>The streaming fixture's app on a real Kestrel port, behind Debian's nginx set up as the README says.</summary>
public sealed class NginxFixture : StreamingFixture
{
    private readonly string root = Directory.CreateTempSubdirectory("traininglms-nginx-").FullName;

    public Nginx Nginx { get; private set; } = default!;

    private readonly int appPort = AppProcess.FreePort();

    protected override void BeforeStart(ClipsFactory app)
    {
        app.UseKestrel(appPort);
        app.ClientOptions.BaseAddress = new Uri($"http://127.0.0.1:{appPort}");
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Nginx = await Nginx.StartAsync(root, App.ClientOptions.BaseAddress.ToString(), App.Services.GetRequiredService<ClipStorage>().Root);
    }

    public async Task<HttpClient> SignedInAsync(string? number)
    {
        var client = SignInClient.CookieClient(Nginx.ProxyUrl);
        if (number is not null) await client.SignInAsync(number);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Nginx is not null) await Nginx.DisposeAsync();
        await base.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }
}

/// <summary>
/// nginx sends the clip files the app allows and keeps the app's "yes" for one cookie and one file only: another
/// sign-in, no sign-in, an unknown clip always get the app's own answer.
/// </summary>
public class ClipsBehindNginxTests(NginxFixture fixture) : IClassFixture<NginxFixture>
{
    private string VideoUrl(Clip clip) => $"/clips/{clip.Id}/video/480p.mp4";

    private static async Task<HttpResponseMessage> GetRangeAsync(HttpClient client, string url, long from, long to)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(from, to);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Allowed_RangesAndWholeFile_AreTheRenditionsBytes_RequestAfterRequest()
    {
        var client = await fixture.SignedInAsync("EMP");
        var total = fixture.TrainingBytes.LongLength;
        var cachedBefore = fixture.Nginx.CachedAnswers;

        foreach (var (from, to) in new[] { (0L, 99L), (5000L, 14999L), (total - 500, total - 1), (5000L, 14999L) })
        {
            var response = await GetRangeAsync(client, VideoUrl(fixture.Training), from, to);

            Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
            Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal($"bytes {from}-{to}/{total}", response.Content.Headers.ContentRange?.ToString());
            Assert.Equal(fixture.TrainingBytes.AsSpan((int)from, (int)(to - from + 1)).ToArray(), await response.Content.ReadAsByteArrayAsync());
            Assert.True(response.Headers.CacheControl is { Private: true, NoCache: true }, response.Headers.CacheControl?.ToString());
        }
        Assert.Equal(cachedBefore + 1, fixture.Nginx.CachedAnswers); // four ranges, one answer from the app, kept
        var whole = await client.GetAsync(VideoUrl(fixture.Training));
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(fixture.TrainingBytes, await whole.Content.ReadAsByteArrayAsync());
        Assert.NotNull(whole.Headers.ETag);

        var poster = await client.GetAsync($"/clips/{fixture.Training.Id}/poster.jpg");
        Assert.Equal(HttpStatusCode.OK, poster.StatusCode);
        Assert.Equal("image/jpeg", poster.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(fixture.App.Services.GetRequiredService<ClipStorage>().PosterPath(fixture.Training.Id)),
            await poster.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AnAllowedAnswer_IsNeverReusedForAnotherSignInOrForNoSignIn()
    {
        // The featured employee may see the unpublished recording; their colleague and an anonymous caller may not.
        var featured = await GetRangeAsync(await fixture.SignedInAsync("STAR"), VideoUrl(fixture.Discovery), 0, 99);
        var colleague = await GetRangeAsync(await fixture.SignedInAsync("EMP"), VideoUrl(fixture.Discovery), 0, 99);
        var colleaguePoster = await (await fixture.SignedInAsync("EMP")).GetAsync($"/clips/{fixture.Discovery.Id}/poster.jpg");
        var anonymous = await GetRangeAsync(await fixture.SignedInAsync(null), VideoUrl(fixture.Discovery), 0, 99);

        Assert.Equal(HttpStatusCode.PartialContent, featured.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, colleague.StatusCode);
        Assert.NotEqual("video/mp4", colleague.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, colleaguePoster.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/signin", anonymous.RedirectPath());
    }

    [Fact]
    public async Task UnknownClipsAndRenditions_AreTheAppsNotFound_AndTheInternalLocationsAreUnreachable()
    {
        var client = await fixture.SignedInAsync("EMP");

        var unknown = await client.GetAsync("/clips/99999/video/480p.mp4");
        var noSuchRendition = await client.GetAsync($"/clips/{fixture.Training.Id}/video/1080p.mp4");
        var handOff = await client.GetAsync($"{Nginx.ClipsLocation}{fixture.Training.Id}/480p.mp4");
        var accessCheck = await client.GetAsync("/_clip_access");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noSuchRendition.StatusCode);
        Assert.Contains("text/html", unknown.Content.Headers.ContentType?.MediaType); // the app's page, not nginx's
        Assert.Equal(HttpStatusCode.NotFound, handOff.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, accessCheck.StatusCode);
        Assert.DoesNotContain("[crit]", await fixture.Nginx.ErrorLogAsync());
    }
}
