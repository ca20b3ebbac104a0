using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TrainingLms.Web.Infrastructure.Hosting;
using TrainingLms.Data.Configurations.Drills;

namespace TrainingLms.Web.Infrastructure;

public static class DatabaseSetup
{
    public const string ConnectionStringName = "Lms";

    public static void AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName)
            .Validate<IConfiguration>(
                (database, configuration) => database.Provider != DatabaseProvider.PostgreSQL || !string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName)),
                $"Database:Provider is PostgreSQL: ConnectionStrings:{ConnectionStringName} must name the server and database (Host=…;Database=…;Username=…;Password=…).")
            .ValidateOnStart();

        builder.Services.AddSingleton<DatabaseMigrations>();
        builder.Services.AddSingleton<PendingWrites>();
        builder.Services.AddSingleton<CacheChangeLog>();
        builder.Services.AddSingleton<DatabaseStatistics>();
        if (builder.HostingRole().ServesPages) builder.Services.AddHostedService(services => services.GetRequiredService<DatabaseStatistics>());
        builder.Services.AddSingleton<IInterceptor>(services => services.GetRequiredService<PendingWrites>());
        builder.Services.AddSingleton<IInterceptor>(SearchPattern.Translation);
        // Pooled: the learner's pages make a context per request, and setting one up cost as much as a query.
        // The features' interceptors (registered as IInterceptor) see every save, after the guard.
        builder.Services.AddPooledDbContextFactory<LmsDbContext>((services, options) =>
            options.UseLmsDatabase(Provider(services), ConnectionString(services))
                .AddInterceptors(SignedAttemptGuard.Instance, SqliteMemoryMap.Instance).AddInterceptors(services.GetServices<IInterceptor>()));
        // Sign-in cookies and form tokens must survive a restart, so the keys that protect them are stored: on SQLite (one
        // instance) in the data folder; on PostgreSQL in the database, so every instance reads what the others wrote.
        // Either way encrypted with the configured certificate, if there is one.
        builder.Services.AddDataProtection().SetApplicationName("TrainingLms").ProtectKeysWithConfiguredCertificate(builder.Configuration);
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>, IOptions<DatabaseOptions>, IServiceProvider>((keys, storage, database, services) =>
            keys.XmlRepository = database.Value.Provider == DatabaseProvider.PostgreSQL
                ? new EntityFrameworkCoreXmlRepository<LmsDbContext>(services, services.GetRequiredService<ILoggerFactory>())
                : new PrivateFileSystemXmlRepository(new DirectoryInfo(Path.Combine(storage.Value.ResolvedDataPath, DataFolderSecurity.KeysFolderName))));
        // Identity's stores take a scoped context; it comes from the same factory.
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<LmsDbContext>>().CreateDbContext());
    }

    /// <summary>Migrates the database on start (the provider's own migrations): a fresh machine needs no separate set-up step.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Directory.CreateDirectory(storage.ResolvedDataPath);
        await services.GetRequiredService<DatabaseMigrations>().ApplyAsync();
        if (Provider(services) != DatabaseProvider.Sqlite) return;
        // WAL lets readers go on while an import writes.
        await using var db = await services.GetRequiredService<IDbContextFactory<LmsDbContext>>().CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    private static readonly TimeSpan MigrationPoll = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A transcode worker's start: waits until the database has every migration this build knows (a web instance applies
    /// them), and until it can be reached at all; it says so in the log once, then starts when the database is ready.
    /// </summary>
    public static async Task WaitForMigratedDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var migrations = services.GetRequiredService<DatabaseMigrations>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup));
        var waited = false;
        while (true)
        {
            try
            {
                var pending = await migrations.PendingAsync(cancellationToken);
                if (pending.Count == 0) break;
                if (!waited) logger.LogWarning("Waiting for a web instance to migrate the database; pending: {Migrations}", string.Join(", ", pending));
            }
            catch (System.Data.Common.DbException e)
            {
                if (!waited) logger.LogWarning(e, "Waiting for the database to be reachable");
            }
            waited = true;
            await Task.Delay(MigrationPoll, cancellationToken);
        }
        if (waited) logger.LogInformation("The database is migrated; the worker starts");
    }

    /// <summary>
    /// Makes sure the key ring has a key, at start and under the <see cref="StartupLock"/>: instances starting together on
    /// an empty database would otherwise each make one on their first request and refuse each other's cookies until
    /// they next read the ring.
    /// </summary>
    public static void EnsureDataProtectionKey(this IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("TrainingLms.Startup").Protect([1]);

    public static DatabaseProvider Provider(IServiceProvider services) => services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;

    private static string ConnectionString(IServiceProvider services) =>
        ConnectionString(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IOptions<StorageOptions>>().Value);

    /// <summary>The configured connection string; on SQLite without one, the database file in the data folder.</summary>
    public static string ConnectionString(IConfiguration configuration, StorageOptions storage)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(storage.ResolvedDataPath, storage.DatabaseFileName),
            DefaultTimeout = 30,
        }.ToString();
    }
}
