using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Hosting;

/// <summary>The app trusting the default proxy (loopback), with small limits a test can reach.</summary>
public class LimitedFactory : KestrelLmsFactory
{
    public const int PerWindow = 3;

    private static readonly string Limit = PerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture);

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(ExtraSettings)
    {
        ["Certificates:VerifyRequestsPerMinute"] = Limit,
        ["Benchmark:FeedbackPerWindow"] = Limit,
    };

    protected virtual IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>();

    /// <summary>What the app logged at Information and above.</summary>
    public MessageLog Messages { get; } = new();

    /// <summary>
    /// The app's clock, standing still: the limits count in fixed windows of the wall clock, and a window that ended
    /// between a test's requests would forgive the request it expects refused.
    /// </summary>
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Messages));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>An active feedback code for a new post at a new site.</summary>
    public Task<(int Id, string Code)> FeedbackCodeAsync(string prefix) => WithDbAsync(async db =>
    {
        var site = new Site { Code = prefix, Name = "项目" + prefix };
        var position = new Position { Name = "前台" + prefix, LineOfWork = LineOfWork.CustomerService, FacesCustomers = true };
        db.AddRange(site, position);
        await db.SaveChangesAsync();
        var code = new FeedbackCode { Code = (prefix + "CODEAAAAAA")[..10], SiteId = site.Id, PositionId = position.Id, Label = "客服前台", IsActive = true, CreatedAtUtc = DateTime.UtcNow };
        db.FeedbackCodes.Add(code);
        await db.SaveChangesAsync();
        return (code.Id, code.Code);
    });
}

/// <summary>The same, but the only proxy it trusts is elsewhere: what loopback claims to forward is not believed.</summary>
public sealed class OtherProxyFactory : LimitedFactory
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["Proxy:KnownProxies:0"] = "10.20.30.40",
        ["Proxy:KnownNetworks:0"] = "192.168.50.0/24",
    };
}

/// <summary>
/// Forwarded headers are honoured from the configured proxies only (loopback by default), so that rate limits count
/// the real client; tested on a real Kestrel port, where the test client (127.0.0.1) plays the proxy.
/// </summary>
public class ForwardedHeadersTests(LimitedFactory factory) : IClassFixture<LimitedFactory>
{
    [Fact]
    public async Task VerifyLimit_TwoClientsForwardedByTheProxy_AreLimitedSeparately()
    {
        using var first = factory.Client(forwardedFor: "203.0.113.10");
        using var second = factory.Client(forwardedFor: "203.0.113.11");

        for (var i = 0; i < LimitedFactory.PerWindow; i++) Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/verify")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.GetAsync("/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/verify")).StatusCode);
    }

    [Fact]
    public async Task FeedbackLimit_TwoClientsForwardedByTheProxy_AreLimitedSeparately()
    {
        var (_, code) = await factory.FeedbackCodeAsync("FWD");
        using var first = factory.Client(forwardedFor: "203.0.113.20");
        using var second = factory.Client(forwardedFor: "203.0.113.21");
        Task<HttpResponseMessage> RateAsync(HttpClient client) =>
            client.PostFormAsync($"/feedback/{code}", "feedback", new() { ["smile"] = "5", ["greeting"] = "4", ["comment"] = "" });

        for (var i = 0; i < LimitedFactory.PerWindow; i++) Assert.Equal(HttpStatusCode.OK, (await RateAsync(first)).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await RateAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RateAsync(second)).StatusCode);
    }

    [Fact]
    public async Task SignIn_IsLoggedWithTheForwardedClientsAddress()
    {
        using var client = factory.Client(forwardedFor: "203.0.113.50");

        await client.SignInAsync(LmsFactory.AdministratorNumber);

        Assert.Contains(factory.Messages.Entries, m => m.Contains($"{LmsFactory.AdministratorNumber} signed in from 203.0.113.50", StringComparison.Ordinal));
    }
}

public class UntrustedProxyTests(OtherProxyFactory factory) : IClassFixture<OtherProxyFactory>
{
    [Fact]
    public async Task VerifyLimit_ForwardedForFromAnUnknownProxy_IsIgnored_BothShareTheProxysLimit()
    {
        using var first = factory.Client(forwardedFor: "203.0.113.30");
        using var second = factory.Client(forwardedFor: "203.0.113.31");

        for (var i = 0; i < LimitedFactory.PerWindow; i++) Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/verify")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await second.GetAsync("/verify")).StatusCode);
    }
}

public class ProxyOptionsTests
{
    [Theory]
    [InlineData("Proxy:KnownProxies:0", "10.0.0.300")]
    [InlineData("Proxy:KnownProxies:0", "nginx.local")]
    [InlineData("Proxy:KnownNetworks:0", "10.0.0.0/33")]
    [InlineData("Proxy:KnownNetworks:0", "10.0.0.0")]
    public async Task Start_WithAProxyThatIsNoAddressOrNetwork_IsRefusedNamingTheSetting(string key, string value)
    {
        await using var factory = new SettingsFactory(key, value);

        var thrown = Assert.ThrowsAny<Exception>(() => factory.Services);

        var refused = Assert.IsType<OptionsValidationException>(Causes(thrown).FirstOrDefault(e => e is OptionsValidationException), exactMatch: false);
        Assert.Contains(value, refused.Message, StringComparison.Ordinal);
        Assert.Contains(key.Split(':')[1], refused.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Causes(Exception exception) =>
        exception is AggregateException aggregate
            ? aggregate.InnerExceptions.SelectMany(Causes)
            : exception.InnerException is { } inner ? [exception, .. Causes(inner)] : [exception];

    private sealed class SettingsFactory(string key, string value) : KestrelLmsFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { [key] = value };
    }
}
