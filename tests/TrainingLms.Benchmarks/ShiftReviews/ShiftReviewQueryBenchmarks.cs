using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Web.Features.ShiftReviews;

namespace TrainingLms.Benchmarks.ShiftReviews;

/// <summary>
/// The oversight reads on one year of reviews for 500 teams (~180,000 reviews, ~1.5 million notes) on a real SQLite
/// file and, when <c>./lms bench … --postgres</c> gives a server, on PostgreSQL with the same data, through the app's
/// own services. Target: p95 under 100 ms. Each iteration is one call, so the P95 column is
/// the 95th percentile of single calls. In-process, so the database is written once for all the benchmarks.
/// </summary>
[Config(typeof(SingleCallConfig))]
public class ShiftReviewQueryBenchmarks
{
    private static readonly Dictionary<DatabaseProvider, (LmsHost Host, ShiftReviewYear.Seeded Seeded)> Companies = [];
    private LmsHost host = default!;
    private ShiftReviewYear.Seeded seeded = default!;
    private ReviewViewer administrator = default!;
    private ReviewViewer manager = default!;

    public static IEnumerable<DatabaseProvider> Databases => BenchDatabase.Available;

    [ParamsSource(nameof(Databases))]
    public DatabaseProvider Database { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        (host, seeded) = Company(Database);
        administrator = new ReviewViewer(host.AdministratorId, IsAdmin: true, IsManager: false);
        manager = new ReviewViewer(seeded.ManagerId, IsAdmin: false, IsManager: true);
    }

    /// <summary>The year is written once, on SQLite; PostgreSQL gets a copy of it, so both answer over the same rows.</summary>
    private static (LmsHost Host, ShiftReviewYear.Seeded Seeded) Company(DatabaseProvider database)
    {
        if (Companies.TryGetValue(database, out var company)) return company;
        if (database == DatabaseProvider.Sqlite)
        {
            var started = LmsHost.StartAsync([]).GetAwaiter().GetResult();
            company = (started, ShiftReviewYear.SeedAsync(started).GetAwaiter().GetResult());
            Console.WriteLine($"// Seeded {company.Seeded.Reviews:N0} reviews and {company.Seeded.Notes:N0} notes.");
        }
        else
        {
            var sqlite = Company(DatabaseProvider.Sqlite);
            company = (LmsHost.StartCopyOnPostgreSqlAsync(sqlite.Host).GetAwaiter().GetResult(), sqlite.Seeded);
            Console.WriteLine($"// Copied to {database}.");
        }
        Companies[database] = company;
        // One database per provider for every case; removed when the benchmark process ends.
        var host = company.Host;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return company;
    }

    [Benchmark(Description = "Grid, administrator, first page (50 teams × 7 days)")]
    public Task<ReviewGrid> GridAdministrator() => Use<ReviewOversight, ReviewGrid>(o => o.GridAsync(administrator, null, null, 1));

    [Benchmark(Description = "Grid, administrator, a page deep in the list, 4 weeks back")]
    public Task<ReviewGrid> GridAdministratorLaterPage() => Use<ReviewOversight, ReviewGrid>(o => o.GridAsync(administrator, null, seeded.Today.AddDays(-28), 7));

    [Benchmark(Description = "Grid, manager of one site (10 teams)")]
    public Task<ReviewGrid> GridManager() => Use<ReviewOversight, ReviewGrid>(o => o.GridAsync(manager, null, null, 1));

    [Benchmark(Description = "Missing yesterday, all 500 teams (administrator's home page)")]
    public Task<IReadOnlyList<MissingReview>> MissingYesterday() => Use<ReviewOversight, IReadOnlyList<MissingReview>>(o => o.MissingYesterdayAsync(administrator));

    [Benchmark(Description = "Trends of one team, 4 and 12 weeks")]
    public Task<(FilingStatus, TeamTrend?)> TeamTrends() => Use<ReviewTrends, (FilingStatus, TeamTrend?)>(t => t.ForTeamAsync(administrator, seeded.SomeTeamId));

    private async Task<TResult> Use<TService, TResult>(Func<TService, Task<TResult>> call) where TService : notnull
    {
        using var scope = host.Services.CreateScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
