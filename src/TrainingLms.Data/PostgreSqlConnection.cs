using Npgsql;

namespace TrainingLms.Data;

/// <summary>
/// The app's PostgreSQL connections run with the server's JIT compilation off. PostgreSQL compiles a statement to
/// machine code once its estimated cost passes <c>jit_above_cost</c>, and estimates are all it goes by: on the large
/// company the overdue list's count was estimated at some 400,000 (it reads 1,001 rows by an index) whenever the sites
/// were on two different days, and each request spent 15–20 ms compiling a statement that runs in 6. The app's
/// statements read a page's rows, never a scan long enough to gain from compiling. Set for each connection (the
/// startup packet's options), so it needs no right on the database; a connection string that sets jit itself keeps it.
/// </summary>
public static class PostgreSqlConnection
{
    public const string JitOff = "-c jit=off";

    public static string WithoutJit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) == true) return connectionString;
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? JitOff : $"{builder.Options} {JitOff}";
        return builder.ConnectionString;
    }
}
