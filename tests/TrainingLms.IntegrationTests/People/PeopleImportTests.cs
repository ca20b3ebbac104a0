using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain.People.Import;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.People;

/// <summary>Uploads files through the administrator's import page, as a browser would.</summary>
public class PeopleImportTests : IAsyncLifetime
{
    private readonly LmsFactory factory = new();
    private HttpClient client = default!;

    public async ValueTask InitializeAsync()
    {
        client = await factory.AdministratorClientAsync();
    }

    public ValueTask DisposeAsync() => factory.DisposeAsync();

    [Fact]
    public async Task Import_500RowsWithOneBadRow_ImportsNothingAndNamesTheRow()
    {
        var rows = PeopleCsvFile.Rows(500);
        rows[316] = PeopleCsvFile.Row("P00317", "孙丽", "1390000031"); // ten digits: not a mobile number

        var (response, page) = await UploadAsync(PeopleCsvFile.Utf8WithBom(rows), createMissing: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("未导入任何数据", page);
        // Line 318 of the file: the header is line 1, so row 317 sits on line 318.
        Assert.Contains("<td data-label=\"行号\">318</td>", page);
        Assert.Contains("不是有效的手机号", page);
        Assert.Contains("1390000031", page);
        Assert.Equal(1, await PeopleCountAsync()); // only the administrator
        var batch = await LastBatchAsync();
        Assert.False(batch.Succeeded);
        Assert.Equal(1, batch.ProblemCount);
    }

    [Fact]
    public async Task Import_Gb18030FileWithChineseNames_ImportsTheNamesCorrectly()
    {
        var rows = new[]
        {
            PeopleCsvFile.Row("G001", "欧阳娜娜", "13900000001"),
            PeopleCsvFile.Row("G002", "䶮 龑", "13900000002"),      // characters outside GBK, only in GB18030
            PeopleCsvFile.Row("G003", "司马懿", "13900000003", team: "保洁一班", lineOfWork: "保洁"),
        };

        var (_, page) = await UploadAsync(PeopleCsvFile.Gb18030(rows), createMissing: true);

        Assert.Contains("导入完成", page);
        Assert.Equal("欧阳娜娜", (await factory.FindPersonAsync("G001"))!.FullName);
        Assert.Equal("䶮 龑", (await factory.FindPersonAsync("G002"))!.FullName);
        Assert.Equal("司马懿", (await factory.FindPersonAsync("G003"))!.FullName);
        Assert.Equal("GB18030", (await LastBatchAsync()).Encoding);
        var teams = await factory.WithScopeAsync(services =>
            services.GetRequiredService<LmsDbContext>().Teams.Select(team => team.Name).OrderBy(name => name).ToListAsync());
        Assert.Equal(["保洁一班", "客服一班"], teams);
    }

    [Fact]
    public async Task Import_SameFileTwice_SecondTimeChangesNothing()
    {
        var file = PeopleCsvFile.Utf8WithBom(PeopleCsvFile.Rows(40));
        await UploadAsync(file, createMissing: true);
        var first = await LastBatchAsync();
        var stampsBefore = await SecurityStampsAsync();

        await UploadAsync(file, createMissing: true);
        var second = await LastBatchAsync();

        Assert.Equal((true, 40, 0, 0), (first.Succeeded, first.Created, first.Updated, first.Unchanged));
        Assert.Equal((true, 0, 0, 40), (second.Succeeded, second.Created, second.Updated, second.Unchanged));
        Assert.Equal(41, await PeopleCountAsync());
        Assert.Equal(stampsBefore, await SecurityStampsAsync());
    }

    [Fact]
    public async Task Import_ChangedRow_UpdatesThatPersonOnly()
    {
        var rows = PeopleCsvFile.Rows(10);
        await UploadAsync(PeopleCsvFile.Utf8WithBom(rows), createMissing: true);
        rows[3] = PeopleCsvFile.Row("P00004", "改名字", "13700000004");

        await UploadAsync(PeopleCsvFile.Utf8WithBom(rows), createMissing: true);

        var batch = await LastBatchAsync();
        Assert.Equal((0, 1, 9), (batch.Created, batch.Updated, batch.Unchanged));
        var person = await factory.FindPersonAsync("P00004");
        Assert.Equal(("改名字", "13700000004"), (person!.FullName, person.PhoneNumber));
    }

    [Fact]
    public async Task Import_MoveToAnotherSiteWithoutATeam_LeavesTheOldTeam()
    {
        await UploadAsync(PeopleCsvFile.Utf8WithBom([PeopleCsvFile.Row("M001", "调动人", "13900000021")]), createMissing: true);

        await UploadAsync(PeopleCsvFile.Utf8WithBom([PeopleCsvFile.Row("M001", "调动人", "13900000021", site: "锦江商务中心", team: "", lineOfWork: "")]), createMissing: true);

        var person = await factory.FindPersonAsync("M001");
        var newSite = await factory.WithScopeAsync(services => services.GetRequiredService<LmsDbContext>().Sites.SingleAsync(s => s.Name == "锦江商务中心"));
        Assert.Equal((newSite.Id, (int?)null), (person!.SiteId!.Value, person.TeamId));
        Assert.Equal(1, (await LastBatchAsync()).Updated);
    }

    [Fact]
    public async Task Import_RolesInEnglishOrChinese_AreAllGranted()
    {
        var row = PeopleCsvFile.Row("R001", "多角色", "13900000031").Replace(",员工", ",Class leader、培训师");

        await UploadAsync(PeopleCsvFile.Utf8WithBom([row]), createMissing: true);

        var roles = await factory.WithScopeAsync(async services =>
            await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<TrainingLms.Data.Identity.Person>>()
                .GetRolesAsync((await factory.FindPersonAsync("R001"))!));
        Assert.Equal(["ClassLeader", "Employee", "Trainer"], roles.Order());
    }

    [Fact]
    public async Task Import_UnknownSiteWithoutCreateMissing_IsReportedAndNothingCreated()
    {
        var rows = new[] { PeopleCsvFile.Row("U001", "周杰", "13900000011", site: "不存在的项目") };

        var (_, page) = await UploadAsync(PeopleCsvFile.Utf8WithBom(rows), createMissing: false);

        Assert.Contains("项目不存在", page);
        Assert.Contains("不存在的项目", page);
        Assert.Null(await factory.FindPersonAsync("U001"));
        Assert.Equal(0, await factory.WithScopeAsync(services => services.GetRequiredService<LmsDbContext>().Sites.CountAsync()));
    }

    [Fact]
    public async Task Import_StrayQuote_ReportsThatRowAndImportsNothing()
    {
        var rows = PeopleCsvFile.Rows(6);
        rows[1] = "P00002,\"张三,13900000002,,翠湖花园,客服一班,客服,,2025-03-01,员工"; // the quote is never closed

        var (_, page) = await UploadAsync(PeopleCsvFile.Utf8WithBom(rows), createMissing: true);

        Assert.Contains("<td data-label=\"行号\">3</td>", page);
        Assert.Contains("引号不成对", page);
        Assert.Equal(1, await PeopleCountAsync());
        Assert.Equal(1, (await LastBatchAsync()).ProblemCount);
    }

    [Fact]
    public async Task Import_NotACsv_ReportsTheHeaderProblem()
    {
        var (response, page) = await UploadAsync("just some notes\r\nnothing else"u8.ToArray(), createMissing: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("表头缺少必填列", page);
        Assert.Equal(1, await PeopleCountAsync());
    }

    [Fact]
    public async Task Import_WhileAnotherImportIsWriting_IsRefusedAndImportsNothing()
    {
        await factory.WithDbAsync(db =>
        {
            db.ImportBatches.Add(new ImportBatch { FileName = "other.csv", Encoding = "UTF-8", Status = ImportStatus.Staging });
            return db.SaveChangesAsync();
        });

        var (response, page) = await UploadAsync(PeopleCsvFile.Utf8WithBom(PeopleCsvFile.Rows(5)), createMissing: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("另一个导入仍在进行中", page);
        Assert.Equal(1, await PeopleCountAsync());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Sites.CountAsync()));
    }

    [Fact]
    public async Task Import_CheckOnly_ValidatesWithoutSaving()
    {
        var (_, page) = await UploadAsync(PeopleCsvFile.Utf8WithBom(PeopleCsvFile.Rows(5)), createMissing: true, mode: "check");

        Assert.Contains("所有行均有效", page);
        Assert.Equal(1, await PeopleCountAsync());
    }

    private Task<(HttpResponseMessage Response, string Page)> UploadAsync(byte[] file, bool createMissing, string mode = "import") =>
        PeopleImportPage.UploadAsync(client, file, createMissing, mode);

    private Task<int> PeopleCountAsync() =>
        factory.WithScopeAsync(services => services.GetRequiredService<LmsDbContext>().Users.CountAsync());

    private Task<ImportBatch> LastBatchAsync() =>
        factory.WithScopeAsync(services => services.GetRequiredService<LmsDbContext>().ImportBatches.OrderByDescending(b => b.Id).FirstAsync());

    private Task<List<string?>> SecurityStampsAsync() =>
        factory.WithScopeAsync(services => services.GetRequiredService<LmsDbContext>().Users.OrderBy(p => p.Id).Select(p => p.SecurityStamp).ToListAsync());
}
