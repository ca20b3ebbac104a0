using System.Data.Common;
using Npgsql;

namespace TrainingLms.Data;

/// <summary>
/// How the app's PostgreSQL connections differ from a bare connection string's. A connection string that sets either
/// setting itself keeps its own.
/// <list type="bullet">
/// <item><b>The server's JIT compilation is off.</b> PostgreSQL compiles a statement to machine code once its estimated
/// cost passes <c>jit_above_cost</c>, and estimates are all it goes by: on the large company the overdue list's count
/// was estimated at some 400,000 (it reads 1,001 rows by an index) whenever the sites were on two different days, and
/// each request spent 15–20 ms compiling a statement that runs in 6. The app's statements read a page's rows, never a
/// scan long enough to gain from compiling. Set for each connection (the startup packet's options), so it needs no
/// right on the database.</item>
/// <item><b>Statements the app sends again and again are prepared</b> (<c>Max Auto Prepare</c>): after
/// <see cref="AutoPrepareMinUsages"/> uses on a connection Npgsql prepares a statement on the server, which from then
/// on skips parsing and planning it. Every page's statements are the same text with other parameters, and planning the
/// app's statements of several subqueries cost the server more than running them.</item>
/// </list>
/// </summary>
public static class PostgreSqlConnection
{
    public const string JitOff = "-c jit=off";

    /// <summary>
    /// Statements kept prepared per connection, the least used replaced first: the home pages' statements of every role
    /// and more. Each costs the app memory on each pooled connection (with 200, the app held some 60 MB more through
    /// the large company's crawl).
    /// </summary>
    public const int MaxAutoPrepare = 50;

    public const int AutoPrepareMinUsages = 5;

    public static string ForTheApp(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Npgsql's builder writes only the settings a connection string gave, under their canonical names.
        var given = new DbConnectionStringBuilder { ConnectionString = builder.ConnectionString };
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? JitOff : $"{builder.Options} {JitOff}";
        if (!given.ContainsKey("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
            builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        }
        return builder.ConnectionString;
    }
}
