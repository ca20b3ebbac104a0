using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TrainingLms.Benchmarks.Courses;

/// <summary>
/// The lesson page and My learning under 32 concurrent signed-in learners, over real HTTP on a real Kestrel
/// port, with 200 courses × 20 lessons and 5,000 learners; <c>/healthz</c> and a static file are measured in
/// the same run as floors. A load test rather than a BenchmarkDotNet job: what matters is latency under concurrency.
/// Run with <c>./lms bench courses-load</c>. Goal: p99 under 50 ms.
/// </summary>
public static partial class CourseLoadBenchmark
{
    private const int Courses = 200;
    private const int LessonsPerCourse = 20;
    private const int Learners = 5_000;
    private const int Concurrency = 32;
    private const int RequestsPerTarget = 4_000;
    private const string Password = "smile2026";

    /// <param name="targets">Which of static, healthz, learning and lesson to measure; all four when empty.</param>
    public static async Task<int> RunAsync(IReadOnlyCollection<string> targets)
    {
        bool Wanted(string target) => targets.Count == 0 || targets.Contains(target);
        Console.WriteLine($"Writing {Courses} courses × {LessonsPerCourse} lessons …");
        var content = CourseContentFolder.Create(Courses, LessonsPerCourse);
        await using var app = new LoadTestApp(content);
        try
        {
            var clock = Stopwatch.StartNew();
            app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            app.StartServer(); // publishes the courses at start-up, as in production
            Console.WriteLine($"App started and content synced in {clock.Elapsed.TotalSeconds:0.0} s; seeding {Learners} learners …");
            clock.Restart();
            await LearnerSeeder.SeedAsync(app.Services, Learners, Courses, LessonsPerCourse, Password);
            Console.WriteLine($"Seeded in {clock.Elapsed.TotalSeconds:0.0} s.");
            var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

            var learners = Enumerable.Range(0, Concurrency).Select(i => i * (Learners / Concurrency)).ToList();
            var clients = await Task.WhenAll(learners.Select(learner => SignedInClientAsync(baseUrl, learner)));
            var random = new Random(42);
            string LessonUrl(int worker)
            {
                var courses = LearnerSeeder.CoursesOf(learners[worker], Courses).ToList();
                var course = courses[random.Next(courses.Count)];
                return $"/learning/{CourseContentFolder.CourseSlug(course)}/{CourseContentFolder.LessonKey(random.Next(LessonsPerCourse))}";
            }

            var results = new List<LoadResult>();
            if (Wanted("static")) results.Add(await MeasureAsync("a static file (/favicon.png)", clients, _ => "/favicon.png"));
            if (Wanted("healthz")) results.Add(await MeasureAsync("/healthz", clients, _ => "/healthz"));
            if (Wanted("learning")) results.Add(await MeasureAsync("My learning (/learning)", clients, _ => "/learning"));
            if (Wanted("lesson")) results.Add(await MeasureAsync("Lesson page (/learning/{course}/{lesson})", clients, LessonUrl));
            Report(results);
            return results.All(r => r.Errors == 0) ? 0 : 1;
        }
        finally
        {
            try { Directory.Delete(content, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<HttpClient> SignedInClientAsync(string baseUrl, int learner)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 1 })
        {
            BaseAddress = new Uri(baseUrl),
        };
        var page = await client.GetStringAsync("/account/signin");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "signin",
            ["Input.Identifier"] = LearnerSeeder.Number(learner),
            ["Input.Password"] = Password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("signin") == true)
            throw new InvalidOperationException($"Learner {learner} could not sign in: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    private sealed record LoadResult(string Target, int Requests, int Errors, double RequestsPerSecond, double P50, double P95, double P99, double Max, double AloneP50);

    /// <summary>
    /// Warms up; times one client alone (the service time, without queueing); then has every client send
    /// requests back to back until <see cref="RequestsPerTarget"/> are done.
    /// </summary>
    private static async Task<LoadResult> MeasureAsync(string target, HttpClient[] clients, Func<int, string> url)
    {
        await RunAsync(clients, url, requests: Concurrency * 10);
        var (alone, _, _) = await RunAsync(clients[..1], url, requests: 300);
        var (latencies, errors, elapsed) = await RunAsync(clients, url, RequestsPerTarget);
        return new LoadResult(target, latencies.Count, errors, latencies.Count / elapsed.TotalSeconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), latencies.Max(), Percentile(alone, 0.50));
    }

    private static double Percentile(List<double> latencies, double share)
    {
        latencies.Sort();
        return latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(share * latencies.Count) - 1)];
    }

    private static async Task<(List<double> Latencies, int Errors, TimeSpan Elapsed)> RunAsync(HttpClient[] clients, Func<int, string> url, int requests)
    {
        var latencies = new List<double>(requests);
        var errors = 0;
        var remaining = requests;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select((client, worker) => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                string path;
                lock (latencies) path = url(worker);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path);
                await response.Content.LoadIntoBufferAsync();
                var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(milliseconds);
                    if (response.StatusCode != HttpStatusCode.OK) errors++;
                }
            }
        })));
        return (latencies, errors, total.Elapsed);
    }

    private static void Report(List<LoadResult> results)
    {
        var table = new StringBuilder();
        table.AppendLine($"Courses load: {Courses} courses × {LessonsPerCourse} lessons, {Learners:N0} learners, {Concurrency} concurrent clients, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        table.AppendLine();
        table.AppendLine("| target | one client alone: p50 ms | 32 clients: requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            table.AppendLine($"| {r.Target} | {r.AloneP50:0.0} | {r.Requests} | {r.Errors} | {r.RequestsPerSecond:0} | {r.P50:0.0} | {r.P95:0.0} | {r.P99:0.0} | {r.Max:0.0} |");
        Console.WriteLine();
        Console.WriteLine(table);
        var folder = Path.Combine("BenchmarkDotNet.Artifacts", "results");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "courses-load.md"), table.ToString());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>The real app in Production mode on its own data and content folders.</summary>
    private sealed class LoadTestApp(string contentPath) : WebApplicationFactory<global::Program>
    {
        private readonly string dataPath = Path.Combine(Path.GetTempPath(), "traininglms-bench", Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSolutionRelativeContentRoot(Path.Combine("src", "TrainingLms.Web"));
            builder.UseSetting("Storage:DataPath", dataPath);
            builder.UseSetting("Content:Path", contentPath);
            builder.UseSetting("Demo:Enabled", "false");
            builder.ConfigureLogging(logging => logging.AddFilter((_, level) => level >= LogLevel.Warning));
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
        }
    }
}
