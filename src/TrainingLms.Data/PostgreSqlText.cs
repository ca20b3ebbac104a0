using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TrainingLms.Data;

/// <summary>
/// PostgreSQL's text cannot hold U+0000, which SQLite stores like any other character: a NUL in a value the app
/// sends (a hostile query string, a pasted name, an imported file) would fail the whole statement there. On
/// PostgreSQL every NUL in a text parameter becomes U+FFFD, the replacement character: stored text keeps a visible
/// mark where it was, and a value looked up with one matches nothing it should not.
/// </summary>
public static class PostgreSqlText
{
    public const char Replacement = '\uFFFD';

    public static string WithoutNul(string value) => value.Contains('\0') ? value.Replace('\0', Replacement) : value;

    /// <summary>Cleans the parameters of every command EF sends; a command made by hand calls <see cref="WithoutNul"/>.</summary>
    internal static readonly IInterceptor Parameters = new NulParameters();

    private sealed class NulParameters : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            Clean(command, result);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Clean(command, result));

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
            Clean(command, result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Clean(command, result));

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
            Clean(command, result);

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Clean(command, result));

        private static T Clean<T>(DbCommand command, T result)
        {
            foreach (DbParameter parameter in command.Parameters)
                if (parameter.Value is string text) parameter.Value = WithoutNul(text);
            return result;
        }
    }
}
