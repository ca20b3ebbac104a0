using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
        builder.Services.AddSingleton<IInterceptor>(services => services.GetRequiredService<PendingWrites>());
        builder.Services.AddSingleton<IInterceptor>(SearchPattern.Translation);
        // Pooled: the learner's pages make a context per request, and setting one up cost as much as a query.
        // The features' interceptors (registered as IInterceptor) see every save, after the guard.
        builder.Services.AddPooledDbContextFactory<LmsDbContext>((services, options) =>
            options.UseLmsDatabase(Provider(services), ConnectionString(services))
                .AddInterceptors(SignedAttemptGuard.Instance).AddInterceptors(services.GetServices<IInterceptor>()));
        // Sign-in cookies must survive a restart, so the keys that protect them live in the data folder.
        builder.Services.AddDataProtection().SetApplicationName("TrainingLms").ProtectKeysWithConfiguredCertificate(builder.Configuration);
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>>((keys, storage) =>
            keys.XmlRepository = new PrivateFileSystemXmlRepository(new DirectoryInfo(Path.Combine(storage.Value.ResolvedDataPath, DataFolderSecurity.KeysFolderName))));
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
