using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace TrainingLms.Benchmarks.Courses;

/// <summary>
/// The lesson page and My learning under 32 concurrent signed-in learners, over real HTTP on a real Kestrel
/// port, with 200 courses × 20 lessons and 5,000 learners; <c>/healthz</c>, a static file and a page with the
/// layout but no data are measured in the same run as floors. A load test rather than a BenchmarkDotNet job: what
/// matters is latency under concurrency. The requests come from <see cref="Wrk"/>.
/// Run with <c>./lms bench courses-load</c>. Goal: p99 under 50 ms.
/// </summary>
public static partial class CourseLoadBenchmark
{
    internal const int Courses = 200;
    internal const int LessonsPerCourse = 20;
    internal const int Learners = 5_000;
    internal const int Concurrency = 32;
    private const int LessonRequests = 2_000;
    private static readonly TimeSpan MeasuredFor = TimeSpan.FromSeconds(10);
    internal const string Password = "smile2026";

    /// <summary>The learners who sign in, one per connection, spread over the company.</summary>
    internal static IReadOnlyList<int> SignedInLearners { get; } = [.. Enumerable.Range(0, Concurrency).Select(i => i * (Learners / Concurrency))];

    /// <param name="targets">Which of static, healthz, layout, learning and lesson to measure, and any paths (starting with /); those five when none is named.</param>
    public static async Task<int> RunAsync(IReadOnlyCollection<string> targets)
    {
        Console.WriteLine($"Writing {Courses} courses × {LessonsPerCourse} lessons …");
        var content = CourseContentFolder.Create(Courses, LessonsPerCourse);
        try
        {
            var results = new List<LoadResult>();
            // The same company on each database in turn, so that the figures stand side by side from one run.
            foreach (var provider in BenchDatabase.Available)
            {
                using var database = BenchDatabase.Create(provider);
                results.AddRange(await MeasureOnAsync(database, content, targets));
            }
            Report($"Courses load: {Courses} courses × {LessonsPerCourse} lessons, {Learners:N0} learners, {Concurrency} concurrent connections (wrk), {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC",
                results, "courses-load.md");
            return results.All(r => r.Loaded.Errors == 0) ? 0 : 1;
        }
        finally
        {
            try { Directory.Delete(content, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<List<LoadResult>> MeasureOnAsync(BenchDatabase database, string content, IReadOnlyCollection<string> targets)
    {
        bool Wanted(string target) => targets.All(t => t.StartsWith('/')) || targets.Contains(target);
        await using var app = await LoadTestApp.StartSeededAsync(database, content);
        var baseUrl = app.BaseUrl;
        var learners = SignedInLearners;
        var lessons = LessonPaths();

        var results = new List<LoadResult>();
        async Task MeasureAsync(string target, Func<string[], IEnumerable<(string, string)>> requests)
        {
            // Signed in afresh for each target: once the session recheck interval (a minute) has passed the app
            // checks the sign-in against the database and renews the cookie; a browser keeps the renewed cookie,
            // wrk does not, and every later request would be checked again.
            var cookies = await Task.WhenAll(learners.Select(learner => SignInAsync(baseUrl, learner)));
            results.Add(await MeasureTargetAsync($"{database.Provider}: {target}", baseUrl, requests(cookies), () => Process.GetCurrentProcess().TotalProcessorTime));
        }
        Func<string[], IEnumerable<(string, string)>> EveryLearner(string path) => cookies => cookies.Select(cookie => (path, cookie));

        if (Wanted("static")) await MeasureAsync("a static file (/favicon.png)", EveryLearner("/favicon.png"));
        if (Wanted("healthz")) await MeasureAsync("/healthz", EveryLearner("/healthz"));
        if (Wanted("layout")) await MeasureAsync("a page with the layout, no data (/account/denied)", EveryLearner("/account/denied"));
        if (Wanted("learning"))
        {
            await CheckMyLearningAsync(baseUrl, await SignInAsync(baseUrl, learners[0]));
            await MeasureAsync("My learning (/learning)", EveryLearner("/learning"));
        }
        if (Wanted("lesson")) await MeasureAsync("Lesson page (/learning/{course}/{lesson})", cookies => LessonRequestsOf(lessons, cookies));
        foreach (var path in targets.Where(t => t.StartsWith('/')))
            await MeasureAsync(path, EveryLearner(path));
        return results;
    }

    /// <summary>
    /// The lesson target's <see cref="LessonRequests"/> paths: random lessons of the courses of each connection's learner
    /// (<see cref="SignedInLearners"/>), the same list on every run.
    /// </summary>
    internal static IReadOnlyList<(int Worker, string Path)> LessonPaths()
    {
        var random = new Random(42);
        return [.. Enumerable.Range(0, LessonRequests).Select(i =>
        {
            var worker = i % Concurrency;
            var courses = LearnerSeeder.CoursesOf(SignedInLearners[worker], Courses).ToList();
            var course = courses[random.Next(courses.Count)];
            return (Worker: worker, Path: $"/learning/{CourseContentFolder.CourseSlug(course)}/{CourseContentFolder.LessonKey(random.Next(LessonsPerCourse))}");
        })];
    }

    /// <summary>Each lesson path with the cookie of its connection's learner (<paramref name="cookies"/> in the order of <see cref="SignedInLearners"/>).</summary>
    internal static IEnumerable<(string Path, string Cookie)> LessonRequestsOf(IEnumerable<(int Worker, string Path)> lessons, string[] cookies) =>
        lessons.Select(l => (l.Path, cookies[l.Worker]));

    /// <summary>Signs the learner in through the real form and returns the Cookie header their browser would send.</summary>
    internal static Task<string> SignInAsync(string baseUrl, int learner) => SignInAsync(baseUrl, LearnerSeeder.Number(learner), Password);

    /// <summary>Signs a person in through the real form and returns the Cookie header their browser would send.</summary>
    internal static async Task<string> SignInAsync(string baseUrl, string identifier, string password)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var page = await client.GetStringAsync("/account/signin");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "signin",
            ["Input.Identifier"] = identifier,
            ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("signin") == true)
            throw new InvalidOperationException($"{identifier} could not sign in: {(int)response.StatusCode} {response.Headers.Location}");
        return cookies.GetCookieHeader(client.BaseAddress);
    }

    /// <summary>The page measured is the learner's real one: a card for each of their courses.</summary>
    private static async Task CheckMyLearningAsync(string baseUrl, string cookie)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        using var message = new HttpRequestMessage(HttpMethod.Get, "/learning") { Headers = { { "Cookie", cookie } } };
        using var response = await client.SendAsync(message);
        var cards = Regex.Count(await response.Content.ReadAsStringAsync(), "class=\"panel course-card");
        if (cards != LearnerSeeder.CoursesPerLearner)
            throw new InvalidOperationException($"My learning showed {cards} courses, not the learner's {LearnerSeeder.CoursesPerLearner}.");
    }

    /// <param name="CpuPerRequest">The app's CPU time (both cores, wrk not included) per request under load: steadier than req/s on a shared machine.</param>
    internal sealed record LoadResult(string Target, Wrk.Result Loaded, double AloneP50, double CpuPerRequest);

    /// <summary>
    /// Warms up (every distinct request once, so that each lesson is rendered before timing starts, then 3 s of load); times one connection alone (the service time, without queueing); then has every connection send
    /// requests back to back for <see cref="MeasuredFor"/>.
    /// </summary>
    /// <param name="appCpu">The app's CPU time so far, all its processes together.</param>
    internal static async Task<LoadResult> MeasureTargetAsync(string target, string baseUrl, IEnumerable<(string Path, string Cookie)> requests, Func<TimeSpan> appCpu)
    {
        var list = requests.ToList();
        Console.WriteLine($"{target}: warming up …");
        await RequestEachOnceAsync(baseUrl, list);
        await Wrk.RunAsync(baseUrl, list, Concurrency, TimeSpan.FromSeconds(3));
        var alone = await Wrk.RunAsync(baseUrl, list, connections: 1, TimeSpan.FromSeconds(3));
        Console.WriteLine($"{target}: measuring for {MeasuredFor.TotalSeconds:0} s …");
        var (loaded, cpuPerRequest) = await LoadAsync(baseUrl, list, MeasuredFor, appCpu);
        return new LoadResult(target, loaded, alone.Errors == 0 ? alone.P50 : double.NaN, cpuPerRequest);
    }

    /// <summary><see cref="Concurrency"/> connections sending the requests back to back for <paramref name="duration"/>, and the app's CPU ms per request meanwhile.</summary>
    internal static async Task<(Wrk.Result Loaded, double CpuPerRequest)> LoadAsync(string baseUrl, IEnumerable<(string Path, string Cookie)> requests, TimeSpan duration, Func<TimeSpan> appCpu)
    {
        var cpuBefore = appCpu();
        var loaded = await Wrk.RunAsync(baseUrl, requests, Concurrency, duration);
        return (loaded, (appCpu() - cpuBefore).TotalMilliseconds / loaded.Requests);
    }

    /// <summary>Every distinct request once, <see cref="Concurrency"/> at a time; fails on any answer but a success.</summary>
    internal static async Task RequestEachOnceAsync(string baseUrl, IEnumerable<(string Path, string Cookie)> requests)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        await Parallel.ForEachAsync(requests.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (request, cancellationToken) =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, request.Path) { Headers = { { "Cookie", request.Cookie } } };
            using var response = await client.SendAsync(message, cancellationToken);
            response.EnsureSuccessStatusCode();
        });
    }

    /// <summary>Prints the results as a markdown table under <paramref name="heading"/> and writes them to BenchmarkDotNet.Artifacts/results.</summary>
    internal static void Report(string heading, IReadOnlyList<LoadResult> results, string fileName)
    {
        var table = new StringBuilder();
        table.AppendLine(heading);
        table.AppendLine();
        table.AppendLine("| target | one connection alone: p50 ms | 32 connections: requests | errors | app CPU ms / request | req/s | p50 ms | p95 ms | p99 ms | max ms |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (target, r, alone, cpu) in results)
            table.AppendLine($"| {target} | {alone:0.0} | {r.Requests} | {r.Errors} | {cpu:0.00} | {r.RequestsPerSecond:0} | {r.P50:0.0} | {r.P95:0.0} | {r.P99:0.0} | {r.Max:0.0} |");
        Write(table.ToString(), fileName);
    }

    /// <summary>Prints a report and writes it to BenchmarkDotNet.Artifacts/results/<paramref name="fileName"/>.</summary>
    internal static void Write(string report, string fileName)
    {
        Console.WriteLine();
        Console.WriteLine(report);
        var folder = Path.Combine("BenchmarkDotNet.Artifacts", "results");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, fileName), report);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
