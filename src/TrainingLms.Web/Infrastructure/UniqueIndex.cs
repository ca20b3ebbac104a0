using Microsoft.Data.Sqlite;
using Npgsql;

namespace TrainingLms.Web.Infrastructure;

/// <summary>
/// Saving rows a unique index may already hold — a double tap, a retry, a second device: the database keeps one,
/// and the other save learns it lost instead of failing the request.
/// </summary>
public static class UniqueIndex
{
    // Only a unique or primary key refusal means "already there"; a foreign key, NOT NULL or CHECK failure is a bug
    // and must not pass as a double tap.
    private const int SqliteConstraintPrimaryKey = 1555, SqliteConstraintUnique = 2067;

    /// <returns>False when a unique index refused the save; the context's pending changes are then dropped.</returns>
    public static async Task<bool> SaveOnceAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (IsViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Whether a save failed because a unique index (or the primary key) already holds the row, on either database.</summary>
    public static bool IsViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
