using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TrainingLms.Domain.Clips;
using TrainingLms.IntegrationTests.Demo;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.BrowserTests.Infrastructure;

/// <summary>
/// The demo LMS on a real Kestrel port on 127.0.0.1 and Debian's Chromium, headless; both stopped when the tests end.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private readonly LmsFactory app;

    /// <summary>Another app behind the browser (one with a test clock, say).</summary>
    protected BrowserFixture(LmsFactory app) => this.app = app;

    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
        // The clip tests start a muted player from script, as a tap would.
        "--autoplay-policy=no-user-gesture-required",
    ];

    public BrowserFixture() : this(new DemoFactory { DemoClips = true })
    {
    }


    /// <summary>The app behind the browser, for what a test checks in its database.</summary>
    public LmsFactory App => app;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The demo app's services, for a test that needs to look something up (a certificate's code) rather than click to it.</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>Screenshots land here for people to look at: TestResults/screenshots at the repository root.</summary>
    public string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");

    public async ValueTask InitializeAsync()
    {
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        if (app is DemoFactory demo) await demo.WaitForDemoClipsAsync();
        Directory.CreateDirectory(ScreenshotFolder);

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumFlags,
        });
    }

    /// <summary>The cookies of an earlier sign-in per account and language, for tests that only look at pages.</summary>
    public Dictionary<(string Account, string Culture), string> SignIns { get; } = [];

    public async Task<IPage> NewPageAsync(int width, string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            StorageState = storageState,
            ViewportSize = new() { Width = width, Height = width < 600 ? 844 : 900 },
            IsMobile = width < 600,
            HasTouch = width < 600,
        });
        return await context.NewPageAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        await app.DisposeAsync();
    }

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "TrainingLms.sln"))) folder = folder.Parent;
        return folder?.FullName ?? Path.GetTempPath();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
