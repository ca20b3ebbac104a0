using Microsoft.Data.Sqlite;

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
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey })
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
