using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace TrainingLms.Data;

/// <summary>Opens and migrates the LMS database on either provider: the app, the tests and the design-time tools go through here.</summary>
public static class LmsDatabase
{
    public static DbContextOptionsBuilder UseLmsDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => options.UseSqlite(connectionString),
        DatabaseProvider.PostgreSQL => options.UseNpgsql(PostgreSqlConnection.ForTheApp(connectionString)).AddInterceptors(PostgreSqlText.Parameters)
            .ReplaceService<IModelCacheKeyFactory, SharedModelCacheKey>(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Database:Provider is Sqlite or PostgreSQL."),
    };

    public static DbContextOptions<LmsDbContext> Options(DatabaseProvider provider, string connectionString) =>
        (DbContextOptions<LmsDbContext>)new DbContextOptionsBuilder<LmsDbContext>().UseLmsDatabase(provider, connectionString).Options;

    /// <summary>
    /// A context whose migrations are the provider's own: <see cref="PostgreSqlLmsDbContext"/> on PostgreSQL, otherwise
    /// <see cref="LmsDbContext"/>. Use it for migrating and for asking about migrations, never for the app's work.
    /// </summary>
    public static LmsDbContext ForMigrations(DbContextOptions<LmsDbContext> options)
    {
        var db = new LmsDbContext(options);
        if (!db.Database.IsNpgsql()) return db;
        db.Dispose();
        return new PostgreSqlLmsDbContext(options);
    }

    /// <summary>Applies the provider's migrations: a fresh database needs no separate set-up step.</summary>
    public static async Task MigrateAsync(DbContextOptions<LmsDbContext> options, CancellationToken cancellationToken = default)
    {
        // EF would compare the whole model with the last migration's snapshot on every start; MigrationSetTests does that
        // once per build instead, for both providers.
        options = (DbContextOptions<LmsDbContext>)new DbContextOptionsBuilder<LmsDbContext>(options)
            .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning)).Options;
        await using var db = ForMigrations(options);
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// <see cref="PostgreSqlLmsDbContext"/> adds nothing to the model, so it shares <see cref="LmsDbContext"/>'s: EF
    /// would otherwise build the same model a second time for it in every process that migrates or checks the
    /// migrations (about a second of CPU at each start on PostgreSQL).
    /// </summary>
    private sealed class SharedModelCacheKey : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) =>
            (context is PostgreSqlLmsDbContext ? typeof(LmsDbContext) : context.GetType(), designTime);
    }
}
