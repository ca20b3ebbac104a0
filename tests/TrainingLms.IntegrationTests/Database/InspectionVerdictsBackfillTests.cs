using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using TrainingLms.Domain.Inspections;
using TrainingLms.IntegrationTests.Demo;

namespace TrainingLms.IntegrationTests.Database;

/// <summary>
/// The migration that added <c>Inspections.Verdicts</c> fills it for the inspections filed before, in SQL of each
/// database's own: what it writes must be what <see cref="InspectionVerdicts"/> derives from the same results.
/// </summary>
public class InspectionVerdictsBackfillTests(DemoFactory demo) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task Backfill_OfTheDemoInspections_EqualsTheVerdictsDerivedFromTheirResults()
    {
        _ = demo.Services; // starts the app: its demo seed files the inspections
        await using var db = demo.Database.Open();
        var backfill = BackfillSql(db);
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Inspections" SET "Verdicts" = '' """, TestContext.Current.CancellationToken);

        await db.Database.ExecuteSqlRawAsync(backfill, TestContext.Current.CancellationToken);

        var stored = await db.Inspections.AsNoTracking().Select(i => new { i.Id, i.Verdicts }).ToDictionaryAsync(i => i.Id, i => i.Verdicts, TestContext.Current.CancellationToken);
        var inspections = await db.Inspections.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(inspections);
        Assert.Contains(inspections, i => i.Results.Any(r => r.Verdict == ItemVerdict.NotOk));
        Assert.All(inspections, i => Assert.Equal(InspectionVerdicts.Encode(i.Results), stored[i.Id]));
    }

    /// <summary>The backfill statement of this database's migration set.</summary>
    private static string BackfillSql(Data.LmsDbContext appContext)
    {
        using var migrations = Data.LmsDatabase.ForMigrations((DbContextOptions<Data.LmsDbContext>)appContext.GetService<IDbContextOptions>());
        var assembly = migrations.GetService<IMigrationsAssembly>();
        var type = assembly.Migrations.Single(m => m.Key.EndsWith("_InspectionOversightIndex", StringComparison.Ordinal)).Value;
        var migration = assembly.CreateMigration(type, migrations.Database.ProviderName!);
        return migration.UpOperations.OfType<SqlOperation>().Single().Sql;
    }
}
