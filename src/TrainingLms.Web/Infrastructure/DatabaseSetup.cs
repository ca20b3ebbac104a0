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

        builder.Services.AddSingleton<PendingWrites>();
        builder.Services.AddSingleton<IInterceptor>(services => services.GetRequiredService<PendingWrites>());
        // Pooled: the learner's pages make a context per request, and setting one up cost as much as a query.
        // The features' interceptors (registered as IInterceptor) see every save, after the guard.
        builder.Services.AddPooledDbContextFactory<LmsDbContext>((services, options) =>
            options.UseSqlite(ConnectionString(services)).AddInterceptors(SignedAttemptGuard.Instance).AddInterceptors(services.GetServices<IInterceptor>()));
        // Sign-in cookies must survive a restart, so the keys that protect them live in the data folder.
        builder.Services.AddDataProtection().SetApplicationName("TrainingLms").ProtectKeysWithConfiguredCertificate(builder.Configuration);
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>>((keys, storage) =>
            keys.XmlRepository = new PrivateFileSystemXmlRepository(new DirectoryInfo(Path.Combine(storage.Value.ResolvedDataPath, DataFolderSecurity.KeysFolderName))));
        // Identity's stores take a scoped context; it comes from the same factory.
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<LmsDbContext>>().CreateDbContext());
    }

    /// <summary>Migrates the database on start: a fresh machine needs no separate set-up step.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Directory.CreateDirectory(storage.ResolvedDataPath);
        await using var db = await services.GetRequiredService<IDbContextFactory<LmsDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        // WAL lets readers go on while an import writes.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    private static string ConnectionString(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(storage.ResolvedDataPath, storage.DatabaseFileName),
            DefaultTimeout = 30,
        }.ToString();
    }
}
