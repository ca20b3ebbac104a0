using TrainingLms.Web.Features.Account;
using TrainingLms.Web.Features.Content;
using TrainingLms.Web.Features.Courses;
using TrainingLms.Web.Features.Drills.Records;
using TrainingLms.Web.Features.People;

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
        await services.MigrateDatabaseAsync();
        services.EnsureDataProtectionKey();
        // The chain is checked (and first written) before anything can sign a record.
        await services.StartRecordChainAsync();
        // An import a crash interrupted is finished or removed before anyone sees its people.
        await services.RepairPeopleImportsAsync();
        await services.EnsureRolesAsync();
        await services.SyncContentAsync();
        await services.CheckLessonClipsAsync();
    }
}
