using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Data;
using TrainingLms.Domain.People.Import;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.People;

/// <summary>
/// The app killed outright (SIGKILL) in the middle of a people import and started again on the same data folder:
/// afterwards nobody from the file is there, or everyone is, with their courses.
/// </summary>
public class ImportCrashTests : IAsyncLifetime
{
    private const int Rows = 10_000;
    private const string ImportedCourse = "first-inquiry-responsibility"; // every Employee's course

    // Small batches: each step of the import is short, so the states the tests wait for last a while.
    private static readonly Dictionary<string, string> Settings = new() { ["PeopleImport:BatchSize"] = "50" };

    private readonly TestDatabase database = new(Path.Combine(Path.GetTempPath(), "traininglms-tests", "import-kill-" + Guid.NewGuid().ToString("N")));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        database.Drop();
        try { Directory.Delete(database.DataPath, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task App_KilledOnceTheFilesPeopleAreInTheDatabase_StartedAgain_NobodyOrEveryoneWithTheirCourse()
    {
        await using (var first = await AppProcess.StartAsync(database, Settings))
        {
            var upload = await StartImportAsync(first);
            await WaitForAsync(async () => await ImportedPeopleAsync() > 0);
            await first.KillAsync();
            await upload.ContinueWith(_ => { }); // the request died with the app
        }
        Assert.True(await ImportedPeopleAsync() > 0);

        await using (await AppProcess.StartAsync(database, Settings))
        {
            var (people, withCourse) = (await ImportedPeopleAsync(), await ImportedPeopleWithCourseAsync());
            Assert.True(people == 0 || (people == Rows && withCourse == Rows), $"{people} people of the file, {withCourse} of them active with their course");
            Assert.Equal(0, await QueryAsync(db => db.ImportBatches.CountAsync(b => b.Status == ImportStatus.Staging || b.Status == ImportStatus.Committed)));
        }
    }

    [Fact]
    public async Task App_KilledWhileAnImportIsSwitchingItsPeopleOn_StartedAgain_EveryoneIsInWithTheirCourse()
    {
        await using (var first = await AppProcess.StartAsync(database, Settings))
        {
            var upload = await StartImportAsync(first);
            // Committed, with people still staged: the switch is made, the people are being switched on.
            await WaitForAsync(async () => await QueryAsync(db => db.ImportBatches.AnyAsync(b => b.Status == ImportStatus.Committed)) && await StagedPeopleAsync() > 0);
            await first.KillAsync();
            await upload.ContinueWith(_ => { });
        }
        Assert.True(await StagedPeopleAsync() > 0, "Everyone was switched on before the kill.");

        await using (await AppProcess.StartAsync(database, Settings))
        {
            Assert.Equal((Rows, Rows), (await ImportedPeopleAsync(), await ImportedPeopleWithCourseAsync()));
            Assert.Equal(0, await StagedPeopleAsync());
            Assert.Equal(ImportStatus.Completed, await QueryAsync(db => db.ImportBatches.OrderByDescending(b => b.Id).Select(b => b.Status).FirstAsync()));
        }
    }

    /// <summary>Sets the company up, signs the administrator in and starts uploading the file; the answer comes when the import ends.</summary>
    private static async Task<Task> StartImportAsync(AppProcess app)
    {
        var admin = app.CreateClient();
        admin.Timeout = TimeSpan.FromMinutes(10);
        await admin.PostFormAsync("/setup", "setup", new()
        {
            ["Input.CompanyName"] = "锦绣物业", ["Input.EmployeeNumber"] = "A1", ["Input.FullName"] = "管理员",
            ["Input.Password"] = LmsFactory.Password, ["Input.ConfirmPassword"] = LmsFactory.Password,
        });
        await admin.SignInAsync("A1");
        var file = new ByteArrayContent(PeopleCsvFile.Utf8WithBom(PeopleCsvFile.Rows(Rows)));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return admin.PostFormAsync("/admin/people/import", "import", new()
        {
            ["Input.InitialPassword"] = "welcome2026",
            ["Input.Mode"] = "import",
            ["Input.CreateMissing"] = "true",
        }, file);
    }

    private Task<int> ImportedPeopleAsync() => QueryAsync(db => db.Users.CountAsync(u => u.UserName!.StartsWith("P")));

    private Task<int> ImportedPeopleWithCourseAsync() => QueryAsync(db => db.Users.CountAsync(u => u.UserName!.StartsWith("P") && u.IsActive
        && db.CourseAssignments.Any(a => a.PersonId == u.Id && a.Course!.Slug == ImportedCourse)));

    private Task<int> StagedPeopleAsync() => QueryAsync(db => db.Users.CountAsync(u => u.StagedImportId != null));

    /// <summary>Reads the app's database directly, as another process would.</summary>
    private async Task<T> QueryAsync<T>(Func<LmsDbContext, Task<T>> query)
    {
        await using var db = database.Open();
        return await query(db);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddMinutes(3);
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The import never reached the state waited for.");
            await Task.Delay(20);
        }
    }
}
