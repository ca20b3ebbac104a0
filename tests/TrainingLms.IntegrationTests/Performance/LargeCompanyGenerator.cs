using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain;
using TrainingLms.Web.Features.Courses.Caching;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.IntegrationTests.Performance;

/// <summary>
/// Makes the demo company large, through the app's own services and rules, on SQLite or PostgreSQL: 60 more sites (in
/// several time zones) and 500 teams with shifts, 5,000 people (employee numbers G00001…: 10 trainers, a manager per
/// new site, a class leader per team), 200 courses stored as the content sync stores them with assignments by the
/// real audience rules and a realistic share of completions, a year of reviews for every team, drill sessions with
/// attempts sealed and chained by the sign-off's code, three past months of evaluations with published rankings, and
/// clip rows without files, and on request a year of on-site inspections. The demo's sign-ins (A0001, T0001, M0001, C0001, E0001) stay the typical person of their
/// role. Needs an app started with <c>Demo:Enabled</c> (and <c>Demo:Clips=false</c> is enough).
/// <para>Deterministic: the same seed on the same day writes the same rows (times are anchored to today, not to the
/// clock's instant; only what the app stamps itself, such as a record chain link's time, differs). Rows in bulk go
/// through <see cref="BulkRows"/>, which stores them as a save would; rows the app's rules must see saved (drill
/// sign-offs, clips, evaluation periods) go through EF with the app's interceptors.</para>
/// <para>The generated courses have no folder in content/: the content sync at the app's next start switches them off,
/// as it would a deleted folder. Generate into the app that is then measured.</para>
/// </summary>
public static class LargeCompanyGenerator
{
    public const int DefaultSeed = 20_261_224;
    public const int Sites = 60, Teams = 500, People = 5_000, Courses = 200, ReviewDays = 365, Trainers = 10, EvaluationMonths = 3;

    /// <summary>About as many inspections in the year, spread over the posts that have a form (<c>inspections: true</c> only).</summary>
    public const int Inspections = 50_000;

    /// <summary>The generated people's employee numbers: G00001 to G05000, clear of the demo's A/T/M/C/E/JM numbers.</summary>
    public static string Number(int index) => $"G{index + 1:00000}";

    /// <summary>Generates the company into the app whose services these are; says how long it took, step by step.</summary>
    /// <param name="inspections">
    /// Also a year of on-site inspections and their rectifications (<see cref="Inspections"/>): off by default, since
    /// only the inspection oversight benchmark and its own test read them and they cost the test run's every generation.
    /// </param>
    public static async Task<LargeCompanyTiming> GenerateAsync(
        IServiceProvider services, int seed = DefaultSeed, bool inspections = false, CancellationToken cancellationToken = default)
    {
        var steps = new List<(string, TimeSpan)>();
        var clock = Stopwatch.StartNew();
        async Task Step(string name, Func<CancellationToken, Task> step)
        {
            var started = clock.Elapsed;
            await step(cancellationToken);
            steps.Add((name, clock.Elapsed - started));
        }
        await using var scope = services.CreateAsyncScope();
        var build = await LargeCompanyBuild.StartAsync(scope.ServiceProvider, new Random(seed), cancellationToken);
        await Step("organisation", build.OrganisationAsync);
        await Step("learning", build.LearningAsync);
        await Step("reviews", build.ReviewsAsync);
        await Step("drills", build.DrillsAsync);
        await Step("certificates", build.CertificatesAsync);
        await Step("clips", build.ClipsAsync);
        await Step("evaluations", build.EvaluationsAsync);
        // Last, so that the rest of the company is the same row for row with or without them.
        if (inspections) await Step("inspections", build.InspectionsAsync);
        await Step("caches", build.TellCachesAsync);
        // What the app's hourly refresh would do after a load this size (DatabaseStatistics): the pages are measured on
        // a company whose planner statistics are up to date, as they are an hour after any import.
        await Step("statistics", token => services.GetRequiredService<DatabaseStatistics>().RefreshAsync(afterBulkLoad: true, token));
        return new LargeCompanyTiming(clock.Elapsed, steps);
    }
}

public sealed record LargeCompanyTiming(TimeSpan Elapsed, IReadOnlyList<(string Step, TimeSpan Took)> Steps)
{
    public override string ToString() =>
        $"{Elapsed.TotalSeconds:0.0} s ({string.Join(", ", Steps.Select(s => $"{s.Step} {s.Took.TotalSeconds:0.0} s"))})";
}

/// <summary>One generation's state: what each step made that the next ones need.</summary>
internal sealed partial class LargeCompanyBuild
{
    private readonly IServiceProvider services;
    private readonly IDbContextFactory<LmsDbContext> dbFactory;
    private readonly Random random;

    private LargeCompanyBuild(IServiceProvider services, Random random, DateOnly today)
    {
        this.services = services;
        dbFactory = services.GetRequiredService<IDbContextFactory<LmsDbContext>>();
        this.random = random;
        Today = today;
    }

    /// <summary>Today in the company's zone: every generated time is a time of some day before it.</summary>
    private DateOnly Today { get; }

    public static async Task<LargeCompanyBuild> StartAsync(IServiceProvider services, Random random, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<LmsDbContext>>().CreateDbContextAsync(cancellationToken);
        if (!await db.Users.AnyAsync(p => p.UserName == "T0001", cancellationToken))
            throw new InvalidOperationException("The large company is generated on top of the demo company: start the app with Demo:Enabled.");
        if (await db.Users.AnyAsync(p => p.UserName == LargeCompanyGenerator.Number(0), cancellationToken))
            throw new InvalidOperationException("The large company is generated already.");
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        return new LargeCompanyBuild(services, random, SiteTime.Today(now, SiteTime.DefaultTimeZoneId));
    }

    /// <summary>A UTC time on a local day at a site: what a person there did at that hour.</summary>
    private static DateTime At(DateOnly day, int hour, int minute, string timeZoneId) => SiteTime.ToUtc(day.ToDateTime(new TimeOnly(hour, minute)), timeZoneId);

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)(bytes[7] & 0x0F | 0x40); // version 4, as a real one would be
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80);
        return new Guid(bytes);
    }

    private T Pick<T>(IReadOnlyList<T> from) => from[random.Next(from.Count)];

    /// <summary>Writes rows past the change tracker (<see cref="BulkRows"/>), a transaction per chunk as the people import does.</summary>
    private async Task InsertAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken) where T : class
    {
        foreach (var chunk in rows.Chunk(50_000))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await BulkRows.InsertAsync(db, chunk, cancellationToken);
        }
    }

    /// <summary>
    /// Bulk rows passed the caches' interceptor: every learner's record and the live courses are told once, as code
    /// that writes past the change tracker must (on PostgreSQL through the change log, for every instance).
    /// </summary>
    public async Task TellCachesAsync(CancellationToken cancellationToken)
    {
        var log = services.GetRequiredService<CacheChangeLog>();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await log.WriteAsync(db, CacheChangeKind.Everyone, cancellationToken);
            await log.WriteAsync(db, CacheChangeKind.Courses, cancellationToken);
        }
        var changes = services.GetRequiredService<LearningChanges>();
        changes.EveryoneChanged();
        changes.CoursesChanged();
    }
}
