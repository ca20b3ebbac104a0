using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrainingLms.Data;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Web.Features.Account;
using TrainingLms.Web.Features.Localization;
using TrainingLms.Web.Features.Operations;
using TrainingLms.Web.Features.People;
using TrainingLms.Web.Features.ShiftReviews;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.Benchmarks;

/// <summary>
/// The app's own services (storage, identity, people) on a real SQLite file in a fresh temporary data folder, or on a
/// fresh PostgreSQL database (<see cref="BenchDatabase"/>), migrated and seeded the way the app starts, without the web server.
/// </summary>
public sealed class LmsHost : IAsyncDisposable
{
    public const string AdministratorNumber = "ADMIN1";
    public const string Password = "smile2026";

    private readonly IHost host;

    private readonly BenchDatabase database;

    private LmsHost(IHost host, string dataPath, BenchDatabase database)
    {
        this.host = host;
        DataPath = dataPath;
        this.database = database;
    }

    public string DataPath { get; }

    public string AdministratorId { get; private set; } = "";

    public IServiceProvider Services => host.Services;

    public static async Task<LmsHost> StartAsync(IEnumerable<Position> positions, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var lms = Build(BenchDatabase.Create(provider));
        try
        {
            await lms.host.StartAsync();
            await lms.SetUpAsync(positions);
            return lms;
        }
        catch
        {
            await lms.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The same company on PostgreSQL: <paramref name="source"/>'s SQLite database moved with the app's own
    /// <c>move-to-postgres</c> copy, ids and all, so a benchmark compares the two databases on the same rows.
    /// </summary>
    public static async Task<LmsHost> StartCopyOnPostgreSqlAsync(LmsHost source)
    {
        var lms = Build(BenchDatabase.Create(DatabaseProvider.PostgreSQL));
        try
        {
            await lms.host.StartAsync();
            await lms.host.Services.MigrateDatabaseAsync();
            await using (var from = await source.Services.GetRequiredService<IDbContextFactory<LmsDbContext>>().CreateDbContextAsync())
            await using (var to = await lms.Services.GetRequiredService<IDbContextFactory<LmsDbContext>>().CreateDbContextAsync())
            {
                await DatabaseCopy.CopyAsync(from, to);
                await to.Database.ExecuteSqlRawAsync("ANALYZE");
            }
            lms.AdministratorId = source.AdministratorId;
            return lms;
        }
        catch
        {
            await lms.DisposeAsync();
            throw;
        }
    }

    private static LmsHost Build(BenchDatabase database)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "traininglms-bench", Guid.NewGuid().ToString("N"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark" });
        builder.Configuration["Storage:DataPath"] = dataPath;
        foreach (var (key, value) in database.Settings) builder.Configuration[key] = value;
        // Warnings only: the app's per-command and lifetime logging would be measured and clutter the report.
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
        // The same registrations as Program.cs, in the same order, for what the benchmarks need.
        builder.AddStorage();
        builder.AddLmsLocalization();
        builder.AddAccount();
        builder.AddPeople();
        builder.AddShiftReviews();
        return new LmsHost(builder.Build(), dataPath, database);
    }

    private async Task SetUpAsync(IEnumerable<Position> positions)
    {
        await host.Services.MigrateDatabaseAsync();
        await host.Services.EnsureRolesAsync();

        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LmsDbContext>();
        db.Positions.AddRange(positions);
        await db.SaveChangesAsync();

        // An import is always made by a signed-in administrator, who is already in the database.
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var administrator = new Person { UserName = AdministratorNumber, FullName = "管理员", CreatedAtUtc = DateTime.UtcNow };
        Check(await users.CreateAsync(administrator, Password));
        Check(await users.AddToRoleAsync(administrator, Roles.Admin));
        AdministratorId = administrator.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        SqliteConnection.ClearAllPools();
        database.Dispose();
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Description}")));
    }
}
