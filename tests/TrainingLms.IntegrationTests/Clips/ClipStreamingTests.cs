using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Clips;
using TrainingLms.Web.Features.Demo;

namespace TrainingLms.IntegrationTests.Clips;

/// <summary>One training clip and one unpublished Smile Discovery recording of site A, featuring one employee.</summary>
/// <summary>The app set up to hand clip files to a fronting nginx, which only requests that say they came through it get.</summary>
public sealed class AccelRedirectClipsFactory : ClipsFactory
{
    public const string Location = "/_clips/";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Clips:AccelRedirectLocation"] = Location };
}

public class StreamingFixture : IAsyncLifetime
{
    public ClipsFactory App { get; } = new AccelRedirectClipsFactory();
    private readonly MediaFiles media = new();

    public Clip Training { get; private set; } = default!;
    public Clip Discovery { get; private set; } = default!;
    public byte[] TrainingBytes { get; private set; } = [];

    public virtual async ValueTask InitializeAsync()
    {
        BeforeStart(App);
        await media.InitializeAsync();
        var siteA = await CreateSiteAsync("SA");
        var siteB = await CreateSiteAsync("SB");
        var ids = new Dictionary<string, string>();
        foreach (var (number, role, site) in new[] { ("EMP", Roles.Employee, siteA), ("STAR", Roles.Employee, siteA), ("MGRA", Roles.Manager, siteA), ("MGRB", Roles.Manager, siteB) })
        {
            var id = ids[number] = await App.CreatePersonAsync(number, [role]);
            await App.WithDbAsync(db => db.Users.Where(p => p.Id == id).ExecuteUpdateAsync(p => p.SetProperty(x => x.SiteId, site)));
        }
        var trainer = await App.TrainerAsync();
        Training = await App.UploadReadyClipAsync(trainer, await media.SampleAsync(SampleVideo.MovH264));
        var upload = await ClipApi.UploadAsync(trainer, await media.SampleAsync(SampleVideo.PortraitPhone), ClipApi.Details(ClipApi.NewSlug(), ClipKind.SmileDiscovery, siteId: siteA));
        Discovery = await App.WaitForClipAsync(upload.ClipId!.Value);
        await App.WithScopeAsync(services => services.GetRequiredService<ClipAdministration>().FeatureAsync(Discovery.Id, "STAR"));
        await App.WithScopeAsync(services => services.GetRequiredService<RecordingsOfMe>().AnswerAsync(Discovery.Id, ids["STAR"], FilmingConsent.Given));
        TrainingBytes = await File.ReadAllBytesAsync(App.Services.GetRequiredService<ClipStorage>().RenditionPath(Training.Id, 480));
    }

    /// <summary>Last chance to set up the app's server before the first request starts it.</summary>
    protected virtual void BeforeStart(ClipsFactory app) { }

    private Task<int> CreateSiteAsync(string code) => App.WithDbAsync(async db =>
    {
        var site = new Site { Code = code, Name = "项目" + code };
        db.Sites.Add(site);
        await db.SaveChangesAsync();
        return site.Id;
    });

    public virtual async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        await App.DisposeAsync();
    }
}

/// <summary>
/// Range requests on the renditions, and who gets a clip's bytes (posters included). The app is set up for a fronting
/// nginx, so every test but the hand-off's own also shows that a request not from that nginx is served as usual.
/// </summary>
public class ClipStreamingTests(StreamingFixture fixture) : IClassFixture<StreamingFixture>
{
    private string VideoUrl(Clip clip) => $"/clips/{clip.Id}/video/480p.mp4";

    private async Task<HttpResponseMessage> GetAsync(string number, string url, Action<HttpRequestHeaders>? headers = null)
    {
        var client = await fixture.App.SignedInAsync(number);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        headers?.Invoke(request.Headers);
        return await client.SendAsync(request);
    }

    /// <summary>Changes a clip's status behind the application's back, then forgets its access decisions as the queue does.</summary>
    private async Task SetStatusAsync(int clipId, ClipStatus status)
    {
        await fixture.App.WithDbAsync(db => db.Clips.Where(c => c.Id == clipId).ExecuteUpdateAsync(c => c.SetProperty(x => x.Status, status)));
        fixture.App.Services.GetRequiredService<ClipAccessCache>().Forget(clipId);
    }

    [Theory]
    [InlineData("bytes=0-99", 0, 100)]
    [InlineData("bytes=5000-14999", 5000, 10000)]
    [InlineData("bytes=-500", -500, 500)]
    [InlineData("bytes=20000-", 20000, -1)]
    public async Task Range_Satisfiable_Answers206WithExactlyThoseBytes(string range, long start, long length)
    {
        var total = fixture.TrainingBytes.LongLength;
        var from = start < 0 ? total + start : start;
        var count = length < 0 ? total - from : length;

        var response = await GetAsync("EMP", VideoUrl(fixture.Training), h => h.Range = RangeHeaderValue.Parse(range));

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"bytes {from}-{from + count - 1}/{total}", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(fixture.TrainingBytes.AsSpan((int)from, (int)count).ToArray(), await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("bytes", response.Headers.AcceptRanges);
    }

    [Theory]
    [InlineData("bytes=0-9,20-29")]   // several ranges: the whole file, as RFC 9110 allows
    [InlineData("bytes=abc")]         // not a range at all: ignored
    [InlineData(null)]
    public async Task Range_MultipleInvalidOrNone_Answers200WithTheWholeFile(string? range)
    {
        var response = await GetAsync("EMP", VideoUrl(fixture.Training), h => { if (range is not null) h.TryAddWithoutValidation("Range", range); });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fixture.TrainingBytes, await response.Content.ReadAsByteArrayAsync());
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Contains("private", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Range_BeyondTheEnd_Answers416WithTheLength()
    {
        var total = fixture.TrainingBytes.LongLength;

        var response = await GetAsync("EMP", VideoUrl(fixture.Training), h => h.TryAddWithoutValidation("Range", $"bytes={total + 10}-"));

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal($"bytes */{total}", response.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task ETag_Unchanged_Answers304_AndIfRangeWithAnOldTag_SendsTheWholeFile()
    {
        var first = await GetAsync("EMP", VideoUrl(fixture.Training));
        var etag = first.Headers.ETag!;

        var again = await GetAsync("EMP", VideoUrl(fixture.Training), h => h.IfNoneMatch.Add(etag));
        var staleRange = await GetAsync("EMP", VideoUrl(fixture.Training), h =>
        {
            h.Range = RangeHeaderValue.Parse("bytes=0-99");
            h.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue("\"stale\""));
        });

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staleRange.StatusCode);
        Assert.Equal(fixture.TrainingBytes.Length, (await staleRange.Content.ReadAsByteArrayAsync()).Length);
    }

    [Theory]
    [InlineData("EMP", HttpStatusCode.Forbidden)]     // staff, before publishing
    [InlineData("STAR", HttpStatusCode.OK)]           // featured in it
    [InlineData("MGRA", HttpStatusCode.OK)]           // manager of the site it was filmed at
    [InlineData("MGRB", HttpStatusCode.Forbidden)]    // manager of another site
    [InlineData(ClipsFactory.TrainerNumber, HttpStatusCode.OK)]
    public async Task UnpublishedSmileDiscovery_VideoPosterAndPage_OnlyForThoseAllowed(string number, HttpStatusCode expected)
    {
        foreach (var url in new[] { VideoUrl(fixture.Discovery), $"/clips/{fixture.Discovery.Id}/poster.jpg", $"/clips/{fixture.Discovery.Id}" })
        {
            var response = await GetAsync(number, url, h => h.Range = RangeHeaderValue.Parse("bytes=0-9"));
            Assert.True(expected == HttpStatusCode.OK ? response.IsSuccessStatusCode : response.StatusCode == expected, $"{number} {url}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Library_ListsTheUnpublishedRecording_OnlyToThoseWhoMaySeeIt_UntilPublished()
    {
        async Task<bool> ListedForAsync(string number) =>
            (await (await fixture.App.SignedInAsync(number)).GetStringAsync("/clips")).Contains($"/clips/{fixture.Discovery.Id}\"");

        Assert.False(await ListedForAsync("EMP"));
        Assert.True(await ListedForAsync("STAR"));
        Assert.True(await ListedForAsync("MGRA"));
        Assert.False(await ListedForAsync("MGRB"));
    }

    [Fact]
    public async Task Published_StaffMayWatch_AndWithdrawnAgain_TheyMayNot()
    {
        var administration = (Func<bool, Task>)(published => fixture.App.WithScopeAsync(s => s.GetRequiredService<ClipAdministration>().SetPublishedAsync(fixture.Discovery.Id, published)));
        await administration(true);
        var published = await GetAsync("EMP", $"/clips/{fixture.Discovery.Id}/poster.jpg");
        await administration(false);
        var withdrawn = await GetAsync("EMP", $"/clips/{fixture.Discovery.Id}/poster.jpg");

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("image/jpeg", published.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, withdrawn.StatusCode);
    }

    [Fact]
    public async Task ThroughNginx_Allowed_HandedOffWithoutBytes_Forbidden_StillRefusedHere()
    {
        static void ViaNginx(HttpRequestHeaders headers)
        {
            headers.Add(ClipFileSender.SendfileTypeHeader, ClipFileSender.AccelRedirectHeader);
            headers.Range = RangeHeaderValue.Parse("bytes=0-99");
        }

        var allowed = await GetAsync("EMP", VideoUrl(fixture.Training), ViaNginx);
        var poster = await GetAsync("EMP", $"/clips/{fixture.Training.Id}/poster.jpg", ViaNginx);
        var forbidden = await GetAsync("EMP", VideoUrl(fixture.Discovery), ViaNginx);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal([$"{AccelRedirectClipsFactory.Location}{fixture.Training.Id}/480p.mp4"], allowed.Headers.GetValues(ClipFileSender.AccelRedirectHeader));
        Assert.Equal("video/mp4", allowed.Content.Headers.ContentType?.MediaType);
        Assert.True(allowed.Headers.CacheControl is { Private: true, NoCache: true }, allowed.Headers.CacheControl?.ToString());
        Assert.Empty(await allowed.Content.ReadAsByteArrayAsync());
        Assert.Equal([$"{AccelRedirectClipsFactory.Location}{fixture.Training.Id}/poster.jpg"], poster.Headers.GetValues(ClipFileSender.AccelRedirectHeader));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.False(forbidden.Headers.Contains(ClipFileSender.AccelRedirectHeader));
    }

    [Fact]
    public async Task Bytes_ForAnonymous_UnknownClip_UnknownRendition_AndAClipStillProcessing()
    {
        var anonymous = await fixture.App.CreateSessionClient().GetAsync(VideoUrl(fixture.Training));
        var unknown = await GetAsync("EMP", "/clips/99999/video/480p.mp4");
        var noSuchRendition = await GetAsync("EMP", $"/clips/{fixture.Training.Id}/video/1080p.mp4");
        await SetStatusAsync(fixture.Training.Id, ClipStatus.Processing);
        var processing = await GetAsync("EMP", VideoUrl(fixture.Training));
        await SetStatusAsync(fixture.Training.Id, ClipStatus.Ready);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/signin", anonymous.RedirectPath());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noSuchRendition.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, processing.StatusCode);
    }

    [Fact]
    public async Task Original_OnlyForTrainers()
    {
        var trainer = await GetAsync(ClipsFactory.TrainerNumber, $"/clips/{fixture.Training.Id}/original");
        var employee = await GetAsync("EMP", $"/clips/{fixture.Training.Id}/original");

        Assert.Equal(HttpStatusCode.OK, trainer.StatusCode);
        Assert.Equal(fixture.Training.OriginalBytes, (await trainer.Content.ReadAsByteArrayAsync()).LongLength);
        Assert.False(employee.IsSuccessStatusCode, $"employee got {employee.StatusCode}");
    }
}
