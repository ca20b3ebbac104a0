using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.People.Import;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.People;
using TrainingLms.Web.Features.People.Import;

namespace TrainingLms.IntegrationTests.People;

/// <summary>The people list's CSV export: what the list's filters show, in the columns the people import reads back.</summary>
public class PeopleExportTests : IAsyncLifetime
{
    private const string File = """
        工号,姓名,手机,邮箱,项目,班组,条线,岗位,入职日期,角色,外包单位
        X001,王芳,13900000001,wangfang@example.com,翠湖花园,客服一班,客服,,2025-03-01,员工、班长,
        X002,李伟,13900000002,,翠湖花园,外包保洁班,保洁,,2024-11-15,员工,洁美保洁服务有限公司
        X003,"张敏, 小张",13900000003,,锦绣园,安防一班,安防,,,员工,
        X004,赵磊,13900000004,,锦绣园,安防一班,安防,,2023-06-30,员工,
        """;

    private readonly LmsFactory factory = new();
    private HttpClient admin = default!;

    public async ValueTask InitializeAsync()
    {
        admin = await factory.AdministratorClientAsync();
        var imported = await UploadAsync(Encoding.UTF8.GetBytes(File.Replace("\n", "\r\n")));
        Assert.Contains("导入完成", imported);
        var leaver = (await factory.FindPersonAsync("X004"))!.Id;
        await factory.WithScopeAsync(services => services.GetRequiredService<PeopleAdministration>().SetActiveAsync(leaver, active: false));
    }

    public ValueTask DisposeAsync() => factory.DisposeAsync();

    [Fact]
    public async Task Export_HasTheImportsColumns_AndImportingItAgainChangesNothing()
    {
        var response = await admin.GetAsync("/admin/people/export.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var read = PeopleCsv.Read(bytes);
        Assert.Empty(read.Issues);
        Assert.Equal(["ADMIN1", "X001", "X002", "X003"], read.Rows.Select(r => r.EmployeeNumber)); // the active ones, as the list shows by default
        var first = read.Rows[1];
        Assert.Equal(("王芳", "13900000001", "wangfang@example.com", "翠湖花园", "客服一班", "客服", "2025-03-01"),
            (first.FullName, first.Phone, first.Email, first.Site, first.Team, first.LineOfWork, first.HireDate));
        Assert.Equal("班长、员工", first.Roles);
        Assert.Equal("洁美保洁服务有限公司", read.Rows[2].Contractor);
        Assert.Equal("张敏, 小张", read.Rows[3].FullName);
        Assert.EndsWith(",在用", Encoding.UTF8.GetString(bytes).Split("\r\n")[1]);

        // The import makes everyone it reads an employee; the test's administrator is none, so the staff go back in.
        Assert.Contains("导入完成", await UploadAsync(await admin.GetByteArrayAsync("/admin/people/export.csv?role=Employee")));
        var again = await factory.WithDbAsync(db => db.ImportBatches.OrderByDescending(b => b.Id).FirstAsync());
        Assert.Equal((true, 0, 0, 3), (again.Succeeded, again.Created, again.Updated, again.Unchanged));
    }

    [Theory]
    [InlineData("?status=inactive", "X004")]
    [InlineData("?status=all&siteId={jinxiu}", "X003,X004")]
    [InlineData("?contractor={jiemei}", "X002")]
    [InlineData("?contractor=own&role=ClassLeader", "X001")]
    [InlineData("?q=张敏", "X003")]
    public async Task Export_FollowsTheListsFilters(string query, string numbers)
    {
        var (jinxiu, jiemei) = await factory.WithDbAsync(async db => (
            await db.Sites.Where(s => s.Name == "锦绣园").Select(s => s.Id).SingleAsync(),
            await db.ContractorCompanies.Select(c => c.Id).SingleAsync()));
        query = query.Replace("{jinxiu}", jinxiu.ToString()).Replace("{jiemei}", jiemei.ToString());

        var listed = PeopleCsv.Read(await admin.GetByteArrayAsync("/admin/people/export.csv" + query)).Rows.Select(r => r.EmployeeNumber);
        var page = await admin.GetStringAsync("/admin/people" + query);

        Assert.Equal(numbers.Split(','), listed);
        Assert.Contains("/admin/people/export.csv?", page);
        foreach (var number in numbers.Split(',')) Assert.Contains($">{number}<", page);
    }

    [Fact]
    public async Task Export_OnlyForAdministrators_AndHostileFiltersAreNoError()
    {
        await factory.CreatePersonAsync("XM01", [Roles.Manager, Roles.Trainer]);
        var manager = await factory.SignedInAsync("XM01");
        var anonymous = factory.CreateSessionClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/admin/people/export.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/admin/people/export.csv")).StatusCode);
        foreach (var hostile in new[] { "?siteId=abc&teamId=-1", "?contractor=%00", "?role=%3Cscript%3E&status=%27", "?q=%25_%5C&contractor=99999999999999" })
        {
            var response = await admin.GetAsync("/admin/people/export.csv" + hostile);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(PeopleCsv.Read(await response.Content.ReadAsByteArrayAsync()).Issues);
        }
    }

    private async Task<string> UploadAsync(byte[] file) => (await PeopleImportPage.UploadAsync(admin, file, createMissing: true)).Page;
}
