using Npgsql;
using TrainingLms.Data;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.Benchmarks;

/// <summary>
/// The database a benchmark's app runs on: SQLite (its file in the data folder), or a fresh database on the PostgreSQL
/// server <c>LMS_BENCH_POSTGRES</c> names (<c>./lms bench … --postgres</c> starts a throwaway cluster and sets it), so
/// that one run measures both side by side on the same data.
/// </summary>
public sealed class BenchDatabase : IDisposable
{
    public const string ServerVariable = "LMS_BENCH_POSTGRES";

    private readonly string? name;

    private BenchDatabase(DatabaseProvider provider)
    {
        Provider = provider;
        if (provider != DatabaseProvider.PostgreSQL) return;
        name = "lms_bench_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE \"{name}\"");
    }

    public DatabaseProvider Provider { get; }

    /// <summary>SQLite always; PostgreSQL too when a server was given.</summary>
    public static IReadOnlyList<DatabaseProvider> Available =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } ? [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL] : [DatabaseProvider.Sqlite];

    public static BenchDatabase Create(DatabaseProvider provider) => new(provider);

    /// <summary>What the app is told: nothing on SQLite, the provider and connection string otherwise.</summary>
    public IReadOnlyDictionary<string, string> Settings => name is null ? new Dictionary<string, string>() : new Dictionary<string, string>
    {
        ["Database:Provider"] = nameof(DatabaseProvider.PostgreSQL),
        [$"ConnectionStrings:{DatabaseSetup.ConnectionStringName}"] = Server(name),
    };

    public void Dispose()
    {
        if (name is null) return;
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static string Server(string database) => new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(ServerVariable)) { Database = database }.ToString();

    private static void Execute(string sql)
    {
        using var admin = new NpgsqlConnection(Server("postgres"));
        admin.Open();
        using var command = new NpgsqlCommand(sql, admin);
        command.ExecuteNonQuery();
    }
}
