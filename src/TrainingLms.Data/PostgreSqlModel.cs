using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TrainingLms.Data;

/// <summary>
/// Where the one model is stored differently on PostgreSQL, so that the app behaves as it does on SQLite:
/// <list type="bullet">
/// <item>Text columns use the "C" collation: sorted by code point like SQLite's BINARY, whatever locale the database
/// was created with, and only ASCII letters fold in case-insensitive comparisons (as in SQLite's LIKE and NOCASE).</item>
/// <item>Text is <c>text</c>, lengths included: as on SQLite the app checks lengths, and a value it let through is
/// never refused by one provider alone.</item>
/// <item>SQLite's NOCASE columns (names that must be unique ignoring case) become <c>citext</c>: equality, unique
/// indexes and LIKE ignore case as NOCASE does. (PostgreSQL 15 cannot LIKE on a nondeterministic collation.)</item>
/// <item>Times: the codebase keeps UTC in <see cref="DateTime"/>s; SQLite stores their text and reads them back with
/// <see cref="DateTimeKind.Unspecified"/>. Here they are <c>timestamp with time zone</c>, written as UTC whatever
/// their kind says (Npgsql refuses Unspecified otherwise) and read back Unspecified, as from SQLite: the app sees the
/// same values on both. <see cref="DateOnly"/> is <c>date</c>.</item>
/// </list>
/// </summary>
internal static class PostgreSqlModel
{
    public const string ByteOrderCollation = "C";
    public const string CaseInsensitiveText = "citext";
    public const string Text = "text";

    /// <summary>SQLite's case-insensitive collation, as the configurations name it.</summary>
    private const string SqliteNoCase = "NOCASE";

    public static void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        conventions.Properties<string>().UseCollation(ByteOrderCollation);
        conventions.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        conventions.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        // Values with no column to take a mapping from (a constant compared with another, a projected parameter).
        conventions.DefaultTypeMapping<DateTime>().HasConversion<UtcDateTimeConverter>();
        conventions.DefaultTypeMapping<DateTimeOffset>().HasConversion<UtcDateTimeOffsetConverter>();
    }

    public static void Adapt(ModelBuilder model)
    {
        model.HasPostgresExtension(CaseInsensitiveText);
        foreach (var property in model.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()).Where(p => p.ClrType == typeof(string)))
        {
            if (property.GetCollation() == SqliteNoCase)
            {
                property.SetColumnType(CaseInsensitiveText);
                property.SetCollation(ByteOrderCollation);
            }
            else if (property.GetColumnType() is null) property.SetColumnType(Text);
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
        value => DateTime.SpecifyKind(value, DateTimeKind.Unspecified));

    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        value => value.ToUniversalTime(),
        value => value);
}
