using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using TrainingLms.Benchmarks.Courses;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.Benchmarks.Pages;

/// <summary>
/// Every page of every role under load: for each role a typical person signs in, and each page their menu and home page
/// link to (<see cref="PageDiscovery"/>), and the detail pages the company lists (<see cref="IBenchCompany"/>), is
/// answered to <see cref="CourseLoadBenchmark.Concurrency"/> wrk connections for <see cref="MeasuredFor"/>, signed in
/// afresh for each, once every page has been warmed up. Beside them in the same run: bare Kestrel saying hello, a static file and <c>/healthz</c>. Per page:
/// req/s, p50, p99, the app's CPU, allocated bytes and SQL statements (<see cref="SqlStatementCounter"/>) per request.
/// Any answer but 200, before or under load, fails the run; a page that gives no answer at all under load in the window
/// (every request slower than it) is listed first in the report with its time alone. Run with <c>./lms bench pages</c> (<c>--large</c>: on <see cref="LargeCompany"/>).
/// </summary>
public static class PagesBenchmark
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MeasuredFor = TimeSpan.FromSeconds(3);

    internal sealed record PageResult(string Database, string Route, string Role, Wrk.Result Loaded, double CpuPerRequest, double KbPerRequest, double? SqlPerRequest, double AloneMs)
    {
        /// <summary>No answer at all under load within the measured window: every request took longer (a large company's slow page).</summary>
        public bool Unanswered => Loaded.Requests == 0;
    }

    /// <summary>What the app does with no requests at all (background services, timers), subtracted from each page's figures.</summary>
    private sealed record Idle(double CpuMsPerSecond, double BytesPerSecond);

    private sealed class PageFailedException(string message) : Exception(message);

    /// <param name="large">On <see cref="LargeCompany"/> rather than the demo company.</param>
    /// <param name="only">Only the pages whose path and query contain one of these (<c>--only /admin/people</c>, repeatable; <c>--only /</c> is the home page alone); every page when empty.</param>
    /// <param name="memoryOnly">Only the app's memory in a process of its own (<see cref="OwnProcessMemory"/>): the pages are
    /// discovered, not measured in the benchmark's process; a few minutes instead of the whole crawl's half hour.</param>
    public static Task<int> RunAsync(bool large, IReadOnlyList<string> only, bool memoryOnly = false) =>
        RunAsync(large ? new LargeCompany() : new DemoCompany(), only, memoryOnly);

    internal static async Task<int> RunAsync(IBenchCompany company, IReadOnlyList<string> only, bool memoryOnly = false)
    {
        var results = new List<PageResult>();
        var idles = new List<string>();
        var seeded = new List<string>();
        try
        {
            await using var hello = await HelloServer.StartAsync();
            foreach (var provider in BenchDatabase.Available)
            {
                using var database = BenchDatabase.Create(provider);
                results.AddRange(await CrawlAsync(database, company, only, memoryOnly, hello, idles, seeded));
            }
        }
        catch (PageFailedException failed)
        {
            await Console.Error.WriteLineAsync($"FAILED: {failed.Message}");
            return 1;
        }
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Pages: {(only.Count == 0 ? "every page" : "the pages matching " + string.Join(", ", only))} of every role on {company.Name}, {CourseLoadBenchmark.Concurrency} connections (wrk) for {MeasuredFor.TotalSeconds:0} s each after {WarmUp.TotalSeconds:0} s of warm-up, every page warmed up so before the first is measured, signed in afresh per page; app, wrk and the database on the same {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        foreach (var line in seeded) report.AppendLine(line);
        report.AppendLine(CultureInfo.InvariantCulture, $"CPU and KB are the whole app process's per request, less what it spends idle ({string.Join("; ", idles)}); hello runs in the same process. SQL = statements each request sent (its own, counted by an interceptor only the benchmark adds).");
        report.AppendLine();
        report.AppendLine("| db | route | role | req/s | p50 ms | p99 ms | CPU ms / request | KB allocated / request | SQL / request |");
        report.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results.Where(r => r.Unanswered))
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Database} | {r.Route} | {r.Role} | 0 | no answer within {MeasuredFor.TotalSeconds:0} s under load; alone {r.AloneMs:0} ms | | | | |");
        foreach (var r in results.Where(r => !r.Unanswered))
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Database} | {r.Route} | {r.Role} | {r.Loaded.RequestsPerSecond:0} | {r.Loaded.P50:0.0} | {r.Loaded.P99:0.0} | {r.CpuPerRequest:0.00} | {r.KbPerRequest:0} | {(r.SqlPerRequest is { } sql ? sql.ToString("0.0", CultureInfo.InvariantCulture) : "–")} |");
        // A crawl of some pages (--only) does not replace the report of every page.
        CourseLoadBenchmark.Write(report.ToString(), only.Count == 0 && !memoryOnly ? company.ReportFile : Path.ChangeExtension(company.ReportFile, memoryOnly ? ".memory.md" : ".only.md"));
        return 0;
    }

    private static async Task<List<PageResult>> CrawlAsync(BenchDatabase database, IBenchCompany company, IReadOnlyList<string> only, bool memoryOnly,
        HelloServer hello, List<string> idles, List<string> seeded)
    {
        var dataPath = Directory.CreateTempSubdirectory("traininglms-bench-").FullName;
        try
        {
            var counter = new SqlStatementCounter();
            var pages = new List<(BenchPerson, string)>();
            List<PageResult> results;
            await using (var app = LoadTestApp.Start(database, contentPath: null, company.Settings, services => services.AddSqlStatementCounter(counter), dataPath))
                results = await CrawlInProcessAsync(app, counter, database, company, only, memoryOnly, hello, idles, seeded, pages);
            seeded.Add(await OwnProcessMemory.MeasureAsync(database, company, dataPath, pages));
            return results;
        }
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private static async Task<List<PageResult>> CrawlInProcessAsync(LoadTestApp app, SqlStatementCounter counter, BenchDatabase database, IBenchCompany company, IReadOnlyList<string> only, bool memoryOnly, HelloServer hello,
        List<string> idles, List<string> seeded, List<(BenchPerson, string)> pages)
    {
        if (await company.SeedAsync(app.Services) is { } seed)
        {
            Console.WriteLine($"{database.Provider}: {seed}");
            seeded.Add($"{database.Provider}: {seed}");
        }
        pages.AddRange(await DiscoverPagesAsync(app, company, only));
        if (memoryOnly) return [];

        // The generator's garbage (and a previous database's app) is not the app's: collected and given back before
        // the crawl, so the resident figure is what the app holds while it serves.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var idle = await MeasureIdleAsync();
        using var rss = RssSampler.Start();
        idles.Add($"{database.Provider}: {idle.CpuMsPerSecond:0} ms CPU and {idle.BytesPerSecond / 1024:0} KB a second");
        var results = new List<PageResult>();
        async Task MeasureAsync(string baseUrl, string path, string role, string cookie, bool counted = true)
        {
            Console.WriteLine($"{database.Provider}: {role} {path} …");
            results.Add(await MeasurePageAsync(database.Provider.ToString(), baseUrl, path, role, cookie, counted ? counter : null, idle));
            rss.SampleProportional();
        }

        // Every page is loaded before any is measured. A server runs for hours; measured cold, a page paid for compiling
        // (and recompiling, tier by tier) the code every page after it shares, and each role's home page came first.
        Console.WriteLine($"{database.Provider}: warming up every page …");
        foreach (var (person, route) in pages)
            await Wrk.RunAsync(app.BaseUrl, [(route, await CourseLoadBenchmark.SignInAsync(app.BaseUrl, person.Identifier, company.Password))], CourseLoadBenchmark.Concurrency, WarmUp);

        await MeasureAsync(hello.BaseUrl, "/", "bare Kestrel: hello", "", counted: false);
        await MeasureAsync(app.BaseUrl, "/favicon.png", "static file", "");
        await MeasureAsync(app.BaseUrl, "/healthz", "health check", "");
        foreach (var (person, route) in pages)
        {
            // Signed in afresh for each page, as the courses load test does: a cookie the app renews is lost on wrk.
            await MeasureAsync(app.BaseUrl, route, person.Role, await CourseLoadBenchmark.SignInAsync(app.BaseUrl, person.Identifier, company.Password));
        }
        seeded.Add($"{database.Provider}: memory during the crawl (the app, hello and the benchmark share the process; the app's own figures follow): proportional set (PSS, each page once) at most {rss.PeakPssMb:0} MB, of it the mapped database file at most {rss.PeakDatabasePssMb:0} MB, code the JIT wrote at most {rss.PeakCodePssMb:0} MB, the assemblies and libraries mapped at most {rss.PeakFilePssMb:0} MB and the process's own (RssAnon) at most {rss.PeakAnonMb:0} MB, the managed heap at most {rss.PeakHeapMb:0} MB; resident set (VmRSS, a database page once for each connection that maps it) {rss.StartMb:0} MB at the start, at most {rss.PeakMb:0} MB.");
        return results;
    }

    /// <summary>
    /// Each role's pages (<paramref name="only"/> those matching), each fetched once as its person: any answer but 200
    /// fails the run, and a download is left out.
    /// </summary>
    private static async Task<List<(BenchPerson Person, string Route)>> DiscoverPagesAsync(LoadTestApp app, IBenchCompany company, IReadOnlyList<string> only)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        var pages = new List<(BenchPerson, string)>();
        foreach (var person in company.People)
        {
            var cookie = await CourseLoadBenchmark.SignInAsync(app.BaseUrl, person.Identifier, company.Password);
            var routes = (await PageDiscovery.DiscoverAsync(client, cookie, person.Role)).Concat(await company.DetailRoutesAsync(app.Services, person)).Distinct().ToList();
            Console.WriteLine($"{person.Role} ({person.Identifier}): {routes.Count} pages: {string.Join(' ', routes)}");
            foreach (var route in routes.Where(r => only.Count == 0 || only.Any(o => r == o || (o != "/" && r.Contains(o, StringComparison.Ordinal)))))
            {
                var (_, mediaType) = await GetPageAsync(client, route, cookie, person.Role);
                if (mediaType != "text/html")
                {
                    Console.WriteLine($"{person.Role} {route}: a download ({mediaType}), not a page; left out.");
                    continue;
                }
                pages.Add((person, route));
            }
        }
        return pages;
    }

    /// <summary>One warm-up, then the measured run; fails on any answer but 200.</summary>
    private static async Task<PageResult> MeasurePageAsync(string database, string baseUrl, string path, string role, string cookie, SqlStatementCounter? counter, Idle idle)
    {
        var alone = Stopwatch.StartNew();
        using (var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) })
            await GetPageAsync(client, path, cookie, role);
        var aloneMs = alone.Elapsed.TotalMilliseconds;
        (string, string)[] requests = [(path, cookie)];
        await Wrk.RunAsync(baseUrl, requests, CourseLoadBenchmark.Concurrency, WarmUp);
        counter?.Clear();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var (loaded, cpuPerRequest) = await CourseLoadBenchmark.LoadAsync(baseUrl, requests, MeasuredFor, AppCpu);
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        if (loaded.Errors > 0)
            throw new PageFailedException($"{role} {path}: {loaded.Errors} of {loaded.Requests} answers under load were not 200 (or failed).");
        if (loaded.Requests == 0)
        {
            Console.WriteLine($"{role} {path}: no answer within {MeasuredFor.TotalSeconds:0} s under load (alone {aloneMs:0} ms); reported, not measured.");
            return new PageResult(database, path, role, loaded, 0, 0, null, aloneMs);
        }
        var seconds = loaded.Requests / loaded.RequestsPerSecond;
        var counted = counter?.Requests.Where(r => r.PathAndQuery == path).ToList();
        return new PageResult(database, path, role, loaded,
            cpuPerRequest - idle.CpuMsPerSecond * seconds / loaded.Requests,
            (allocated - idle.BytesPerSecond * seconds) / loaded.Requests / 1024,
            counted is { Count: > 0 } ? counted.Average(r => r.Statements) : null, aloneMs);
    }

    /// <summary>GETs the page as the person, not following redirects; anything but 200 fails the run, naming the page, the role and the answer.</summary>
    internal static async Task<(string Body, string? MediaType)> GetPageAsync(HttpClient client, string path, string cookie, string role)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie.Length > 0) message.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(message);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new PageFailedException($"{role} {path}: {(int)response.StatusCode} {response.StatusCode}{(response.Headers.Location is { } to ? " to " + to : "")}.");
        return (await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// The app's CPU and allocation rate with no requests, once it has settled: just after start the runtime is still
    /// recompiling the hot start-up code in the background (some 700 ms of CPU a second here), which no page should be charged.
    /// Measured in 2 s windows until one costs under <see cref="SettledCpuMsPerSecond"/>, or for a minute at the most.
    /// </summary>
    private static async Task<Idle> MeasureIdleAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var clock = Stopwatch.StartNew();
            var cpu = AppCpu();
            var allocated = GC.GetTotalAllocatedBytes(precise: false);
            await Task.Delay(TimeSpan.FromSeconds(2)); // the window the idle rate is measured over, not a wait for a state
            var seconds = clock.Elapsed.TotalSeconds;
            var idle = new Idle((AppCpu() - cpu).TotalMilliseconds / seconds, (GC.GetTotalAllocatedBytes(precise: false) - allocated) / seconds);
            Console.WriteLine($"Idle: {idle.CpuMsPerSecond:0} ms CPU and {idle.BytesPerSecond / 1024:0} KB a second.");
            if (idle.CpuMsPerSecond < SettledCpuMsPerSecond || deadline.Elapsed > TimeSpan.FromMinutes(1)) return idle;
        }
    }

    private const double SettledCpuMsPerSecond = 50;

    private static TimeSpan AppCpu() => Process.GetCurrentProcess().TotalProcessorTime;
}
