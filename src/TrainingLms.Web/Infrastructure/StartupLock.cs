using Npgsql;
using TrainingLms.Web.Infrastructure.Hosting;

namespace TrainingLms.Web.Infrastructure;

/// <summary>
/// Lets one app instance at a time prepare a PostgreSQL database several instances share: migrations, the record
/// chain's first link, roles, content, the key ring and the demo company. The next instance waits on the lock and then
/// finds the work done. A session-level advisory lock on a connection of its own, held until disposed; if the process
/// dies, the server ends its session and the lock with it. On SQLite (one instance) there is nothing to take, and a
/// transcode worker takes none: it prepares nothing and waits for a web instance to migrate, which would otherwise wait
/// for the worker's lock.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    /// <summary>The lock's key: any fixed number no other advisory lock of the app uses (theirs are hashed text keys).</summary>
    public const long Key = 0x4c4d535f5354; // "LMS_ST"

    private readonly NpgsqlConnection? connection;

    private StartupLock(NpgsqlConnection? connection) => this.connection = connection;

    public static async Task<StartupLock> AcquireAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (DatabaseSetup.Provider(services) != DatabaseProvider.PostgreSQL || !services.HostingRole().ServesPages) return new StartupLock(null);
        var connectionString = DatabaseSetup.ConnectionString(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IOptions<StorageOptions>>().Value);
        // Unpooled: the lock belongs to the session, which must end when the lock is let go, not go back to a pool.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            // Another instance may hold it for as long as a first migration and demo seed take.
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is null) return;
        // Closing the session releases the lock.
        await connection.DisposeAsync();
    }
}
