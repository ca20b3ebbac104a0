using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using TrainingLms.Data;

namespace TrainingLms.Web.Infrastructure;

/// <summary>
/// Inserts new rows of one entity type with one prepared statement, inside the caller's transaction. For writes that
/// must hold SQLite's write lock only briefly (the people import): EF's change tracker spends far longer per row than
/// SQLite does. Tables, columns and conversions come from the EF model, so a row is stored exactly as a save would
/// store it. The save interceptors do not see these rows: the caller counts the change where a cache depends on it
/// (<c>LearningChanges</c>).
/// On SQLite each row is written as it comes (the database is in the process). On PostgreSQL a row per round trip
/// cost more than the row itself, so rows wait for <see cref="FlushAsync"/>, which sends them in one batch: the caller
/// flushes before it commits, parents before the rows that refer to them.
/// </summary>
public sealed class BulkInsert<T> : IAsyncDisposable where T : class
{
    private readonly DbCommand command;
    private readonly List<(IClrPropertyGetter Getter, RelationalTypeMapping Mapping, DbParameter Parameter)> columns;
    private readonly bool postgres;
    private readonly List<object[]> pending = [];

    private BulkInsert(DbCommand command, List<(IClrPropertyGetter, RelationalTypeMapping, DbParameter)> columns, bool postgres)
    {
        this.command = command;
        this.columns = columns;
        this.postgres = postgres;
    }

    public static async Task<BulkInsert<T>> PrepareAsync(DbContext db, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs inside the caller's transaction.");
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        // A key the database generates is left to it; any other generated or shadow value would be stored wrong, so it is refused.
        var properties = entityType.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd)).ToList();
        if (properties.FirstOrDefault(p => p.IsShadowProperty() || p.ValueGenerated != ValueGenerated.Never) is { } unsupported)
            throw new NotSupportedException($"{typeof(T).Name}.{unsupported.Name} is generated or a shadow property.");

        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var columns = properties.Select((property, i) =>
        {
            var mapping = property.GetRelationalTypeMapping();
            var parameter = mapping.CreateParameter(command, $"@p{i}", null, property.IsNullable);
            command.Parameters.Add(parameter);
            return (property.GetGetter(), mapping, parameter);
        }).ToList();
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""))}) "
            + $"VALUES ({string.Join(", ", columns.Select(c => c.parameter.ParameterName))})";
        await command.PrepareAsync(cancellationToken);
        // The command is made by hand, past EF's interceptors: on PostgreSQL it cleans its own text (PostgreSqlText).
        return new BulkInsert<T>(command, columns, db.Database.IsNpgsql());
    }

    public async Task InsertAsync(T row, CancellationToken cancellationToken)
    {
        var values = columns.Select(column =>
        {
            var value = column.Getter.GetClrValueUsingContainingEntity(row);
            var stored = value is null ? null : column.Mapping.Converter?.ConvertToProvider(value) ?? value;
            return (postgres && stored is string text ? PostgreSqlText.WithoutNul(text) : stored) ?? DBNull.Value;
        }).ToArray();
        if (postgres)
        {
            pending.Add(values);
            return;
        }
        for (var i = 0; i < values.Length; i++) columns[i].Parameter.Value = values[i];
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sends the rows not yet written (PostgreSQL) in one round trip; on SQLite they are written already.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (pending.Count == 0) return;
        await using var batch = ((NpgsqlConnection)command.Connection!).CreateBatch();
        batch.Transaction = (NpgsqlTransaction?)command.Transaction;
        foreach (var values in pending)
        {
            var insert = new NpgsqlBatchCommand(command.CommandText);
            for (var i = 0; i < values.Length; i++)
            {
                // Made as the statement's own are (types from the model), then given the value converted already.
                var parameter = columns[i].Mapping.CreateParameter(command, columns[i].Parameter.ParameterName, null, nullable: true);
                parameter.Value = values[i];
                insert.Parameters.Add(parameter);
            }
            batch.BatchCommands.Add(insert);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        pending.Clear();
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();
}
