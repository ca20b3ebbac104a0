using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TrainingLms.Benchmarks.Courses;

/// <summary>
/// The real app in Production mode on its own data folder (or the caller's, which it leaves behind) and the load
/// test's content folder (the repository's own when none is given), on a Kestrel port.
/// </summary>
internal sealed class LoadTestApp(string? contentPath, BenchDatabase database, IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? testServices = null, string? callersDataPath = null)
    : WebApplicationFactory<global::Program>
{
    private readonly string dataPath = callersDataPath ?? Path.Combine(Path.GetTempPath(), "traininglms-bench", Guid.NewGuid().ToString("N"));

    public string BaseUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>
    /// Starts the app, which publishes the courses at start-up as in production, and seeds the load test's learners.
    /// </summary>
    /// <param name="settings">More of the app's settings, e.g. where the record chain's key goes when other instances will share it.</param>
    public static async Task<LoadTestApp> StartSeededAsync(BenchDatabase database, string contentPath, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = Start(database, contentPath, settings ?? new Dictionary<string, string>());
        try
        {
            Console.WriteLine($"Seeding {CourseLoadBenchmark.Learners} learners …");
            var clock = Stopwatch.StartNew();
            await LearnerSeeder.SeedAsync(app.Services, CourseLoadBenchmark.Learners, CourseLoadBenchmark.Courses, CourseLoadBenchmark.LessonsPerCourse, CourseLoadBenchmark.Password);
            Console.WriteLine($"Seeded in {clock.Elapsed.TotalSeconds:0.0} s.");
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <param name="testServices">Services added after the app's own, e.g. a counter of SQL statements.</param>
    /// <param name="dataPath">A data folder of the caller's, kept when the app is disposed (another app may start on it).</param>
    public static LoadTestApp Start(BenchDatabase database, string? contentPath, IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? testServices = null, string? dataPath = null)
    {
        var app = new LoadTestApp(contentPath, database, settings, testServices, dataPath);
        try
        {
            var clock = Stopwatch.StartNew();
            app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            app.StartServer();
            Console.WriteLine($"{database.Provider}: app started and content synced in {clock.Elapsed.TotalSeconds:0.0} s.");
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSolutionRelativeContentRoot(Path.Combine("src", "TrainingLms.Web"));
        builder.UseSetting("Storage:DataPath", dataPath);
        if (contentPath is not null) builder.UseSetting("Content:Path", contentPath);
        builder.UseSetting("Demo:Enabled", "false");
        foreach (var (key, value) in database.Settings.Concat(settings)) builder.UseSetting(key, value);
        if (testServices is not null) builder.ConfigureTestServices(testServices);
        builder.ConfigureLogging(logging => logging.AddFilter((_, level) => level >= LogLevel.Warning));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (callersDataPath is not null) return;
        try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
    }
}
