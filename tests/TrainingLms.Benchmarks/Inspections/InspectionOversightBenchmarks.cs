using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Benchmarks.Courses;
using TrainingLms.Benchmarks.Pages;
using TrainingLms.Data;
using TrainingLms.Domain;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Performance;
using TrainingLms.Web.Features.Inspections;
using TrainingLms.Web.Features.Inspections.Oversight;

namespace TrainingLms.Benchmarks.Inspections;

/// <summary>
/// The inspection oversight report (its figures, most-failed items, rectifications and the weekly trend in one call) on
/// the large company with a year of inspections (<see cref="LargeCompanyGenerator"/>, <c>inspections: true</c>: some
/// 50,000 inspections, 450,000 ticked items), on SQLite and, with <c>./lms bench … --postgres</c>, on PostgreSQL
/// generated from the same seed. Target: p95 under 100 ms. One call per iteration, so P95 is that of single calls.
/// Every case but the first view runs after warm-up calls of its own, as a page viewed again does.
/// </summary>
[Config(typeof(SingleCallConfig))]
public class InspectionOversightBenchmarks
{
    private sealed record Company(LoadTestApp App, InspectionViewer Administrator, InspectionViewer Manager, InspectionViewer ClassLeader, DateOnly Today);

    private static readonly Dictionary<DatabaseProvider, Company> Companies = [];
    private Company company = default!;

    public static IEnumerable<DatabaseProvider> Databases => BenchDatabase.Available;

    [ParamsSource(nameof(Databases))]
    public DatabaseProvider Database { get; set; }

    [GlobalSetup]
    public void SetUp() => company = Start(Database);

    /// <summary>Each database generates the company from the same seed, once for every case; removed when the process ends.</summary>
    private static Company Start(DatabaseProvider database)
    {
        if (Companies.TryGetValue(database, out var known)) return known;
        var app = LoadTestApp.Start(BenchDatabase.Create(database), contentPath: null, new DemoCompany().Settings);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        var timing = LargeCompanyGenerator.GenerateAsync(app.Services, inspections: true).GetAwaiter().GetResult();
        var company = ViewersAsync(app).GetAwaiter().GetResult();
        Console.WriteLine($"// {database}: generated in {timing}.");
        Companies[database] = company;
        return company;
    }

    /// <summary>The demo's administrator; the manager of the generated site with the most inspections; the class leader of the most inspected post.</summary>
    private static async Task<Company> ViewersAsync(LoadTestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LmsDbContext>();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        var admin = await db.Users.Where(p => p.UserName == "A0001").Select(p => p.Id).SingleAsync();
        var managerRole = await db.Roles.Where(r => r.Name == Roles.Manager).Select(r => r.Id).SingleAsync();
        var manager = await db.Users.Where(p => p.UserName!.StartsWith("G") && db.UserRoles.Any(r => r.UserId == p.Id && r.RoleId == managerRole))
            .OrderByDescending(p => db.Inspections.Count(i => i.SiteId == p.SiteId)).Select(p => p.Id).FirstAsync();
        var team = await db.Inspections.GroupBy(i => i.TeamId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var leader = await db.Teams.Where(t => t.Id == team).Select(t => t.ClassLeaderId!).SingleAsync();
        var today = SiteTime.Today(DateTime.UtcNow, SiteTime.DefaultTimeZoneId);
        return new Company(app, new InspectionViewer(admin, SeesAll: true, IsManager: false, IsClassLeader: false),
            new InspectionViewer(manager, SeesAll: false, IsManager: true, IsClassLeader: false),
            new InspectionViewer(leader, SeesAll: false, IsManager: false, IsClassLeader: true), today);
    }

    private OversightFilter LastMonth
    {
        get
        {
            var first = new DateOnly(company.Today.Year, company.Today.Month, 1).AddMonths(-1);
            return new OversightFilter(null, null, null, first, first.AddMonths(1).AddDays(-1));
        }
    }

    [Benchmark(Description = "Administrator, last month (every post)")]
    public Task<OversightReport> AdministratorMonth() => ReportAsync(company.Administrator, LastMonth);

    [Benchmark(Description = "Manager of one site, last month")]
    public Task<OversightReport> ManagerMonth() => ReportAsync(company.Manager, LastMonth);

    [Benchmark(Description = "Class leader, their post, last month")]
    public Task<OversightReport> ClassLeaderMonth() => ReportAsync(company.ClassLeader, LastMonth);

    [Benchmark(Description = "Administrator, 12 weeks (the weekly trend chart)")]
    public Task<OversightReport> AdministratorTwelveWeeks() =>
        ReportAsync(company.Administrator, new OversightFilter(null, null, null, company.Today.AddDays(-83), company.Today));

    [Benchmark(Description = "Administrator, the whole year (every post)")]
    public Task<OversightReport> AdministratorYear() =>
        ReportAsync(company.Administrator, new OversightFilter(null, null, null, company.Today.AddDays(-InspectionOversight.MaxDays + 1), company.Today));

    /// <summary>
    /// The same as the first view after a start: nothing of the posts' weeks read before (<see cref="OversightCounts"/>).
    /// The cases above show the views after it, where only the weeks whose inspections changed are read again.
    /// </summary>
    [Benchmark(Description = "Administrator, the whole year, first view after a start")]
    public Task<OversightReport> AdministratorYearFirstView() =>
        ReportAsync(company.Administrator, new OversightFilter(null, null, null, company.Today.AddDays(-InspectionOversight.MaxDays + 1), company.Today), new OversightCounts());

    private async Task<OversightReport> ReportAsync(InspectionViewer viewer, OversightFilter filter, OversightCounts? counts = null)
    {
        using var scope = company.App.Services.CreateScope();
        var services = scope.ServiceProvider;
        var oversight = counts is null ? services.GetRequiredService<InspectionOversight>()
            : ActivatorUtilities.CreateInstance<InspectionOversight>(services, counts);
        return await oversight.ReportAsync(viewer, filter);
    }
}
