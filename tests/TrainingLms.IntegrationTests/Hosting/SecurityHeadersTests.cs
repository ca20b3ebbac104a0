using System.Net;
using System.Text.RegularExpressions;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Hosting;

/// <summary>
/// Every answer carries the Content-Security-Policy and the other browser protections: pages signed in or not, the
/// public feedback form, printable cards, images, downloads, static files, errors; and no page holds markup the policy
/// would block (an inline script, an event-handler attribute, a style attribute), the QR code's SVG included.
/// </summary>
public partial class SecurityHeadersTests(LimitedFactory factory) : IClassFixture<LimitedFactory>
{
    [Fact]
    public async Task EveryKindOfAnswer_CarriesThePolicyAndTheProtections()
    {
        var (codeId, code) = await factory.FeedbackCodeAsync("HDR");
        using var anonymous = factory.Client();
        using var admin = factory.Client();
        await admin.SignInAsync(LmsFactory.AdministratorNumber);

        foreach (var (client, path, status) in new (HttpClient, string, HttpStatusCode)[]
        {
            (anonymous, "/account/signin", HttpStatusCode.OK),
            (anonymous, $"/feedback/{code}", HttpStatusCode.OK),
            (anonymous, "/feedback/NOSUCHCODE", HttpStatusCode.NotFound),
            (admin, "/no/such/page", HttpStatusCode.NotFound),
            (anonymous, "/admin/people", HttpStatusCode.Redirect),
            (anonymous, "/healthz", HttpStatusCode.OK),
            (anonymous, "/app.css", HttpStatusCode.OK),
            (anonymous, "/_framework/blazor.web.js", HttpStatusCode.OK),
            (admin, "/", HttpStatusCode.OK),
            (admin, "/admin/people", HttpStatusCode.OK),
            (admin, "/benchmark/codes", HttpStatusCode.OK),
            (admin, $"/benchmark/codes/{codeId}/card", HttpStatusCode.OK),
            (admin, $"/benchmark/codes/{codeId}/qr", HttpStatusCode.OK),
            (admin, "/admin/people/import/template.csv", HttpStatusCode.OK),
        })
        {
            var response = await client.GetAsync(path);

            Assert.True(status == response.StatusCode, $"{path}: {response.StatusCode}");
            var policy = string.Join(", ", response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values : []);
            Assert.True(policy.Contains("default-src 'self'", StringComparison.Ordinal), $"{path}: CSP '{policy}'");
            Assert.True(policy.Contains("script-src 'self'", StringComparison.Ordinal), $"{path}: CSP '{policy}'");
            Assert.True(policy.Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"{path}: CSP '{policy}'");
            Assert.True(policy.Contains("object-src 'none'", StringComparison.Ordinal), $"{path}: CSP '{policy}'");
            Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
            Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
            Assert.Equal(["strict-origin-when-cross-origin"], response.Headers.GetValues("Referrer-Policy"));
        }
    }

    [Fact]
    public async Task Pages_HoldNoMarkupThePolicyBlocks()
    {
        var (codeId, code) = await factory.FeedbackCodeAsync("CSP");
        using var anonymous = factory.Client();
        using var admin = factory.Client();
        await admin.SignInAsync(LmsFactory.AdministratorNumber);

        foreach (var (client, path) in new[]
        {
            (anonymous, "/account/signin"), (anonymous, $"/feedback/{code}"), (anonymous, "/verify"),
            (admin, "/"), (admin, "/admin/people"), (admin, $"/benchmark/codes/{codeId}/card"), (admin, $"/benchmark/codes/{codeId}/qr"), (admin, "/clips/upload"),
            (admin, "/courses/manage"), (admin, "/rankings/trends"),
        })
        {
            var html = await client.GetStringAsync(path);

            Assert.True(!InlineScript().IsMatch(html), $"{path} holds an inline script: {InlineScript().Match(html).Value}");
            Assert.True(!BlockedAttribute().IsMatch(html), $"{path} holds {BlockedAttribute().Match(html).Value}");
        }
    }

    /// <summary>A script element without a src: its body would run inline.</summary>
    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    /// <summary>A style attribute or an event handler (onclick= …) on any element.</summary>
    [GeneratedRegex(@"<[a-z][^>]*\s(style|on[a-z]+)=[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockedAttribute();
}
