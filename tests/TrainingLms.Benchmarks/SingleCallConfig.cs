using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace TrainingLms.Benchmarks;

/// <summary>
/// Query benchmarks on a large generated company: in-process, so the company is written once for all of them, and one
/// call per iteration, so the P95 column is the 95th percentile of single calls (the targets are set on it).
/// </summary>
public sealed class SingleCallConfig : ManualConfig
{
    public SingleCallConfig()
    {
        // Generating the company and copying it take minutes, longer than the in-process toolchain allows by default.
        AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)).WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(60).WithInvocationCount(1).WithUnrollFactor(1));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
    }
}
