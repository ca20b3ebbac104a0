using TrainingLms.Web.Features.Account;
using TrainingLms.Web.Features.Content;
using TrainingLms.Web.Features.Courses;
using TrainingLms.Web.Features.Drills.Records;
using TrainingLms.Web.Features.People;
using TrainingLms.Web.Infrastructure;
using TrainingLms.Web.Infrastructure.Hosting;

namespace TrainingLms.Web;

/// <summary>
/// What every start does before the app serves a request, in the order each step needs the one before. Instances
/// sharing one PostgreSQL database run it one at a time, under the <see cref="StartupLock"/>.
/// </summary>
public static class Startup
{
    public static async Task PrepareAsync(this IServiceProvider services)
    {
        services.SecureDataFolder();
        if (!services.HostingRole().ServesPages)
        {
            // A worker needs the database and the clips, nothing the pages prepare; migrating is left to the web
            // instances, so that workers of several versions never race one another or a web instance at it.
            await services.WaitForMigratedDatabaseAsync();
            return;
        }
        await services.MigrateDatabaseAsync();
        services.EnsureDataProtectionKey();
        // The chain is checked (and first written) before anything can sign a record.
        await services.StartRecordChainAsync();
        // An import a crash interrupted is finished or removed before anyone sees its people.
        await services.RepairPeopleImportsAsync();
        await services.EnsureRolesAsync();
        await services.SyncContentAsync();
        await services.CheckLessonClipsAsync();
        // SQLite's query planner told of what changed since the last start (PRAGMA optimize); hourly after that.
        await services.GetRequiredService<DatabaseStatistics>().RefreshAtStartAsync();
    }
}
