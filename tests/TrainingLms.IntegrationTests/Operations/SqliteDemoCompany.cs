using Microsoft.Data.Sqlite;
using TrainingLms.Data;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Operations;

namespace TrainingLms.IntegrationTests.Operations;

/// <summary>
/// The demo company as the app seeds it on SQLite (whichever database the test run uses), made once for a class:
/// each test works on a copy of its data folder.
/// </summary>
public sealed class SqliteDemoCompany : IAsyncLifetime
{
    public static readonly Dictionary<string, string> DemoSettings = new()
    {
        ["Demo:Enabled"] = "true", ["Demo:Password"] = LmsFactory.Password, ["Demo:Clips"] = "false",
    };

    private readonly string folder = NewFolder("demo");

    public async ValueTask InitializeAsync()
    {
        await using var app = await AppProcess.StartAsync(new TestDatabase(folder, DatabaseProvider.Sqlite), DemoSettings);
        await app.KillAsync();
    }

    /// <summary>A copy of the company in a new data folder: the database (a consistent copy), its keys and the chain's key.</summary>
    public async Task<string> CopyAsync(string purpose)
    {
        var copy = NewFolder(purpose);
        Directory.CreateDirectory(Path.Combine(copy, "keys"));
        await BackupCommand.SnapshotAsync(Path.Combine(folder, "lms.db"), Path.Combine(copy, "lms.db"));
        foreach (var key in Directory.GetFiles(Path.Combine(folder, "keys"))) File.Copy(key, Path.Combine(copy, "keys", Path.GetFileName(key)));
        File.Copy(Path.Combine(folder, "record-chain.key"), Path.Combine(copy, "record-chain.key"));
        return copy;
    }

    public static string NewFolder(string purpose) => Path.Combine(Path.GetTempPath(), "traininglms-tests", $"{purpose}-{Guid.NewGuid():N}");

    public static void Delete(string folder)
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public ValueTask DisposeAsync()
    {
        Delete(folder);
        return ValueTask.CompletedTask;
    }
}
