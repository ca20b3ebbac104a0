using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrainingLms.Data;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.IntegrationTests.Infrastructure;

/// <summary>
/// The database of one test app. By default a SQLite file in its data folder. With <c>LMS_TEST_DATABASE=PostgreSQL</c>
/// a database of its own on the server <c>LMS_TEST_POSTGRES</c> names (<c>./lms test</c> starts a throwaway cluster),
/// dropped with the app. Either is a copy of one database migrated once per test run: migrating took about half a
/// second, for each of some seventy apps; the app still runs its own migration check on start.
/// </summary>
public sealed class TestDatabase
{
    public const string ProviderVariable = "LMS_TEST_DATABASE", ServerVariable = "LMS_TEST_POSTGRES";

    /// <summary>
    /// Set by <c>./lms test</c>: the server is a throwaway cluster removed with the run, so a test's database is left
    /// to it. Dropping one forces a checkpoint of the whole cluster, and the drops took about 40 CPU-seconds a run.
    /// </summary>
    public const string ThrowawayServerVariable = "LMS_TEST_POSTGRES_THROWAWAY";

    private static bool ServerIsThrowaway => Environment.GetEnvironmentVariable(ThrowawayServerVariable) == "1";

    public static DatabaseProvider Provider { get; } =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable(ProviderVariable), ignoreCase: true, out var provider) ? provider : DatabaseProvider.Sqlite;

    public static bool IsPostgreSql => Provider == DatabaseProvider.PostgreSQL;

    private readonly string? name;

    public TestDatabase(string dataPath) : this(dataPath, Provider) { }

    /// <summary>A database on the given provider whichever the run uses: moving a SQLite company to PostgreSQL takes one of each.</summary>
    public TestDatabase(string dataPath, DatabaseProvider provider)
    {
        DataPath = dataPath;
        if (provider == DatabaseProvider.PostgreSQL) name = "lms_test_" + Guid.NewGuid().ToString("N");
    }

    /// <summary>The app's data folder: the SQLite file's home, and the clips' and keys' on either database.</summary>
    public string DataPath { get; }

    /// <summary>What the app needs to be told: nothing on SQLite (the file in its data folder), the server otherwise.</summary>
    public IReadOnlyDictionary<string, string> Settings => name is null ? new Dictionary<string, string>() : new Dictionary<string, string>
    {
        ["Database:Provider"] = nameof(DatabaseProvider.PostgreSQL),
        [$"ConnectionStrings:{DatabaseSetup.ConnectionStringName}"] = ConnectionString,
    };

    public string ConnectionString => name is null
        ? new SqliteConnectionStringBuilder { DataSource = SqliteFile, Pooling = false }.ToString()
        : Server(name);

    private string SqliteFile => Path.Combine(DataPath, new StorageOptions().DatabaseFileName);

    /// <summary>A context on this database, outside any app (to look at or tamper with what an app wrote).</summary>
    public LmsDbContext Open() => new(LmsDatabase.Options(name is null ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSQL, ConnectionString));

    /// <summary>
    /// Creates the database from the migrated one, unless it exists already (an app started again on it). An empty one
    /// instead is for a first start as on a new machine: on SQLite no file at all, on PostgreSQL an empty database the
    /// app migrates (a server's database is made by its administrator, not by the app).
    /// </summary>
    public void EnsureCreated(bool empty = false)
    {
        if (name is null)
        {
            if (empty || File.Exists(SqliteFile)) return;
            Directory.CreateDirectory(DataPath);
            File.Copy(MigratedSqlite.Value, SqliteFile);
            return;
        }
        using var admin = new NpgsqlConnection(Server("postgres"));
        admin.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin) { Parameters = { new("name", name) } };
        if (exists.ExecuteScalar() is not null) return;
        Execute(admin, empty ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{MigratedPostgreSql.Value}\"");
    }

    public void Drop()
    {
        if (name is null)
        {
            SqliteConnection.ClearAllPools();
            return;
        }
        // The app's connections are pooled by the connection string it makes of this one, the tests' own by this one:
        // left in either pool, idle connections would hold the server's slots for minutes after the test.
        foreach (var pooledBy in new[] { ConnectionString, PostgreSqlConnection.ForTheApp(ConnectionString) })
        {
            using var connection = new NpgsqlConnection(pooledBy);
            NpgsqlConnection.ClearPool(connection);
        }
        if (ServerIsThrowaway) return;
        using var admin = new NpgsqlConnection(Server("postgres"));
        admin.Open();
        Execute(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>
    /// Makes the database itself refuse new rows of <paramref name="table"/> (those whose column holds the value, when
    /// given), as a full disk or a broken constraint would, until <see cref="AllowInsertsAsync"/>.
    /// </summary>
    public static Task RefuseInsertsAsync(LmsDbContext db, string name, string table, (string Column, string Value)? when = null) =>
        db.Database.ExecuteSqlRawAsync(IsPostgreSql
            ? $$"""
              CREATE FUNCTION "{{name}}"() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN RAISE EXCEPTION '{{name}}'; END $body$;
              CREATE TRIGGER "{{name}}" BEFORE INSERT ON "{{table}}" FOR EACH ROW {{(when is { } w ? $"WHEN (NEW.\"{w.Column}\" = '{w.Value}')" : "")}} EXECUTE FUNCTION "{{name}}"();
              """
            : $"""CREATE TRIGGER "{name}" BEFORE INSERT ON "{table}" {(when is { } v ? $"WHEN NEW.\"{v.Column}\" = '{v.Value}'" : "")} BEGIN SELECT RAISE(ABORT, '{name}'); END""");

    public static Task AllowInsertsAsync(LmsDbContext db, string name, string table) =>
        db.Database.ExecuteSqlRawAsync(IsPostgreSql ? $"""DROP TRIGGER "{name}" ON "{table}"; DROP FUNCTION "{name}"();""" : $"""DROP TRIGGER "{name}" """);

    private static readonly Lazy<string> MigratedSqlite = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "traininglms-tests", "migrated-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, new StorageOptions().DatabaseFileName);
        LmsDatabase.MigrateAsync(LmsDatabase.Options(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False")).GetAwaiter().GetResult();
        using var db = new LmsDbContext(LmsDatabase.Options(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False"));
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        return path;
    });

    /// <summary>The template every test database is created from; dropped when the test run ends.</summary>
    private static readonly Lazy<string> MigratedPostgreSql = new(() =>
    {
        var template = $"lms_template_{Environment.ProcessId}";
        using (var admin = new NpgsqlConnection(Server("postgres")))
        {
            admin.Open();
            Execute(admin, $"DROP DATABASE IF EXISTS \"{template}\" WITH (FORCE)");
            Execute(admin, $"CREATE DATABASE \"{template}\"");
        }
        // Unpooled: a template must have no connections left when databases are created from it.
        LmsDatabase.MigrateAsync(LmsDatabase.Options(DatabaseProvider.PostgreSQL, Server(template) + ";Pooling=false")).GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            using var admin = new NpgsqlConnection(Server("postgres"));
            admin.Open();
            Execute(admin, $"DROP DATABASE IF EXISTS \"{template}\" WITH (FORCE)");
        };
        return template;
    });

    private static string Server(string database) => new NpgsqlConnectionStringBuilder(
        Environment.GetEnvironmentVariable(ServerVariable) ?? throw new InvalidOperationException($"{ProviderVariable}=PostgreSQL needs {ServerVariable}, a connection string to a server (./lms test starts one)."))
    {
        Database = database,
    }.ToString();

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
