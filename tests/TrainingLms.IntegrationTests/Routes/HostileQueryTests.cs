using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain.Clips;
using TrainingLms.IntegrationTests.Demo;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Routes;

/// <summary>The demo company on a real Kestrel port, its clips transcoded, and the real values of its routes.</summary>
public sealed class HostileQueryFixture : IAsyncLifetime
{
    public DemoFactory App { get; } = new() { DemoClips = true };

    public string BaseUrl { get; private set; } = "";

    public DemoRouteValues Values { get; private set; } = default!;

    public List<CatalogRoute> Routes { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        App.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            // Long enough for the walk's 10,000-character values (nginx in front refuses such lines long before).
            options.Limits.MaxRequestLineSize = 1024 * 1024;
        });
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await App.WaitForDemoClipsAsync();
        Values = await App.WithDbAsync(DemoRouteValues.ReadAsync);
        Routes = RouteCatalog.Read(App.Services);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Walks every route of the app — pages and endpoints, with real ids of the demo company — as each role, with hostile
/// values in every query parameter the page or handler declares and in every free-text route value: text for
/// numbers, huge and extreme numbers, extreme dates, 10,000 characters, control characters and odd Unicode. Bad input
/// gets a clear answer: never a 500, never an error in the log.
/// </summary>
public class HostileQueryTests(HostileQueryFixture fixture) : IClassFixture<HostileQueryFixture>
{
    /// <summary>
    /// Each value percent-encoded as a browser sends it; a lone surrogate is sent as the invalid UTF-8 it would be.
    /// <c>Database</c>: the value can reach a query and be taken differently by PostgreSQL than by SQLite (integer
    /// overflow, negative offsets, date ranges, NUL in text, long and multi-byte text, quotes). The others are malformed
    /// or odd text that the pages parse or refuse alike whatever the database; where one reaches a query as text, the
    /// long, multi-byte and control-character values stand for it. The PostgreSQL run leaves them to the SQLite run.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Encoded, bool Database)> HostileValues =
    [
        ("text for a number", Encode("abc"), false),
        ("a number beyond int", Encode("99999999999"), true),
        ("int.MaxValue", Encode("2147483647"), true),
        ("int.MinValue", Encode("-2147483648"), true),
        ("negative", Encode("-1"), true),
        ("zero", Encode("0"), true),
        ("the first day", Encode("0001-01-01"), true),
        ("the last day", Encode("9999-12-31"), true),
        ("the first month", Encode("0001-01"), true),
        ("the last month", Encode("9999-12"), true),
        ("a day that does not exist", Encode("2026-02-30"), false),
        ("10,000 characters", Encode(new string('x', 10_000)), true),
        ("10,000 Chinese characters", Encode(new string('张', 10_000)), true),
        ("a tab", Encode("/\t/example.com"), false),
        ("an ideographic space", Encode("/\u3000/example.com"), false),
        ("control characters", Encode("\0\u0001\u001b\u007f"), true),
        ("a right-to-left override", Encode("\u202e1"), false),
        ("an emoji", Encode("😀"), true),
        ("full-width digits", Encode("１２３"), false),
        ("markup and quotes", Encode("<script>alert(1)</script>'\""), true),
        ("an empty value", "", false),
        ("a lone surrogate", "%ED%A0%80", false),
        ("invalid UTF-8", "%FF%FE", false),
    ];

    /// <summary>The values this run sends: all on SQLite; on PostgreSQL those a query can take differently.</summary>
    private static IEnumerable<string> ValuesForThisDatabase() =>
        HostileValues.Where(value => value.Database || !TestDatabase.IsPostgreSql).Select(value => value.Encoded);

    public static TheoryData<string> Viewers => ["", "A0001", "T0001", "M0001", "C0001", "E0001"];

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task EveryRoute_HostileQueryAndRouteValues_NeverAnswers500NorLogsAnError(string account)
    {
        using var client = Client();
        var personId = await fixture.App.WithDbAsync(db => db.Users.Where(p => p.UserName == (account.Length > 0 ? account : "E0001")).Select(p => p.Id).SingleAsync());
        if (account.Length > 0) await client.SignInAsync(account);
        var routes = fixture.Routes;
        // Sanity: the walk sees pages, their query parameters and those of the minimal APIs.
        Assert.Contains(routes, r => r.Text == "/admin/people" && r.QueryParameters.Contains("page"));
        Assert.Contains(routes, r => r.Text == "/reviews/export.csv" && r.QueryParameters.Contains("to"));
        Assert.Contains(routes, r => r.Text == "/account/signin" && r.QueryParameters.Contains("ReturnUrl"));

        var failures = new List<string>();
        var requests = 0;
        foreach (var route in routes)
        {
            foreach (var url in Urls(route, personId))
            {
                requests++;
                var failure = await SendAsync(client, route.Method, url);
                if (failure is not null) failures.Add(failure);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests as {(account.Length > 0 ? account : "anonymous")} failed:{Environment.NewLine}"
            + string.Join(Environment.NewLine, failures.Take(40)));
    }

    /// <summary>The address to go back to after signing in, on a real Kestrel server, which refuses a header that is not ASCII.</summary>
    [Theory]
    [InlineData("/\t/example.com", "/")]
    [InlineData("/\n/example.com", "/")]
    [InlineData("/reviews/search?q=\u3000张", "/reviews/search?q=%E3%80%80%E5%BC%A0")]
    [InlineData("/\u3000/example.com", "/%E3%80%80/example.com")]
    [InlineData("/reviews/search?q=a b", "/reviews/search?q=a%20b")]
    public async Task SignIn_ReturnUrlWithControlOrOddSpace_RedirectsWithinTheSite(string returnUrl, string expected)
    {
        using var client = Client();

        var response = await client.PostFormAsync($"/account/signin?ReturnUrl={Encode(returnUrl)}", "signin",
            new() { ["Input.Identifier"] = "E0001", ["Input.Password"] = LmsFactory.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.RedirectPath());
    }

    [Theory]
    [InlineData("/\t/example.com", "/")]
    [InlineData("/reviews/search?q=\u3000张", "/reviews/search?q=%E3%80%80%E5%BC%A0")]
    public async Task LanguageSwitch_ReturnUrlWithControlOrOddSpace_RedirectsWithinTheSite(string returnUrl, string expected)
    {
        using var client = Client();

        var response = await client.PostFormAsync("/account/signin", "", new() { ["culture"] = "en-US", ["returnUrl"] = returnUrl }, action: "/culture");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.RedirectPath());
    }

    /// <summary>The route with real values and no query; one hostile value per query parameter; one per free-text route value.</summary>
    private IEnumerable<string> Urls(CatalogRoute route, string personId)
    {
        var path = Fill(route, personId, hostile: null);
        yield return path;
        var isGet = route.Method == HttpMethods.Get;
        foreach (var value in ValuesForThisDatabase())
        {
            // Forms posted without a token are refused before the page runs: once with every parameter is enough.
            if (!isGet)
            {
                if (route.QueryParameters.Count > 0) yield return path + "?" + string.Join('&', route.QueryParameters.Select(name => $"{name}={value}"));
                continue;
            }
            foreach (var name in route.QueryParameters) yield return $"{path}?{name}={value}";
            foreach (var parameter in route.Pattern.Parameters.Where(p => p.ParameterPolicies.Count == 0))
                yield return Fill(route, personId, (parameter.Name, value));
        }
    }

    private string Fill(CatalogRoute route, string personId, (string Name, string Encoded)? hostile) =>
        "/" + string.Join('/', route.Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter when hostile is { } h && h.Name == parameter.Name => h.Encoded,
            RoutePatternParameterPart parameter => Uri.EscapeDataString(fixture.Values.For(route.Text, parameter.Name, personId)),
            _ => "",
        }))));

    /// <summary>Null when the answer is fine; otherwise what went wrong, with the errors the app logged meanwhile.</summary>
    private async Task<string?> SendAsync(HttpClient client, string method, string url)
    {
        var errorsBefore = fixture.App.Errors.Entries.Count;
        string? problem;
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(fixture.BaseUrl + url, UriKind.Absolute));
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            problem = (int)response.StatusCode >= 500 ? $"answered {(int)response.StatusCode}" : null;
        }
        catch (HttpRequestException e)
        {
            problem = $"failed: {e.Message}";
        }
        var logged = fixture.App.Errors.Entries.Skip(errorsBefore).ToList();
        if (problem is null && logged.Count == 0) return null;
        var shown = url.Length > 200 ? url[..200] + "…" : url;
        return $"{method} {shown} {problem ?? "logged an error"} {string.Join(" | ", logged.Select(entry => entry.Length > 600 ? entry[..600] : entry))}";
    }

    private HttpClient Client() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        CookieContainer = new CookieContainer(),
        // The sign-in redirect repeats the whole address in its Location header.
        MaxResponseHeadersLength = 4096,
    })
    { BaseAddress = new Uri(fixture.BaseUrl) };

    /// <summary>Percent-encodes the UTF-8 bytes of <paramref name="text"/>, as a browser does a typed address.</summary>
    private static string Encode(string text)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
            builder.Append(b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' ? ((char)b).ToString() : $"%{b:X2}");
        return builder.ToString();
    }
}
