using TrainingLms.Data;

namespace TrainingLms.Web.Infrastructure;

/// <summary>Which database the LMS uses; its connection string is <c>ConnectionStrings:Lms</c> (optional for SQLite).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
