using System.Diagnostics;
using Npgsql;
using TrainingLms.Web.Features.Drills.Records;

namespace TrainingLms.Web.Features.Operations;

/// <summary>
/// `move-to-postgres --to "Host=…;Database=…"`: copies the SQLite company of the data folder (as `./lms run` opens it)
/// into an empty PostgreSQL database, then checks the copy: equal row counts in every table, and the record chain
/// intact on the target. Exit codes: 0 moved and checked, 1 the check failed, 2 nothing could be done (no source,
/// unreachable target, bad arguments), 3 the target is not empty (left untouched). The data folder stays where it is:
/// the keys, the record chain's key and the clips serve the moved company as they served the old one.
/// </summary>
public static class MoveToPostgresCommand
{
    public const string Name = "move-to-postgres";
    public const int Moved = 0, CheckFailed = 1, CannotMove = 2, TargetNotEmpty = 3;

    public static bool IsRequested(string[] args) => args is [Name, ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        if (args is not [Name, "--to", { Length: > 0 } target])
        {
            await output.WriteLineAsync($"Usage: {Name} --to \"Host=…;Port=5432;Database=…;Username=…;Password=…\" (an empty PostgreSQL database)");
            return CannotMove;
        }
        if (DatabaseSetup.Provider(services) != DatabaseProvider.Sqlite)
        {
            await output.WriteLineAsync("Database:Provider is already PostgreSQL: the company to move is a SQLite one (unset Database__Provider and ConnectionStrings__Lms).");
            return CannotMove;
        }
        var sourceConnection = DatabaseSetup.ConnectionString(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IOptions<StorageOptions>>().Value);
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(sourceConnection).DataSource;
        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"No database at {file}: nothing to move.");
            return CannotMove;
        }
        if ((await services.GetRequiredService<DatabaseMigrations>().PendingAsync()).Count > 0)
        {
            await output.WriteLineAsync("The SQLite database has migrations the app has not applied yet: start the app once on it, stop it, then move.");
            return CannotMove;
        }
        NpgsqlConnectionStringBuilder targetBuilder;
        try
        {
            targetBuilder = new NpgsqlConnectionStringBuilder(target);
        }
        catch (ArgumentException e)
        {
            await output.WriteLineAsync($"--to is not a PostgreSQL connection string: {e.Message}");
            return CannotMove;
        }
        var where = $"{targetBuilder.Database} on {targetBuilder.Host}:{targetBuilder.Port}";

        try
        {
            if (await TargetContentAsync(target) is { } table)
            {
                await output.WriteLineAsync($"Refused: the target database {where} is not empty (the table {table} holds rows). Nothing was changed; move into a new, empty database (CREATE DATABASE …).");
                return TargetNotEmpty;
            }
        }
        catch (NpgsqlException e)
        {
            await output.WriteLineAsync($"The target database {where} cannot be reached: {e.Message}");
            return CannotMove;
        }

        var clock = Stopwatch.StartNew();
        var targetOptions = LmsDatabase.Options(DatabaseProvider.PostgreSQL, target);
        await output.WriteLineAsync($"Moving {file} to {where}: migrating the target…");
        List<TableCopied> copied;
        try
        {
            await LmsDatabase.MigrateAsync(targetOptions);
            await using var source = new LmsDbContext(LmsDatabase.Options(DatabaseProvider.Sqlite, sourceConnection));
            await using var destination = new LmsDbContext(targetOptions);
            copied = await DatabaseCopy.CopyAsync(source, destination);
        }
        catch (Exception e) when (e is NpgsqlException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or NotSupportedException)
        {
            // The copy is one transaction: the target holds no rows (at most the schema), so the move can be run again.
            await output.WriteLineAsync($"The move failed, no rows were copied: {e.Message}");
            return CannotMove;
        }
        await output.WriteLineAsync($"Copied {copied.Sum(t => t.Rows)} rows of {copied.Count} tables in {clock.Elapsed.TotalSeconds:0.0} s. Checking…");

        var ok = true;
        await using (var destination = new LmsDbContext(targetOptions))
        {
            foreach (var table in copied)
            {
                var count = await CountAsync(destination, table.Table);
                if (count == table.Rows) continue;
                ok = false;
                await output.WriteLineAsync($"  {table.Table}: {table.Rows} rows in SQLite, {count} in PostgreSQL");
            }
        }
        await output.WriteLineAsync(ok ? "Row counts: equal in every table." : "Row counts: DIFFERENT (above).");

        var key = services.GetRequiredService<RecordChainKey>();
        await using var scope = services.CreateAsyncScope();
        var before = await scope.ServiceProvider.GetRequiredService<RecordChainVerifier>().VerifyAsync();
        var after = await new RecordChainVerifier(new ContextFactory(targetOptions), key).VerifyAsync();
        if (!after.KeyFound)
        {
            await output.WriteLineAsync($"Record chain: the key {after.KeyPath} is missing, the signed records cannot be checked ({after.Records} records, {after.Links} links copied).");
            ok = false;
        }
        else if (after.IsIntact && after.Links == before.Links && after.Records == before.Records && after.Head?.Mac == before.Head?.Mac)
            await output.WriteLineAsync($"Record chain: intact on PostgreSQL, {after.Links} links, {after.Records} signed records, head MAC {after.Head?.Mac ?? "(none)"}.");
        else
        {
            ok = false;
            await output.WriteLineAsync($"Record chain: {(before.IsIntact ? "intact in SQLite" : "already broken in SQLite")}, {(after.IsIntact ? "intact" : $"BROKEN ({after.Breaks.Count} problems)")} on PostgreSQL; links {before.Links} → {after.Links}, records {before.Records} → {after.Records}.");
        }
        if (!ok) return CheckFailed;

        await output.WriteLineAsync($"Moved in {clock.Elapsed.TotalSeconds:0.0} s. Start the app on PostgreSQL with the same data folder (keys, record-chain.key and clips stay there):");
        await output.WriteLineAsync("  Database__Provider=PostgreSQL ConnectionStrings__Lms=\"<the connection string>\"");
        return Moved;
    }

    /// <summary>The first table of the target that holds a row (its migrations history aside), or null when it is empty.</summary>
    private static async Task<string?> TargetContentAsync(string target)
    {
        await using var connection = new NpgsqlConnection(target);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables "
            + "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_name <> '__EFMigrationsHistory' ORDER BY 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        foreach (var table in tables)
        {
            await using var any = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {table})", connection);
            if (await any.ExecuteScalarAsync() is true) return table;
        }
        return null;
    }

    private static async Task<long> CountAsync(LmsDbContext db, string table)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM {DatabaseCopy.Quote(table)}";
        return Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private sealed class ContextFactory(DbContextOptions<LmsDbContext> options) : IDbContextFactory<LmsDbContext>
    {
        public LmsDbContext CreateDbContext() => new(options);
    }
}
