using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace TrainingLms.Web.Features.Operations;

/// <summary>One table's rows: read from the SQLite company, written to PostgreSQL.</summary>
public sealed record TableCopied(string Table, long Rows);

/// <summary>
/// Copies every table of the model from a SQLite database into a migrated, empty PostgreSQL database with binary
/// COPY, ids included. Tables, columns and conversions come from the EF model (SQLite's mapping reads a value back to
/// the model's type, PostgreSQL's stores it), so a table added to the model is copied without a change here.
/// </summary>
public static class DatabaseCopy
{
    /// <summary>
    /// Reads the source inside one transaction (a consistent snapshot, even while something writes to it) and writes
    /// the target inside one, so a failure leaves the target as empty as it was.
    /// </summary>
    public static async Task<List<TableCopied>> CopyAsync(LmsDbContext source, LmsDbContext target, CancellationToken cancellationToken = default)
    {
        var sourceTables = source.Model.GetRelationalModel().Tables.ToDictionary(t => t.Name);
        var targetTables = target.Model.GetRelationalModel().Tables.ToDictionary(t => t.Name);
        if (sourceTables.Keys.Except(targetTables.Keys).Concat(targetTables.Keys.Except(sourceTables.Keys)).FirstOrDefault() is { } unmatched)
            throw new InvalidOperationException($"The table {unmatched} is in one provider's model only.");

        var reading = (SqliteConnection)source.Database.GetDbConnection();
        await reading.OpenAsync(cancellationToken);
        await using var snapshot = reading.BeginTransaction(deferred: true);
        var writing = (NpgsqlConnection)target.Database.GetDbConnection();
        await writing.OpenAsync(cancellationToken);
        await using var transaction = await writing.BeginTransactionAsync(cancellationToken);

        var foreignKeys = await DropForeignKeysAsync(writing, cancellationToken);
        var copied = new List<TableCopied>();
        foreach (var table in targetTables.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
            copied.Add(new(table.Name, await CopyTableAsync(reading, sourceTables[table.Name], writing, table, cancellationToken)));
        await AddForeignKeysAsync(writing, foreignKeys, cancellationToken);
        await ResetIdentitiesAsync(writing, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return copied;
    }

    private static async Task<long> CopyTableAsync(SqliteConnection reading, ITable from, NpgsqlConnection writing, ITable to, CancellationToken cancellationToken)
    {
        var columns = to.Columns.Select(target => Column.For(from.FindColumn(target.Name)
            ?? throw new InvalidOperationException($"{to.Name}.{target.Name} is in PostgreSQL's model only."), target)).ToList();
        await using var select = reading.CreateCommand();
        select.CommandText = $"SELECT {string.Join(", ", columns.Select(c => Quote(c.Name)))} FROM {Quote(from.Name)}";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        await using var importer = await writing.BeginBinaryImportAsync(
            $"COPY {Quote(to.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].Value(reader, i) is { } value) await importer.WriteAsync(value, cancellationToken);
                else await importer.WriteNullAsync(cancellationToken);
            }
            rows++;
        }
        await importer.CompleteAsync(cancellationToken);
        return rows;
    }

    /// <summary>Ids were copied as they were: each identity column's next value follows the largest.</summary>
    private static async Task ResetIdentitiesAsync(NpgsqlConnection writing, CancellationToken cancellationToken)
    {
        var identities = new List<(string Table, string Column)>();
        await using (var find = new NpgsqlCommand(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'", writing))
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) identities.Add((reader.GetString(0), reader.GetString(1)));
        foreach (var (table, column) in identities)
        {
            await using var reset = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence(@table, @column), COALESCE(MAX({Quote(column)}), 0) + 1, false) FROM {Quote(table)}", writing)
            {
                Parameters = { new("table", Quote(table)), new("column", column) },
            };
            await reset.ExecuteScalarAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The foreign keys are dropped for the copy and added back after it, in the same transaction: the tables point at
    /// each other in cycles (a team's leader is a person, a person's team a team), and adding a key back checks
    /// every row in one pass, where a key kept in place would check each row as it came.
    /// </summary>
    private static async Task<List<(string Table, string Name, string Definition)>> DropForeignKeysAsync(NpgsqlConnection writing, CancellationToken cancellationToken)
    {
        var keys = new List<(string, string, string)>();
        await using (var find = new NpgsqlCommand(
            "SELECT conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid) FROM pg_constraint "
            + "WHERE contype = 'f' AND connamespace = current_schema()::regnamespace ORDER BY 1, 2", writing))
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) keys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        foreach (var (table, name, _) in keys) await ExecuteAsync(writing, $"ALTER TABLE {table} DROP CONSTRAINT {name}", cancellationToken);
        return keys;
    }

    private static async Task AddForeignKeysAsync(NpgsqlConnection writing, List<(string Table, string Name, string Definition)> keys, CancellationToken cancellationToken)
    {
        foreach (var (table, name, definition) in keys) await ExecuteAsync(writing, $"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}", cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>One column: how SQLite's value is read, and what PostgreSQL is given for it.</summary>
    private sealed class Column
    {
        private static readonly MethodInfo ReadMethod = typeof(Column).GetMethod(nameof(Read), BindingFlags.NonPublic | BindingFlags.Static)!;

        private Func<DbDataReader, int, object?> read = null!;
        private RelationalTypeMapping from = null!, to = null!;

        public string Name { get; private init; } = "";

        public static Column For(IColumn from, IColumn to)
        {
            var fromMapping = from.PropertyMappings[0].TypeMapping;
            var providerType = fromMapping.Converter?.ProviderClrType ?? fromMapping.ClrType;
            return new Column
            {
                Name = to.Name,
                from = fromMapping,
                to = to.PropertyMappings[0].TypeMapping,
                read = ReadMethod.MakeGenericMethod(Nullable.GetUnderlyingType(providerType) ?? providerType).CreateDelegate<Func<DbDataReader, int, object?>>(),
            };
        }

        public object? Value(DbDataReader reader, int ordinal)
        {
            if (reader.IsDBNull(ordinal)) return null;
            var stored = read(reader, ordinal);
            var model = from.Converter is { } fromConverter ? fromConverter.ConvertFromProvider(stored) : stored;
            var value = to.Converter is { } toConverter ? toConverter.ConvertToProvider(model) : model;
            return value is string text ? PostgreSqlText.WithoutNul(text) : value;
        }

        private static object? Read<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal);
    }
}
