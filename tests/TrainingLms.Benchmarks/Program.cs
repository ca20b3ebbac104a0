using BenchmarkDotNet.Running;

namespace TrainingLms.Benchmarks;

/// <summary>
/// Run from the repository root: <c>dotnet run -c Release --project tests/TrainingLms.Benchmarks -- --filter '*'</c>.
/// Not top-level statements: the web project's global <c>Program</c> (kept public for
/// WebApplicationFactory) would clash with a generated one.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
