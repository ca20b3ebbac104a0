using System.Globalization;
namespace TrainingLms.Web.Features.Drills.Records;

/// <summary>
/// `verify-records`: checks the record chain and exits, before any web host starts — 0 when it holds, 1 when it is
/// broken, 2 when it cannot be checked (no database, migrations not applied yet, no key). It only reads.
/// </summary>
public static class VerifyRecordsCommand
{
    public const string Name = "verify-records";

    public static bool IsRequested(string[] args) => args is [Name, ..];

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        await using var scope = services.CreateAsyncScope();
        var localizer = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LmsDbContext>>().CreateDbContextAsync())
        {
            if (db.Database.IsSqlite() && new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource is var file && !File.Exists(file))
            {
                await output.WriteLineAsync($"No database at {file}: nothing to verify.");
                return 2;
            }
            if (!await db.Database.CanConnectAsync())
            {
                await output.WriteLineAsync("The database cannot be reached (ConnectionStrings:Lms): nothing verified.");
                return 2;
            }
            if ((await scope.ServiceProvider.GetRequiredService<DatabaseMigrations>().PendingAsync()).Count > 0)
            {
                await output.WriteLineAsync("The database has migrations the app has not applied yet: start the app once, then verify.");
                return 2;
            }
        }

        var report = await scope.ServiceProvider.GetRequiredService<RecordChainVerifier>().VerifyAsync();
        await output.WriteLineAsync($"Record chain: {report.Links} links; {report.Records} signed records (drill results, annulments, certificates).");
        if (!report.KeyFound)
        {
            await output.WriteLineAsync($"The key {report.KeyPath} is missing: the chain cannot be verified. Restore it from the backup of the data folder.");
            return 2;
        }
        if (report.Head is { } head)
            await output.WriteLineAsync($"Head: link {head.Sequence}, appended {head.AppendedAtUtc:yyyy-MM-dd HH:mm:ss} UTC, MAC {head.Mac}");
        if (report.IsIntact)
        {
            await output.WriteLineAsync("Intact: every signed record is in the chain and unchanged.");
            return 0;
        }
        await output.WriteLineAsync($"BROKEN, {report.Breaks.Count} problem(s). First: {RecordChainText.Describe(localizer, report.Breaks[0])}");
        foreach (var chainBreak in report.Breaks) await output.WriteLineAsync("  - " + RecordChainText.Describe(localizer, chainBreak));
        return 1;
    }
}
