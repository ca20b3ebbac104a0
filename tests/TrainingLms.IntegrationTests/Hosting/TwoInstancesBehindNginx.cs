using System.Globalization;
using System.Net;
using TrainingLms.IntegrationTests.Clips;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.IntegrationTests.ShiftReviews;
using TrainingLms.Web.Infrastructure.Hosting;

namespace TrainingLms.IntegrationTests.Hosting;

/// <summary>
/// Instances "a" and "b" as real processes on one PostgreSQL database, each with a data folder of its own (as on two
/// machines) and the clips folder shared, and nginx over TLS in front of both with deploy/nginx-upstream.conf.
/// The in-process <see cref="Factory"/> owns the database and sets up the company the way a test needs it.
/// </summary>
public sealed class TwoInstancesBehindNginx : IAsyncLifetime
{
    public const int VerifyPerMinute = 4;

    private readonly string root = Directory.CreateTempSubdirectory("traininglms-instances-").FullName;
    private readonly List<AppProcess> instances = [];
    private Nginx? nginx;
    private TestCertificate certificate = default!;

    public ShiftReviewsFactory Factory { get; } = new WebOnlyFactory();

    /// <summary>The folder every instance keeps its clips in (<c>Storage:ClipsPath</c>), as an NFS mount would be.</summary>
    public string ClipsPath => Path.Combine(Factory.DataPath, "clips");

    public IReadOnlyList<AppProcess> Instances => instances;

    public async ValueTask InitializeAsync()
    {
        Assert.True(TestDatabase.IsPostgreSql, "PostgreSQL only: run with LMS_TEST_DATABASE=PostgreSQL (./lms test does).");
        await Factory.CreateSiteAsync("S0"); // the in-process app migrates the database and syncs content/ first
        Directory.CreateDirectory(ClipsPath);
        foreach (var name in new[] { "a", "b" })
        {
            var settings = TranscodeWorkersTests.Settings(ClipsPath,
                ("Hosting:InstanceName", name),
                ("Storage:DataPath", Directory.CreateDirectory(Path.Combine(root, "data-" + name)).FullName),
                // Only the record chain's secret is shared (its file is the operator's to copy); sign-in keys and
                // counters come from the database.
                ("RecordChain:KeyPath", Path.Combine(Factory.DataPath, "record-chain.key")),
                ("Certificates:VerifyRequestsPerMinute", VerifyPerMinute.ToString(CultureInfo.InvariantCulture)),
                // The README's nginx block sends the clip files itself once the app has said yes.
                ("Clips:AccelRedirectLocation", Nginx.ClipsLocation));
            instances.Add(await AppProcess.StartAsync(Factory.Database, settings));
        }
        certificate = TestCertificate.Create(root);
        nginx = await Nginx.StartAsync(root, instances[0].BaseUrl, ClipsPath, certificate: certificate, instanceUrls: [.. instances.Select(i => i.BaseUrl)]);
    }

    public async ValueTask DisposeAsync()
    {
        if (nginx is not null) await nginx.DisposeAsync();
        foreach (var instance in instances) await instance.DisposeAsync();
        await Factory.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    /// <summary>A phone behind nginx; <paramref name="source"/> is the client address nginx passes on.</summary>
    public HttpClient Phone(string source) => certificate.Client(nginx!.ProxyUrl, IPAddress.Parse(source));

    /// <summary>The instance that answered, as its X-Instance header says.</summary>
    public static string Instance(HttpResponseMessage response) =>
        response.Headers.TryGetValues(InstanceOptions.Header, out var values) ? values.Single() : "(none)";

    public AppProcess Named(string name) => instances[name == "a" ? 0 : 1];

    /// <summary>Serves pages only: the instances' own workers are the ones whose share of the queue is counted.</summary>
    private sealed class WebOnlyFactory : ShiftReviewsFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Hosting:Role"] = "Web" };
    }
}
