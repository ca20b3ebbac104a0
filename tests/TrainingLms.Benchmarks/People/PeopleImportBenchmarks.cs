using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain.People.Import;
using TrainingLms.Web.Features.People.Import;

namespace TrainingLms.Benchmarks.People;

/// <summary>
/// The people CSV import through the real <see cref="PeopleImporter"/> on a real SQLite file.
/// Target: 5,000 rows in under 10 s on the 2-core server. Each iteration is one import, so
/// Monitoring with few iterations: a run takes minutes, not hours.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
[MinColumn, MaxColumn]
[MemoryDiagnoser]
public class PeopleImportBenchmarks
{
    private const string FileName = "员工名单.csv";
    private static readonly ImportSettings Settings = new(CreateMissing: true, InitialPassword: LmsHost.Password, CheckOnly: false);

    private byte[] file = [];
    private LmsHost? host;

    [Params(5_000)]
    public int Rows { get; set; }

    [GlobalSetup(Target = nameof(FirstImport))]
    public void CreateFile() => file = PeopleCsvFile.Create(Rows);

    /// <summary>A fresh, empty database for every first import.</summary>
    [IterationSetup(Target = nameof(FirstImport))]
    public void StartEmptyDatabase() => host = LmsHost.StartAsync(PeopleCsvFile.Positions()).GetAwaiter().GetResult();

    [IterationCleanup(Target = nameof(FirstImport))]
    public void StopDatabase() => StopAsync().GetAwaiter().GetResult();

    /// <summary>One database for all re-imports: importing the same file again must change nothing.</summary>
    [GlobalSetup(Target = nameof(ReImport))]
    public void ImportOnce()
    {
        CreateFile();
        host = LmsHost.StartAsync(PeopleCsvFile.Positions()).GetAwaiter().GetResult();
        var batch = ImportAsync().GetAwaiter().GetResult();
        if (batch.Created != Rows) throw new InvalidOperationException($"First import created {batch.Created} of {Rows} people.");
    }

    [GlobalCleanup(Target = nameof(ReImport))]
    public void StopReImportDatabase() => StopAsync().GetAwaiter().GetResult();

    [Benchmark(Description = "First import into an empty database")]
    public async Task<ImportBatch> FirstImport()
    {
        var batch = await ImportAsync();
        return batch.Created == Rows ? batch
            : throw new InvalidOperationException($"Created {batch.Created} of {Rows} people.");
    }

    [Benchmark(Description = "Re-import of the same file (no changes)")]
    public async Task<ImportBatch> ReImport()
    {
        var batch = await ImportAsync();
        return batch.Unchanged == Rows && batch.Created == 0 && batch.Updated == 0 ? batch
            : throw new InvalidOperationException($"Re-import: {batch.Created} created, {batch.Updated} updated, {batch.Unchanged} unchanged.");
    }

    /// <summary>One import as the upload page does it: a request scope, the service, the whole file.</summary>
    private async Task<ImportBatch> ImportAsync()
    {
        var lms = host ?? throw new InvalidOperationException("No database.");
        using var scope = lms.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<PeopleImporter>();
        var outcome = await importer.ImportAsync(file, FileName, Settings, lms.AdministratorId);
        // A refused import returns quickly; it must fail the run, not be measured as fast.
        if (!outcome.Succeeded)
            throw new InvalidOperationException("Import refused: " + string.Join("; ",
                outcome.Issues.Take(10).Select(i => $"line {i.Line} {i.Problem} '{i.Value}'").Concat(outcome.PasswordProblems)));
        return outcome.Batch;
    }

    private async Task StopAsync()
    {
        if (host is not null) await host.DisposeAsync();
        host = null;
    }
}
