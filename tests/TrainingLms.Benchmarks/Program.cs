using BenchmarkDotNet.Running;
using TrainingLms.Benchmarks.Clips;
using TrainingLms.Benchmarks.Courses;
using TrainingLms.Benchmarks.Pages;

namespace TrainingLms.Benchmarks;

/// <summary>
/// Run from the repository root: <c>dotnet run -c Release --project tests/TrainingLms.Benchmarks -- --filter '*'</c>,
/// or <c>-- courses-load [static|healthz|learning|lesson …]</c> for the HTTP load test of the learner pages, <c>-- instances</c>
/// for its lesson page through nginx with one and with two app instances (PostgreSQL: <c>LMS_BENCH_POSTGRES</c>), <c>-- pages</c> for every page of every role of the demo company (<c>-- pages --large</c>: of the large company, <see cref="IntegrationTests.Performance.LargeCompanyGenerator"/>; <c>--memory</c>: only the app's memory in a process of its own), <c>-- clips</c> for the clip library's figures (<c>-- clips range</c>: the range throughput alone).
/// Not top-level statements: the web project's global <c>Program</c> (kept public for
/// WebApplicationFactory) would clash with a generated one.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["courses-load", .. var targets]) return await CourseLoadBenchmark.RunAsync(targets);
        if (args is ["pages", ..]) return await PagesBenchmark.RunAsync(large: args.Contains("--large"), Only(args), memoryOnly: args.Contains("--memory"));
        if (args is ["instances", ..]) return await InstancesBenchmark.RunAsync();
        if (args is ["clips", ..]) return await ClipBenchmarks.RunAsync(rangeOnly: args is [_, "range"]);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    /// <summary>The values of every <c>--only X</c> in the arguments.</summary>
    private static List<string> Only(string[] args) =>
        [.. args.Zip(args.Skip(1)).Where(pair => pair.First == "--only").Select(pair => pair.Second)];
}
