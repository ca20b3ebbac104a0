namespace TrainingLms.Web.Infrastructure;

/// <summary>
/// Keeps SQLite's query planner told how the data is spread (its <c>sqlite_stat1</c> table). Without that it guesses:
/// on the large company it counted each drill session's attempts through the index on
/// <c>DrillAttempts.CorrectsAttemptId</c>, null on nearly every row, instead of the one on <c>SessionId</c>, and read
/// every attempt once per session and count. SQLite's advice, followed here: <c>PRAGMA optimize</c> when the app opens
/// the database and from time to time after; with 0x10000 it looks at every table (not only those the pooled
/// connection it runs on happened to use) and analyses those never analysed or grown or shrunk much since, so it is
/// cheap while the data has not changed much. The start runs it (<see cref="Startup"/>), this service every hour after.
/// PostgreSQL's autovacuum keeps its statistics itself: nothing is done there but after a bulk load.
/// </summary>
public sealed class DatabaseStatistics(IDbContextFactory<LmsDbContext> dbFactory, IOptions<DatabaseOptions> database, ILogger<DatabaseStatistics> logger) : BackgroundService
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromHours(1);

    /// <param name="afterBulkLoad">Rows written in bulk just now: on PostgreSQL too, <c>ANALYZE</c> at once rather than when autovacuum comes to it.</param>
    public async Task RefreshAsync(bool afterBulkLoad = false, CancellationToken cancellationToken = default)
    {
        var sqlite = database.Value.Provider == DatabaseProvider.Sqlite;
        if (!sqlite && !afterBulkLoad) return;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(sqlite ? "PRAGMA optimize=0x10002;" : "ANALYZE;", cancellationToken);
    }

    /// <summary>At start: a refresh that fails (the database busy past its timeout) is logged, and never stops the app starting.</summary>
    public async Task RefreshAtStartAsync()
    {
        try
        {
            await RefreshAsync();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException)
        {
            logger.LogWarning(e, "Refreshing the database's statistics at start failed; the hourly refresh tries again");
        }
    }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Value.Provider != DatabaseProvider.Sqlite) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(RefreshEvery, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            try
            {
                await RefreshAsync(cancellationToken: stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Refreshing the database's statistics failed");
            }
        }
    }
}
