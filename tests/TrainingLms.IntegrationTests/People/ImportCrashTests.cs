using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
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

    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "traininglms-tests", "import-kill-" + Guid.NewGuid().ToString("N"));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task App_KilledOnceTheFilesPeopleAreInTheDatabase_StartedAgain_NobodyOrEveryoneWithTheirCourse()
    {
        await using (var first = await AppProcess.StartAsync(dataPath, Settings))
        {
            var upload = await StartImportAsync(first);
            await WaitForAsync(async () => await ScalarAsync("SELECT COUNT(*) FROM AspNetUsers WHERE UserName LIKE 'P%'") > 0);
            await first.KillAsync();
            await upload.ContinueWith(_ => { }); // the request died with the app
        }
        Assert.True(await ScalarAsync("SELECT COUNT(*) FROM AspNetUsers WHERE UserName LIKE 'P%'") > 0);

        await using (await AppProcess.StartAsync(dataPath, Settings))
        {
            var (people, withCourse) = (await ImportedPeopleAsync(), await ImportedPeopleWithCourseAsync());
            Assert.True(people == 0 || (people == Rows && withCourse == Rows), $"{people} people of the file, {withCourse} of them active with their course");
            Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM ImportBatches WHERE Status IN (2, 3)"));
        }
    }

    [Fact]
    public async Task App_KilledWhileAnImportIsSwitchingItsPeopleOn_StartedAgain_EveryoneIsInWithTheirCourse()
    {
        await using (var first = await AppProcess.StartAsync(dataPath, Settings))
        {
            var upload = await StartImportAsync(first);
            // Committed (status 3), with people still staged: the switch is made, the people are being switched on.
            await WaitForAsync(async () => await ScalarAsync("SELECT COUNT(*) FROM ImportBatches WHERE Status = 3") > 0
                && await ScalarAsync("SELECT COUNT(*) FROM AspNetUsers WHERE StagedImportId IS NOT NULL") > 0);
            await first.KillAsync();
            await upload.ContinueWith(_ => { });
        }
        Assert.True(await ScalarAsync("SELECT COUNT(*) FROM AspNetUsers WHERE StagedImportId IS NOT NULL") > 0, "Everyone was switched on before the kill.");

        await using (await AppProcess.StartAsync(dataPath, Settings))
        {
            Assert.Equal((Rows, Rows), (await ImportedPeopleAsync(), await ImportedPeopleWithCourseAsync()));
            Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM AspNetUsers WHERE StagedImportId IS NOT NULL"));
            Assert.Equal(4, await ScalarAsync("SELECT Status FROM ImportBatches ORDER BY Id DESC LIMIT 1"));
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

    private Task<long> ImportedPeopleAsync() => ScalarAsync("SELECT COUNT(*) FROM AspNetUsers WHERE UserName LIKE 'P%'");

    private Task<long> ImportedPeopleWithCourseAsync() => ScalarAsync($"""
        SELECT COUNT(*) FROM AspNetUsers AS u WHERE u.UserName LIKE 'P%' AND u.IsActive = 1 AND EXISTS (
            SELECT 1 FROM CourseAssignments AS a JOIN Courses AS c ON c.Id = a.CourseId WHERE a.PersonId = u.Id AND c.Slug = '{ImportedCourse}')
        """);

    /// <summary>Reads the app's database file directly, as another process would.</summary>
    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataPath, "lms.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
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
