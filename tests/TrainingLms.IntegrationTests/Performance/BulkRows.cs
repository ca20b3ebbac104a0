using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using TrainingLms.Data;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.IntegrationTests.Performance;

/// <summary>
/// Writes many new rows of one entity type, stored as a save would store them (tables, columns and conversions from
/// the EF model, as <see cref="BulkInsert{T}"/> has them): on SQLite through <see cref="BulkInsert{T}"/> itself; on
/// PostgreSQL through binary COPY, each value sent as its column's store type — the import's batch of single-row
/// INSERTs costs some 100 µs a row there, too slow for two hundred thousand reviews. The save interceptors do not see
/// these rows.
/// </summary>
internal static class BulkRows
{
    public static async Task InsertAsync<T>(LmsDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0) return;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql()) await CopyAsync(db, rows, cancellationToken);
        else
        {
            await using var insert = await BulkInsert<T>.PrepareAsync(db, cancellationToken);
            foreach (var row in rows) await insert.InsertAsync(row, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task CopyAsync<T>(LmsDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        // What BulkInsert writes: a key the database generates is left to it; other generated or shadow values are refused.
        var properties = entityType.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd)).ToList();
        if (properties.FirstOrDefault(p => p.IsShadowProperty() || p.ValueGenerated != ValueGenerated.Never) is { } unsupported)
            throw new NotSupportedException($"{typeof(T).Name}.{unsupported.Name} is generated or a shadow property.");
        var columns = properties.Select(p => (Getter: p.GetGetter(), Mapping: p.GetRelationalTypeMapping())).ToList();

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var copy = $"COPY \"{table.Name}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var (getter, mapping) in columns)
            {
                var value = getter.GetClrValueUsingContainingEntity(row);
                var stored = value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value;
                if (stored is null) await importer.WriteNullAsync(cancellationToken);
                else await importer.WriteAsync(stored, mapping.StoreType, cancellationToken);
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }
}
