using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace TrainingLms.IntegrationTests.Infrastructure;

/// <summary>
/// Counts the SQL statements each HTTP request sends, for the page-cost budget (tests and the benchmarks only, never
/// the app). A request's count is its own: work of background services, and of other requests running at the same
/// time, is not in it (the count travels with the request's async flow).
/// </summary>
public sealed class SqlStatementCounter : DbCommandInterceptor, IStartupFilter
{
    private static readonly AsyncLocal<ConcurrentQueue<string>?> CurrentRequest = new();

    private readonly ConcurrentQueue<CountedRequest> requests = new();

    public sealed record CountedRequest(string Method, string PathAndQuery, int StatusCode, IReadOnlyList<string> Commands)
    {
        public int Statements => Commands.Count;
    }

    /// <summary>Every counted request since the last <see cref="Clear"/>, in the order they ended.</summary>
    public IReadOnlyList<CountedRequest> Requests => [.. requests];

    public void Clear() => requests.Clear();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var commands = new ConcurrentQueue<string>();
            CurrentRequest.Value = commands;
            try
            {
                await nextMiddleware(context);
            }
            finally
            {
                CurrentRequest.Value = null;
                requests.Enqueue(new CountedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, context.Response.StatusCode, [.. commands]));
            }
        });
        next(app);
    };

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Counted(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Counted(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Counted(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(command, result));

    private static T Counted<T>(DbCommand command, T result)
    {
        CurrentRequest.Value?.Enqueue(command.CommandText);
        return result;
    }
}

public static class SqlStatementCounting
{
    /// <summary>Counts the statements of every request of this app (<see cref="SqlStatementCounter"/>).</summary>
    public static IServiceCollection AddSqlStatementCounter(this IServiceCollection services, SqlStatementCounter counter) =>
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(counter).AddSingleton<IStartupFilter>(counter);
}
