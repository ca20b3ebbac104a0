using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingLms.Data;

namespace TrainingLms.Web.Infrastructure;

/// <summary>
/// The configured provider's own migrations (<see cref="LmsDatabase.ForMigrations"/>): applied at start, asked about
/// by the health check and <c>verify-records</c>. The app's contexts cannot tell: on PostgreSQL they would list
/// SQLite's migrations.
/// </summary>
public sealed class DatabaseMigrations(IOptions<DatabaseOptions> database, IOptions<StorageOptions> storage, IConfiguration configuration)
{
    private DbContextOptions<LmsDbContext> Options =>
        LmsDatabase.Options(database.Value.Provider, DatabaseSetup.ConnectionString(configuration, storage.Value));

    public Task ApplyAsync(CancellationToken cancellationToken = default) => LmsDatabase.MigrateAsync(Options, cancellationToken);

    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = LmsDatabase.ForMigrations(Options);
        return [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
    }
}
