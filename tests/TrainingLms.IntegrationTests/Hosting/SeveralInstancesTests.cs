using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Data;
using TrainingLms.Domain;
using TrainingLms.Domain.ShiftReviews;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.IntegrationTests.ShiftReviews;
using TrainingLms.Web.Infrastructure.Hosting;

namespace TrainingLms.IntegrationTests.Hosting;

/// <summary>
/// Two app processes on one PostgreSQL database behind Debian's nginx, round robin with the upstream block of
/// deploy/nginx-upstream.conf (what the README quotes): one sign-in, form tokens and rate limits hold on both.
/// </summary>
[PostgreSqlOnly("several app instances share one database only on PostgreSQL; SQLite is one instance's file")]
public sealed partial class SeveralInstancesTests : IAsyncLifetime
{
    private const int VerifyPerMinute = 4;

    private readonly ShiftReviewsFactory factory = new();
    private readonly string root = Directory.CreateTempSubdirectory("traininglms-instances-").FullName;
    private readonly List<AppProcess> instances = [];
    private Nginx? nginx;
    private TestCertificate certificate = default!;

    public async ValueTask InitializeAsync()
    {
        Assert.True(TestDatabase.IsPostgreSql, "PostgreSQL only: run with LMS_TEST_DATABASE=PostgreSQL (./lms test does).");
        await factory.CreateSiteAsync("S0");
    }

    public async ValueTask DisposeAsync()
    {
        if (nginx is not null) await nginx.DisposeAsync();
        foreach (var instance in instances) await instance.DisposeAsync();
        await factory.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    /// <summary>Instances "a" and "b" on the factory's database, and nginx over TLS in front of both.</summary>
    private async Task StartBehindNginxAsync()
    {
        // Each with a data folder of its own, as on two machines: only the record chain's secret is shared (its file
        // is the operator's to copy); sign-in keys and counters come from the database.
        foreach (var name in new[] { "a", "b" })
            instances.Add(await AppProcess.StartAsync(factory.Database, new Dictionary<string, string>
            {
                ["Hosting:InstanceName"] = name,
                ["Storage:DataPath"] = Directory.CreateDirectory(Path.Combine(root, "data-" + name)).FullName,
                ["RecordChain:KeyPath"] = Path.Combine(factory.DataPath, "record-chain.key"),
                ["Certificates:VerifyRequestsPerMinute"] = VerifyPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }));
        certificate = TestCertificate.Create(root);
        var clips = Directory.CreateDirectory(Path.Combine(factory.DataPath, "clips")).FullName;
        nginx = await Nginx.StartAsync(root, instances[0].BaseUrl, clips, certificate: certificate, instanceUrls: [.. instances.Select(i => i.BaseUrl)]);
    }

    private HttpClient Phone(string source) => certificate.Client(nginx!.ProxyUrl, IPAddress.Parse(source));

    private static string Instance(HttpResponseMessage response) =>
        response.Headers.TryGetValues(InstanceOptions.Header, out var values) ? values.Single() : "(none)";

    [Fact]
    public async Task BehindNginx_OneSignIn_PagesFormsAndRateLimitsHoldOnBothInstances()
    {
        var siteId = await factory.CreateSiteAsync("S1");
        var team = await factory.CreateTeamAsync(siteId, "客服班", "L100", null, "E101");
        await StartBehindNginxAsync();
        using var leader = Phone("127.0.0.2");

        var signIn = await leader.SignInAsync("L100");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("/account/signin", signIn.RedirectPath() ?? "", StringComparison.Ordinal);

        // 50 pages, taking turns: every one signed in, whichever instance wrote the cookie.
        var served = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            var page = await leader.GetAsync($"/reviews/file/{team.TeamId}");
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"page {i} from {Instance(page)}: {(int)page.StatusCode} {page.RedirectPath()}");
            served.Add(Instance(page));
        }
        Assert.Equal(["a", "b"], served.Distinct().Order());
        Assert.True(served.Zip(served.Skip(1)).Count(p => p.First != p.Second) >= 45, $"served by {string.Join("", served)}");

        // The form of one page posted 20 times at once (a double tap, a retry, a second tab): the posts land on both
        // instances, so the other accepts the first one's form token; one review results.
        var form = await leader.GetAsync($"/reviews/file/{team.TeamId}");
        var html = await form.Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);
        var key = SubmissionKeyField().Match(html).Groups[1].Value;
        var today = SiteTime.Today(DateTime.UtcNow, SiteTime.DefaultTimeZoneId);
        var posts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            ReviewForms.PostAsync(leader, $"/reviews/file/{team.TeamId}", "review", token, ReviewForms.Routine(key, today, ShiftCalendar.DailyKey))));
        var ids = posts.Select(ReviewForms.ReviewId).Distinct().ToList();
        Assert.Single(ids);
        Assert.Contains(posts, p => Instance(p) != Instance(form));
        await using (var db = factory.Database.Open())
            Assert.Equal(1, await db.ShiftReviews.CountAsync(r => r.TeamId == team.TeamId));

        // The public verification page: one phone's limit counts its requests on both instances together; another
        // phone (another client address behind nginx) has its own.
        using var guesser = Phone("127.0.0.3");
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < VerifyPerMinute; i++) answers.Add(await guesser.GetAsync("/verify"));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(["a", "b"], answers.Select(Instance).Distinct().Order());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await guesser.GetAsync("/verify")).StatusCode);
        using var other = Phone("127.0.0.4");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/verify")).StatusCode);
    }

    [Fact]
    public async Task Start_TwoInstancesAtOnceOnAnEmptyDatabase_BothBecomeHealthy_WithOneDemoCompany()
    {
        // A database of its own, empty: the in-process factory would have migrated the shared one already.
        var data = Path.Combine(root, "data");
        var database = new TestDatabase(data);
        database.EnsureCreated(empty: true);
        try
        {
            var settings = new Dictionary<string, string> { ["Demo:Enabled"] = "true", ["Demo:Clips"] = "false", ["Demo:Password"] = LmsFactory.Password };
            var started = await Task.WhenAll(new[] { "a", "b" }.Select(async name =>
            {
                try
                {
                    return (App: await AppProcess.StartAsync(database, new Dictionary<string, string>(settings) { ["Hosting:InstanceName"] = name }), Error: (Exception?)null);
                }
                catch (Exception e) when (e is InvalidOperationException or TimeoutException)
                {
                    return (App: (AppProcess?)null, Error: e);
                }
            }));
            instances.AddRange(started.Select(s => s.App).OfType<AppProcess>());
            Assert.All(started, s => Assert.True(s.Error is null, s.Error?.Message));

            await using var db = database.Open();
            Assert.Equal(1, await db.Companies.CountAsync());
            await using (var migrations = LmsDatabase.ForMigrations(LmsDatabase.Options(TestDatabase.Provider, database.ConnectionString)))
                Assert.Empty(await migrations.Database.GetPendingMigrationsAsync());
            var applied = await db.Database.SqlQueryRaw<string>("""SELECT "MigrationId" AS "Value" FROM "__EFMigrationsHistory" """).ToListAsync();
            Assert.Equal(applied.Count, applied.Distinct().Count());
            // One key ring, made by whichever started first: the other reads it.
            Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
            var periods = await db.EvaluationPeriods.Select(p => new { p.Year, p.Month }).ToListAsync();
            Assert.Equal(periods.Count, periods.Distinct().Count());
            foreach (var instance in instances)
            {
                using var client = instance.CreateClient();
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
            }
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
            instances.Clear();
            database.Drop();
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"submissionKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionKeyField();
}
