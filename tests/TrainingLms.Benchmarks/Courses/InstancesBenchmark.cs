using System.Diagnostics;
using TrainingLms.Data;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Infrastructure.Hosting;

namespace TrainingLms.Benchmarks.Courses;

/// <summary>
/// The lesson page of the courses load test (the same company, the same requests, 32 connections) through nginx, with
/// one app instance behind it (the README's one-server upstream) and with two taking turns (deploy/nginx-upstream.conf).
/// The instances are the app as real processes in Production on one PostgreSQL database, each with a data folder of its
/// own. Run with <c>./lms bench instances</c>, which starts a throwaway PostgreSQL cluster.
/// </summary>
public static class InstancesBenchmark
{
    private sealed record Instance(string Name, AppProcess App);

    public static async Task<int> RunAsync()
    {
        if (Environment.GetEnvironmentVariable(BenchDatabase.ServerVariable) is not { Length: > 0 })
        {
            await Console.Error.WriteLineAsync($"Several instances share one database only on PostgreSQL: set {BenchDatabase.ServerVariable} to a server's connection string, or run ./lms bench instances, which starts one.");
            return 2;
        }
        var root = Directory.CreateTempSubdirectory("traininglms-instances-bench-").FullName;
        Console.WriteLine($"Writing {CourseLoadBenchmark.Courses} courses × {CourseLoadBenchmark.LessonsPerCourse} lessons …");
        var content = CourseContentFolder.Create(CourseLoadBenchmark.Courses, CourseLoadBenchmark.LessonsPerCourse);
        try
        {
            using var database = BenchDatabase.Create(DatabaseProvider.PostgreSQL);
            // The one file the instances must share (README, "Several instances"); sign-in keys are in the database.
            var shared = new Dictionary<string, string> { ["RecordChain:KeyPath"] = Path.Combine(root, "record-chain.key") };
            await (await LoadTestApp.StartSeededAsync(database, content, shared)).DisposeAsync();
            var instances = new List<Instance>();
            try
            {
                foreach (var name in (string[])["a", "b"])
                {
                    Console.WriteLine($"Starting instance {name} …");
                    instances.Add(new Instance(name, await AppProcess.StartAsync(Directory.CreateDirectory(Path.Combine(root, "data-" + name)).FullName,
                        new Dictionary<string, string>(database.Settings.Concat(shared))
                        {
                            ["Content:Path"] = content,
                            ["Hosting:InstanceName"] = name,
                            // Pages only, as app servers with the transcoding on machines of their own.
                            ["Hosting:Role"] = "Web",
                            ["Logging:LogLevel:Default"] = "Warning",
                        }, environment: "Production")));
                }
                List<CourseLoadBenchmark.LoadResult> results =
                [
                    await MeasureBehindNginxAsync("one instance behind nginx", root, instances[..1]),
                    await MeasureBehindNginxAsync("two instances behind nginx", root, instances),
                ];
                CourseLoadBenchmark.Report(
                    $"One vs two instances: the lesson page through nginx (plain HTTP), {CourseLoadBenchmark.Courses} courses × {CourseLoadBenchmark.LessonsPerCourse} lessons, " +
                    $"{CourseLoadBenchmark.Learners:N0} learners, {CourseLoadBenchmark.Concurrency} connections (wrk), the instances in Production on one PostgreSQL database; " +
                    $"instances, nginx, PostgreSQL and wrk on the same {Environment.ProcessorCount} cores, app CPU = the instances' processes; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC",
                    results, "instances.md");
                return results.All(r => r.Loaded.Errors == 0) ? 0 : 1;
            }
            finally
            {
                foreach (var instance in instances) await instance.App.DisposeAsync();
            }
        }
        finally
        {
            try { Directory.Delete(content, recursive: true); } catch (IOException) { }
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<CourseLoadBenchmark.LoadResult> MeasureBehindNginxAsync(string target, string root, IReadOnlyList<Instance> behind)
    {
        var clips = Directory.CreateDirectory(Path.Combine(root, "clips")).FullName;
        await using var nginx = await Nginx.StartAsync(Path.Combine(root, $"nginx-{behind.Count}"), behind[0].App.BaseUrl, clips,
            instanceUrls: behind.Count > 1 ? [.. behind.Select(i => i.App.BaseUrl)] : null);
        // Signed in afresh through nginx for each target, as the courses load test does (a renewed cookie is lost on wrk).
        var cookies = await Task.WhenAll(CourseLoadBenchmark.SignedInLearners.Select(learner => CourseLoadBenchmark.SignInAsync(nginx.ProxyUrl, learner)));
        var requests = CourseLoadBenchmark.LessonRequestsOf(CourseLoadBenchmark.LessonPaths(), cookies).ToList();
        await CheckServedByAsync(nginx.ProxyUrl, requests[0], behind);
        // Every lesson rendered on each instance first: the warm-up through nginx gives each only its turns.
        foreach (var instance in behind) await CourseLoadBenchmark.RequestEachOnceAsync(instance.App.BaseUrl, requests);
        return await CourseLoadBenchmark.MeasureTargetAsync(target, nginx.ProxyUrl, requests, () => ProcessorTime(behind));
    }

    /// <summary>nginx hands requests to every instance behind it and to no other, as the answers' X-Instance headers say.</summary>
    private static async Task CheckServedByAsync(string proxyUrl, (string Path, string Cookie) request, IReadOnlyList<Instance> behind)
    {
        using var client = new HttpClient { BaseAddress = new Uri(proxyUrl) };
        var served = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, request.Path) { Headers = { { "Cookie", request.Cookie } } };
            using var response = await client.SendAsync(message);
            response.EnsureSuccessStatusCode();
            served.Add(response.Headers.TryGetValues(InstanceOptions.Header, out var values) ? values.Single() : "(none)");
        }
        if (!served.Distinct().Order().SequenceEqual(behind.Select(i => i.Name).Order()))
            throw new InvalidOperationException($"nginx should share the requests out over {string.Join(", ", behind.Select(i => i.Name))}; they were served by {string.Join(", ", served)}.");
        Console.WriteLine($"{request.Path} ten times through nginx, served by {string.Join(" ", served)}.");
    }

    /// <summary>The instances' CPU time so far, all cores: utime + stime of /proc/{pid}/stat, which is what Process reads on Linux.</summary>
    private static TimeSpan ProcessorTime(IEnumerable<Instance> instances)
    {
        var total = TimeSpan.Zero;
        foreach (var instance in instances)
        {
            using var process = Process.GetProcessById(instance.App.Id);
            total += process.TotalProcessorTime;
        }
        return total;
    }
}
