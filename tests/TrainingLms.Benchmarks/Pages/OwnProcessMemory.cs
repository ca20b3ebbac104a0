using Microsoft.Extensions.Hosting;
using TrainingLms.Benchmarks.Courses;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.Benchmarks.Pages;

/// <summary>
/// The app's memory as it ships: after the crawl, the app is started as a process of its own (as <c>./lms run</c> and a
/// server start it, Production) on the crawled database, and every page of the crawl is loaded again, each by
/// <see cref="CourseLoadBenchmark.Concurrency"/> connections for <see cref="LoadedFor"/>, while its
/// <c>/proc/&lt;pid&gt;</c> figures are sampled. The crawl itself runs the app inside the benchmark's process, whose
/// figures also hold the generator's leftovers and, on the second database, what the first one's app left.
/// </summary>
internal static class OwnProcessMemory
{
    /// <summary>Long enough for every connection to be answered many times over: memory follows concurrency, not duration.</summary>
    private static readonly TimeSpan LoadedFor = TimeSpan.FromSeconds(2);

    public static async Task<string> MeasureAsync(BenchDatabase database, IBenchCompany company, string dataPath, IReadOnlyList<(BenchPerson Person, string Route)> pages)
    {
        var settings = database.Settings.Concat(company.Settings)
            .Append(new("Logging:LogLevel:Default", "Warning"))
            .ToDictionary(setting => setting.Key, setting => setting.Value);
        await using var app = await AppProcess.StartAsync(dataPath, settings, Environments.Production);
        using var memory = RssSampler.Start(app.Id);
        foreach (var (person, route) in pages)
        {
            var cookie = await CourseLoadBenchmark.SignInAsync(app.BaseUrl, person.Identifier, company.Password);
            var loaded = await Wrk.RunAsync(app.BaseUrl, [(route, cookie)], CourseLoadBenchmark.Concurrency, LoadedFor);
            if (loaded.Errors > 0)
                throw new InvalidOperationException($"{person.Role} {route} in the app's own process: {loaded.Errors} of {loaded.Requests} answers were not 200.\n{app.Output}");
            memory.SampleProportional();
        }
        return $"{database.Provider}: the app in a process of its own, every page loaded again for {LoadedFor.TotalSeconds:0} s: " +
            $"resident set (VmRSS) at most {memory.PeakMb:0} MB ({memory.StartMb:0} MB once started), of it its own (RssAnon) at most {memory.PeakAnonMb:0} MB; " +
            $"proportional set (PSS) at most {memory.PeakPssMb:0} MB, of it the mapped database file at most {memory.PeakDatabasePssMb:0} MB, " +
            $"code the JIT wrote at most {memory.PeakCodePssMb:0} MB, the assemblies and libraries mapped at most {memory.PeakFilePssMb:0} MB.";
    }
}
