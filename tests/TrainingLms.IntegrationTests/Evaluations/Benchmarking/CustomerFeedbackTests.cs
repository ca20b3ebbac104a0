using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Evaluations.Benchmarking;

/// <summary>The app with a small customer-feedback limit, so a test can reach it.</summary>
public sealed class BenchmarkFactory : OrganisationFactory
{
    public const int FeedbackPerWindow = 6;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Benchmark:FeedbackPerWindow", FeedbackPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // These tests make no certificate PDFs: on a machine without fonts-noto-cjk any file satisfies the start-up check.
        if (!File.Exists("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")) builder.UseSetting("Pdf:FontPath", typeof(BenchmarkFactory).Assembly.Location);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFilter>());
    }

    /// <summary>The test server has no client address: this header gives each test client its own, as separate phones have.</summary>
    public const string AddressHeader = "X-Test-Client-Address";

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (System.Net.IPAddress.TryParse(context.Request.Headers[AddressHeader], out var address)) context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private static int prefixes;

    public Task<(int SiteId, int CodeId, string Code)> CodeAsync(string prefix, bool active = true) => WithDbAsync(async db =>
    {
        prefix += (char)('A' + Interlocked.Increment(ref prefixes) % 26);
        var site = new Site { Code = prefix, Name = "项目" + prefix };
        var position = new Position { Name = "前台" + prefix, LineOfWork = LineOfWork.CustomerService, FacesCustomers = true };
        db.AddRange(site, position);
        await db.SaveChangesAsync();
        var code = new FeedbackCode { Code = (prefix + "CODEAAAAAA")[..10], SiteId = site.Id, PositionId = position.Id, Label = "客服前台" + prefix, IsActive = active, CreatedAtUtc = DateTime.UtcNow };
        db.FeedbackCodes.Add(code);
        await db.SaveChangesAsync();
        return (site.Id, code.Id, code.Code);
    });

    public Task<List<BenchmarkRating>> RatingsAsync(int codeId) =>
        WithDbAsync(db => db.BenchmarkRatings.AsNoTracking().Where(r => r.FeedbackCodeId == codeId).ToListAsync());
}

/// <summary>Each test posts from its own client address, so the per-address limit of one test leaves the others alone.</summary>
public class CustomerFeedbackTests(BenchmarkFactory factory) : IClassFixture<BenchmarkFactory>
{
    private static int nextAddress = 10;

    private HttpClient Customer()
    {
        var client = factory.CreateSessionClient();
        client.DefaultRequestHeaders.Add(BenchmarkFactory.AddressHeader, $"10.0.0.{Interlocked.Increment(ref nextAddress)}");
        return client;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string code, string smile, string greeting, string comment = "") =>
        client.PostFormAsync($"/feedback/{code}", "feedback", new() { ["smile"] = smile, ["greeting"] = greeting, ["comment"] = comment });

    [Fact]
    public async Task Feedback_NoSignIn_ShowsFormWithSiteAndLabelAndNoMenu()
    {
        var (_, _, code) = await factory.CodeAsync("FA");
        using var client = Customer();

        var response = await client.GetAsync($"/feedback/{code.ToLowerInvariant()}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("项目FA", html);
        Assert.Contains("客服前台FA", html);
        Assert.Contains("name=\"smile\"", html);
        Assert.Contains("name=\"greeting\"", html);
        Assert.DoesNotContain("app-nav", html);
        Assert.DoesNotContain("<a ", html);
    }

    [Fact]
    public async Task Feedback_ValidPost_StoredAsAnonymousCustomerRatingOfThePost()
    {
        var (siteId, codeId, code) = await factory.CodeAsync("FB");
        using var client = Customer();

        var response = await PostAsync(client, code, "5", "4", "  前台很热情  ");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-status=\"thanked\"", html);
        var rating = Assert.Single(await factory.RatingsAsync(codeId));
        Assert.Equal((BenchmarkSource.Customer, 5, 4, "前台很热情", siteId), (rating.Source, rating.Smile, rating.Greeting, rating.Comment, rating.SiteId));
        Assert.Null(rating.RaterId);
        Assert.Null(rating.PersonId);
        Assert.NotNull(rating.PositionId);
        Assert.Equal(YearQuarter.Of(TrainingLms.Domain.SiteTime.Today(factory.Clock.UtcNow, null)), new YearQuarter(rating.Year, rating.Quarter));
    }

    [Theory]
    [InlineData("0", "3", "")]
    [InlineData("6", "3", "")]
    [InlineData("3", "", "")]
    [InlineData("x", "3", "")]
    public async Task Feedback_ScoreOutOfRange_RefusedNothingStored(string smile, string greeting, string comment)
    {
        var (_, codeId, code) = await factory.CodeAsync("FC");
        using var client = Customer();

        var response = await PostAsync(client, code, smile, greeting, comment);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data-error=", await response.Content.ReadAsStringAsync());
        Assert.Empty(await factory.RatingsAsync(codeId));
    }

    [Fact]
    public async Task Feedback_CommentOverLimit_RefusedWithMessageNothingStored()
    {
        var (_, codeId, code) = await factory.CodeAsync("GL");
        using var client = Customer();

        var response = await PostAsync(client, code, "5", "5", new string('长', BenchmarkScores.MaxCommentLength + 1));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data-error=\"comment\"", html);
        Assert.Empty(await factory.RatingsAsync(codeId));
    }

    [Fact]
    public async Task Feedback_UnknownOrInactiveCode_404WithoutData()
    {
        var (_, codeId, inactive) = await factory.CodeAsync("GI", active: false);
        using var client = Customer();

        foreach (var path in new[] { $"/feedback/{inactive}", "/feedback/NOSUCHCODE", "/feedback/%3Cscript%3E" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("客服前台GI", await response.Content.ReadAsStringAsync());
        }
        Assert.Empty(await factory.RatingsAsync(codeId));
    }

    [Fact]
    public async Task Feedback_TooManyPostsFromOneAddress_429PlainText()
    {
        var (_, codeId, code) = await factory.CodeAsync("GR");
        using var client = Customer();

        for (var i = 0; i < BenchmarkFactory.FeedbackPerWindow; i++)
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, code, "4", "4")).StatusCode);
        var refused = await PostAsync(client, code, "4", "4");

        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.StartsWith("text/plain", refused.Content.Headers.ContentType?.ToString());
        Assert.False(string.IsNullOrWhiteSpace(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(BenchmarkFactory.FeedbackPerWindow, (await factory.RatingsAsync(codeId)).Count);
        // Opening the form is not a submission: it still answers.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/feedback/{code}")).StatusCode);
    }

    [Fact]
    public async Task Feedback_HostileComment_StoredAsTextAndInertOnTheBoard()
    {
        var (siteId, codeId, code) = await factory.CodeAsync("GH");
        using var customer = Customer();
        const string payload = "<script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a>\u0007";

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(customer, code, "3", "3", payload)).StatusCode);
        using var staff = await factory.AdministratorClientAsync();
        var board = await staff.GetStringAsync($"/benchmark/sites/{siteId}");

        Assert.Equal(payload.TrimEnd('\u0007'), Assert.Single(await factory.RatingsAsync(codeId)).Comment);
        Assert.DoesNotContain("<script>alert(1)", board);
        Assert.DoesNotContain("<img src=x", board);
        Assert.DoesNotContain("<a href=\"javascript:", board);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", board);
    }

    [Fact]
    public async Task StaffPages_NoSignIn_NotReachable()
    {
        var (siteId, codeId, _) = await factory.CodeAsync("GS");
        using var client = Customer();

        foreach (var path in new[] { "/benchmark", "/benchmark/codes", $"/benchmark/codes/{codeId}/qr", $"/benchmark/codes/{codeId}/card", $"/benchmark/sites/{siteId}" })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, $"{path}: {response.StatusCode}");
            Assert.Contains("/account/signin", response.RedirectPath() ?? "/account/signin");
        }
    }
}
