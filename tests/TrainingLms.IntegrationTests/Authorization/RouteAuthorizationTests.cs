using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.IntegrationTests.Authorization;

/// <summary>
/// Reads every route from the app's own endpoint data source, so a page or endpoint added later is
/// checked without anyone remembering to add it here.
/// </summary>
public class RouteAuthorizationTests(LmsFactory factory) : IClassFixture<LmsFactory>
{
    /// <param name="NeedsRole">Names a policy stricter than being signed in (a role).</param>
    public sealed record AppRoute(string Url, string Method, bool ForAdministrators, bool Anonymous, bool NamesPolicy, bool NeedsRole, string Pattern, IReadOnlyList<string> PolicyNames)
    {
        /// <summary>A page a browser opens, answered with the friendly "no access" page; anything else gets a bare 403.</summary>
        public bool IsPage => Method == "GET" && !Url.EndsWith(".csv", StringComparison.Ordinal) && !Url.EndsWith(".xlsx", StringComparison.Ordinal)
            && !Url.EndsWith(".zip", StringComparison.Ordinal) && !Url.StartsWith("/api/", StringComparison.Ordinal);
    }

    [Fact]
    public void Routes_EveryAppRoute_NamesAPolicyOrIsExplicitlyAnonymous()
    {
        var unnamed = AppRoutes().Where(route => !route.Anonymous && !route.NamesPolicy).Select(route => route.Pattern).Distinct();

        Assert.Empty(unnamed);
    }

    [Fact]
    public void Routes_UnderAdmin_AllRequireTheAdministratorPolicy()
    {
        var routes = AppRoutes();
        var looselyGuarded = routes.Where(route => route.Pattern.StartsWith("/admin", StringComparison.Ordinal) && !route.ForAdministrators);

        Assert.Empty(looselyGuarded);
        // Sanity: the enumeration really sees the administrator pages and endpoints.
        Assert.Contains(routes, route => route.Pattern == "/admin/people" && route.ForAdministrators);
        Assert.Contains(routes, route => route.Pattern == "/admin/people/import/template.csv" && route.ForAdministrators);
    }

    [Theory]
    [InlineData("/drills", Policies.Trainer)]
    [InlineData("/drills/sessions/new", Policies.Trainer)]
    [InlineData("/drills/sessions/{Id:int}", Policies.Trainer)]
    [InlineData("/drills/attempts/{Id:int}", Policies.Trainer)]
    [InlineData("/drills/results/{Id:int}", Policies.SignedIn)]
    [InlineData("/drills/rubrics/{Slug}", Policies.SignedIn)]
    [InlineData("/clearance", Policies.Manager)]
    [InlineData("/clearance/export.csv", Policies.Manager)]
    [InlineData("/clearance/me", Policies.SignedIn)]
    [InlineData("/clearance/people/{PersonId}", Policies.SignedIn)]
    [InlineData("/certificates/{code}.pdf", Policies.SignedIn)]
    [InlineData("/admin/clearance", Policies.Admin)]
    [InlineData("/admin/clearance/{PositionId:int}", Policies.Admin)]
    public void Routes_Drills_NameTheirPolicy(string pattern, string policy)
    {
        var routes = AppRoutes().Where(route => route.Pattern == pattern).ToList();

        Assert.NotEmpty(routes);
        Assert.All(routes, route => Assert.Equal([policy], route.PolicyNames));
        Assert.All(routes, route => Assert.False(route.Anonymous, pattern));
    }

    [Theory]
    [InlineData("/printables/card.pdf")]
    [InlineData("/printables/charts/{lineOfWork}.pdf")]
    public void Routes_Printables_AreForAnyoneSignedIn(string pattern)
    {
        var routes = AppRoutes().Where(route => route.Pattern == pattern).ToList();

        Assert.NotEmpty(routes);
        Assert.All(routes, route => Assert.Equal([Policies.SignedIn], route.PolicyNames));
        Assert.All(routes, route => Assert.False(route.Anonymous, pattern));
    }

    [Fact]
    public void Routes_CertificateVerification_IsTheOnlyAnonymousDrillRoute()
    {
        var routes = AppRoutes();
        string[] drillAreas = ["/drills", "/clearance", "/certificates", "/verify", "/admin/clearance"];

        var anonymous = routes.Where(route => route.Anonymous && drillAreas.Any(area => route.Pattern.StartsWith(area, StringComparison.Ordinal)))
            .Select(route => route.Pattern).Distinct().Order();

        Assert.Equal(["/verify", "/verify/{Code}"], anonymous);
    }

    [Fact]
    public async Task AdministratorRoutes_Anonymous_AreSentToSignIn()
    {
        var client = factory.CreateSessionClient();

        foreach (var route in AppRoutes().Where(route => route.ForAdministrators))
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), route.Url));

            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && response.RedirectPath()!.StartsWith("/account/signin", StringComparison.Ordinal)),
                $"{route.Method} {route.Url} answered {(int)response.StatusCode} {response.RedirectPath()}");
        }
    }

    [Theory]
    [InlineData(Roles.Employee)]
    [InlineData(Roles.ClassLeader)]
    [InlineData(Roles.Trainer)]
    [InlineData(Roles.Manager)]
    public async Task AdministratorRoutes_NonAdministrator_AreForbidden(string role)
    {
        var number = "R" + role[..3].ToUpperInvariant();
        await factory.CreatePersonAsync(number, [Roles.Employee, role]);
        var client = factory.CreateSessionClient();
        await client.SignInAsync(number);

        var routes = AppRoutes().Where(route => route.ForAdministrators).ToList();
        Assert.NotEmpty(routes);
        foreach (var route in routes) await AssertRefusedAsync(client, route, role);
    }

    [Fact]
    public async Task RoleRoutes_SignedInWithNoExtraRole_AreForbidden_PagesWithTheNoAccessPage()
    {
        await factory.CreatePersonAsync("RPLAIN", [Roles.Employee]);
        var client = factory.CreateSessionClient();
        await client.SignInAsync("RPLAIN");

        var routes = AppRoutes().Where(route => route.NeedsRole).ToList();
        // Sanity: pages, a file download and a form-post endpoint of several policies are among them.
        Assert.Contains(routes, route => route.Pattern == "/courses/manage" && route.IsPage);
        Assert.Contains(routes, route => route.Pattern == "/reviews/export.csv");
        Assert.Contains(routes, route => route.Pattern == "/courses/manage/preview" && route.Method == "POST");
        Assert.Contains(routes, route => route.Pattern == "/reviews/oversight");
        foreach (var route in routes) await AssertRefusedAsync(client, route, Roles.Employee);
    }

    [Fact]
    public async Task RefusedPage_InEnglish_NoAccessPageInTheSameAnswer_NotARedirect()
    {
        await factory.CreatePersonAsync("RENG", [Roles.Employee]);
        var client = factory.CreateSessionClient();
        await client.SignInAsync("RENG");
        await client.PostFormAsync("/", "", new() { ["culture"] = "en-US", ["returnUrl"] = "/" }, action: "/culture");

        var response = await client.GetAsync("/admin/people");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("No access", html);
        Assert.Contains("Your role does not give access to this page.", html);
    }

    [Fact]
    public async Task AccessDeniedPage_OpenedDirectly_AnswersOk()
    {
        var response = await factory.CreateSessionClient().GetAsync("/account/denied");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A real 403: a page carries the "no access" page in the answer, a download or post an empty body; never a redirect.</summary>
    private static async Task AssertRefusedAsync(HttpClient client, AppRoute route, string role)
    {
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), route.Url));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{route.Method} {route.Url} answered {(int)response.StatusCode} {response.RedirectPath()} for {role}");
        if (route.IsPage) Assert.True(body.Contains("无权访问", StringComparison.Ordinal), $"GET {route.Url} for {role}: no \"no access\" page");
        else Assert.True(body.Length == 0, $"{route.Method} {route.Url} for {role}: a body on a plain 403");
    }

    [Fact]
    public async Task AdministratorRoutes_Administrator_AreServed()
    {
        var client = await factory.AdministratorClientAsync();

        foreach (var route in AppRoutes().Where(route => route.ForAdministrators && route.Method == "GET"))
        {
            var response = await client.GetAsync(route.Url);

            // An edit page for an id that does not exist answers 404; nothing may refuse the administrator.
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"GET {route.Url} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task UnknownAddress_SignedIn_AnswersWithTheNotFoundPage()
    {
        var client = await factory.AdministratorClientAsync();

        var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync());
    }

    private List<AppRoute> AppRoutes()
    {
        var sources = factory.Services.GetServices<EndpointDataSource>();
        return [.. sources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(endpoint => !IsFrameworkPlumbing(endpoint.RoutePattern.RawText ?? ""))
            .SelectMany(endpoint => Methods(endpoint).Select(method => Describe(endpoint, method)))];
    }

    private static AppRoute Describe(RouteEndpoint endpoint, string method)
    {
        var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
        return new AppRoute(
            Url: Fill(endpoint.RoutePattern),
            Method: method,
            ForAdministrators: authorize.Any(data => data.Policy == Policies.Admin || (data.Roles?.Split(',').Contains(Roles.Admin) ?? false)),
            Anonymous: endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
            NamesPolicy: authorize.Any(data => !string.IsNullOrEmpty(data.Policy)),
            NeedsRole: authorize.Any(data => !string.IsNullOrEmpty(data.Policy) && data.Policy != Policies.SignedIn) && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null,
            Pattern: pattern,
            PolicyNames: [.. authorize.Select(data => data.Policy).OfType<string>()]);
    }

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["GET"];

    /// <summary>Turns "/admin/sites/{Id:int}" into "/admin/sites/1" (and a {id:guid} into a Guid), so the route is matched.</summary>
    private static string Fill(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "guid") => "00000000-0000-0000-0000-000000000001",
            RoutePatternParameterPart parameter => parameter.ParameterPolicies.Count > 0 ? "1" : "x1",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));

    /// <summary>The Blazor circuit hub and framework files, mapped by the framework rather than by a feature.</summary>
    private static bool IsFrameworkPlumbing(string pattern) =>
        pattern.TrimStart('/').StartsWith('_') || pattern.Contains("{**");
}
