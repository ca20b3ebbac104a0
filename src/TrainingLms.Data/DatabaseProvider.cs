namespace TrainingLms.Data;

/// <summary>Which database the LMS runs on (<c>Database:Provider</c>); the connection string is <c>ConnectionStrings:Lms</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>One file in the data folder: one machine, one app process.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: several app instances may share it.</summary>
    PostgreSQL,
}
