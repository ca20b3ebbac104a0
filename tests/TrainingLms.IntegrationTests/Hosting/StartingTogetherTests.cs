using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Data;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Hosting;

/// <summary>Two app processes started at the same moment on one empty PostgreSQL database: start-up work is done once.</summary>
[PostgreSqlOnly("several app instances share one database only on PostgreSQL; SQLite is one instance's file")]
public sealed class StartingTogetherTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("traininglms-start-together-").FullName;
    private readonly List<AppProcess> instances = [];

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Start_TwoInstancesAtOnceOnAnEmptyDatabase_BothBecomeHealthy_WithOneDemoCompany()
    {
        // A database of its own, empty: the in-process factory would have migrated the shared one already.
        var data = Path.Combine(root, "data");
        var database = new TestDatabase(data);
        database.EnsureCreated(empty: true);
        try
        {
            var settings = new Dictionary<string, string> { ["Demo:Enabled"] = "true", ["Demo:Clips"] = "false", ["Demo:Password"] = LmsFactory.Password };
            var started = await Task.WhenAll(new[] { "a", "b" }.Select(async name =>
            {
                try
                {
                    return (App: await AppProcess.StartAsync(database, new Dictionary<string, string>(settings) { ["Hosting:InstanceName"] = name }, emptyDatabase: true), Error: (Exception?)null);
                }
                catch (Exception e) when (e is InvalidOperationException or TimeoutException)
                {
                    return (App: (AppProcess?)null, Error: e);
                }
            }));
            instances.AddRange(started.Select(s => s.App).OfType<AppProcess>());
            Assert.All(started, s => Assert.True(s.Error is null, s.Error?.Message));

            await using var db = database.Open();
            Assert.Equal(1, await db.Companies.CountAsync());
            await using (var migrations = LmsDatabase.ForMigrations(LmsDatabase.Options(TestDatabase.Provider, database.ConnectionString)))
                Assert.Empty(await migrations.Database.GetPendingMigrationsAsync());
            var applied = await db.Database.SqlQueryRaw<string>("""SELECT "MigrationId" AS "Value" FROM "__EFMigrationsHistory" """).ToListAsync();
            Assert.Equal(applied.Count, applied.Distinct().Count());
            // One key ring, made by whichever started first: the other reads it.
            Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
            var periods = await db.EvaluationPeriods.Select(p => new { p.Year, p.Month }).ToListAsync();
            Assert.Equal(periods.Count, periods.Distinct().Count());
            foreach (var instance in instances)
            {
                using var client = instance.CreateClient();
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
            }
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
            instances.Clear();
            database.Drop();
        }
    }
}
