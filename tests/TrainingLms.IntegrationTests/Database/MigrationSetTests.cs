using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using TrainingLms.Data;

namespace TrainingLms.IntegrationTests.Database;

/// <summary>
/// One model, one migration set per provider: a model change without a migration in both sets fails here (the
/// commands are in <see cref="LmsDbContext"/>'s summary and the README). Nothing here connects to a database.
/// </summary>
public class MigrationSetTests
{
    [Fact]
    public void SqliteMigrations_CoverTheModel_NoPendingChanges()
    {
        using var db = new DesignTimeLmsDbContextFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: dotnet ef migrations add NAME --context LmsDbContext …");
    }

    [Fact]
    public void PostgreSqlMigrations_CoverTheModel_NoPendingChanges()
    {
        using var db = new DesignTimePostgreSqlLmsDbContextFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a PostgreSQL migration: dotnet ef migrations add NAMEPostgreSQL --context PostgreSqlLmsDbContext --output-dir Migrations/PostgreSQL …");
    }

    [Fact]
    public void PostgreSqlMigrations_BelongToTheirOwnContext_SqliteOnesStayApart()
    {
        using var sqlite = new DesignTimeLmsDbContextFactory().CreateDbContext([]);
        using var postgres = new DesignTimePostgreSqlLmsDbContextFactory().CreateDbContext([]);
        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var postgresMigrations = postgres.Database.GetMigrations().ToList();
        Assert.Contains(sqliteMigrations, m => m.EndsWith("_Foundation", StringComparison.Ordinal));
        Assert.Contains(postgresMigrations, m => m.EndsWith("_InitialPostgreSQL", StringComparison.Ordinal));
        Assert.Empty(sqliteMigrations.Intersect(postgresMigrations));
    }

    /// <summary>The app works with <see cref="LmsDbContext"/> on PostgreSQL too: its model must be the one the PostgreSQL migrations were made from.</summary>
    [Fact]
    public void AppContextOnPostgreSql_HasTheMigrationContextsModel()
    {
        var options = LmsDatabase.Options(DatabaseProvider.PostgreSQL, "Host=localhost;Database=traininglms_model_check");
        using var app = new LmsDbContext(options);
        using var migrations = LmsDatabase.ForMigrations(options);
        Assert.IsType<PostgreSqlLmsDbContext>(migrations);
        var differ = migrations.GetService<IMigrationsModelDiffer>();
        Assert.False(differ.HasDifferences(
            app.GetService<IDesignTimeModel>().Model.GetRelationalModel(),
            migrations.GetService<IDesignTimeModel>().Model.GetRelationalModel()));
    }
}
