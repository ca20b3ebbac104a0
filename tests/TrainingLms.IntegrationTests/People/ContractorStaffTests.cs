using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.People.Import;
using TrainingLms.IntegrationTests.Courses;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.People;
using TrainingLms.Web.Features.People.Import;

namespace TrainingLms.IntegrationTests.People;

/// <summary>
/// Contractor staff (外包人员) learn like the company's own: a contractor cleaner made on the person page or imported is
/// assigned exactly the courses of an own cleaner on the same post.
/// </summary>
public class ContractorStaffTests : IAsyncLifetime
{
    private const string CleaningCourse = "cleaning-post-basics";
    private const string EveryoneCourse = "civil-words";
    private readonly CourseContentFactory factory = new();
    private int postId;
    private int contractorId;

    public async ValueTask InitializeAsync()
    {
        SampleCourse.Write(factory, slug: CleaningCourse, folder: CleaningCourse, audience: "linesOfWork: [Cleaning]");
        SampleCourse.Write(factory, slug: EveryoneCourse, folder: EveryoneCourse, audience: "roles: [Employee]");
        (postId, contractorId) = await factory.WithDbAsync(async db => // starts the app, which syncs the two courses
        {
            var post = new Position { Name = "保洁员", LineOfWork = LineOfWork.Cleaning, FacesCustomers = false };
            var contractor = new ContractorCompany { Name = "洁美保洁服务公司" };
            db.AddRange(post, contractor);
            await db.SaveChangesAsync();
            return (post.Id, contractor.Id);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ContractorCleaner_CreatedOnThePersonPage_IsAssignedTheCoursesOfAnOwnCleanerOnTheSamePost()
    {
        var admin = await factory.AdministratorClientAsync();

        var own = await CreateOnPageAsync(admin, "OWN01", contractor: "");
        var contracted = await CreateOnPageAsync(admin, "EXT01", contractor: contractorId.ToString());

        Assert.StartsWith("/admin/people/", own.RedirectPath());
        Assert.StartsWith("/admin/people/", contracted.RedirectPath());
        Assert.Equal((int?)null, (await factory.FindPersonAsync("OWN01"))!.ContractorCompanyId);
        Assert.Equal(contractorId, (await factory.FindPersonAsync("EXT01"))!.ContractorCompanyId);
        var ownCourses = await CoursesOfAsync("OWN01");
        Assert.Equal([EveryoneCourse, CleaningCourse], ownCourses); // by slug
        Assert.Equal(ownCourses, await CoursesOfAsync("EXT01"));
        // The person page shows the employer it saved.
        var page = await admin.GetStringAsync(contracted.RedirectPath());
        Assert.Matches($"<option value=\"{contractorId}\" selected[^>]*>洁美保洁服务公司</option>", page);
    }

    [Fact]
    public async Task PersonPage_UnknownOrDeactivatedContractor_IsRefusedWithAMessage_NothingSaved()
    {
        var admin = await factory.AdministratorClientAsync();
        var inactive = await factory.WithDbAsync(async db =>
        {
            var contractor = new ContractorCompany { Name = "已停用外包", IsActive = false };
            db.ContractorCompanies.Add(contractor);
            await db.SaveChangesAsync();
            return contractor.Id;
        });

        var unknown = await CreateOnPageAsync(admin, "BAD01", contractor: "99999");
        var deactivated = await CreateOnPageAsync(admin, "BAD02", contractor: inactive.ToString());

        foreach (var response in new[] { unknown, deactivated })
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("不存在", await response.Content.ReadAsStringAsync());
        }
        Assert.Null(await factory.FindPersonAsync("BAD01"));
        Assert.Null(await factory.FindPersonAsync("BAD02"));
    }

    [Fact]
    public async Task ContractorCleaner_Imported_IsAssignedTheCoursesOfAnOwnCleaner_AndANewContractorIsCreatedOnlyWithCreateMissing()
    {
        var csv = Csv("""
            工号,姓名,岗位,角色,外包单位
            IMP01,本公司保洁,保洁员,员工,
            IMP02,外包保洁一,保洁员,员工,洁美保洁服务公司
            IMP03,外包保洁二,保洁员,员工,绿源环境公司
            """);

        var refused = await ImportAsync(csv, createMissing: false);
        var imported = await ImportAsync(csv, createMissing: true);

        Assert.Equal([new ImportIssue(4, ImportProblem.UnknownContractor, "绿源环境公司")], refused.Issues);
        Assert.True(imported.Succeeded);
        var created = await factory.WithDbAsync(db => db.ContractorCompanies.AsNoTracking().SingleAsync(c => c.Name == "绿源环境公司"));
        Assert.True(created.IsActive);
        Assert.Equal((int?)null, (await factory.FindPersonAsync("IMP01"))!.ContractorCompanyId);
        Assert.Equal(contractorId, (await factory.FindPersonAsync("IMP02"))!.ContractorCompanyId);
        Assert.Equal(created.Id, (await factory.FindPersonAsync("IMP03"))!.ContractorCompanyId);
        var ownCourses = await CoursesOfAsync("IMP01");
        Assert.Equal([EveryoneCourse, CleaningCourse], ownCourses); // by slug
        Assert.Equal(ownCourses, await CoursesOfAsync("IMP02"));
        Assert.Equal(ownCourses, await CoursesOfAsync("IMP03"));
    }

    [Fact]
    public async Task Import_FailingPartWay_RemovesTheContractorItCreated()
    {
        await factory.WithDbAsync(async db =>
        {
            await TestDatabase.RefuseInsertsAsync(db, "forced_failure", "AspNetUsers", when: ("UserName", "RB002"));
            return true;
        });

        var outcome = await ImportAsync(Csv("""
            工号,姓名,岗位,外包单位
            RB001,回滚一,保洁员,回滚外包公司
            RB002,回滚二,保洁员,回滚外包公司
            """), createMissing: true);

        Assert.Equal(ImportFailure.WriteFailed, outcome.Failure);
        Assert.False(await factory.WithDbAsync(db => db.ContractorCompanies.AnyAsync(c => c.Name == "回滚外包公司")));
        Assert.Null(await factory.FindPersonAsync("RB001"));
    }

    [Fact]
    public async Task Import_ExistingPerson_BlankContractorKeepsIt_OwnStaffWrittenOutClearsIt_ANameSetsIt()
    {
        Assert.True((await ImportAsync(Csv("""
            Employee number,Name,Position,Contractor
            KEEP1,保留外包,保洁员,洁美保洁服务公司
            MOVE1,转为自有,保洁员,洁美保洁服务公司
            JOIN1,转为外包,保洁员,
            """), createMissing: false)).Succeeded);

        var again = await ImportAsync(Csv("""
            Employee number,Name,Position,Contractor
            KEEP1,保留外包,保洁员,
            MOVE1,转为自有,保洁员,本公司
            JOIN1,转为外包,保洁员,洁美保洁服务公司
            """), createMissing: false);

        Assert.True(again.Succeeded);
        Assert.Equal((0, 2, 1), (again.Batch.Created, again.Batch.Updated, again.Batch.Unchanged));
        Assert.Equal(contractorId, (await factory.FindPersonAsync("KEEP1"))!.ContractorCompanyId);
        Assert.Null((await factory.FindPersonAsync("MOVE1"))!.ContractorCompanyId);
        Assert.Equal(contractorId, (await factory.FindPersonAsync("JOIN1"))!.ContractorCompanyId);
    }

    [Fact]
    public async Task OverduePage_StaffFilter_ShowsOnlyTheChosenStaff()
    {
        var admin = await factory.AdministratorClientAsync();
        await CreateOnPageAsync(admin, "ODOWN", contractor: "");
        await CreateOnPageAsync(admin, "ODEXT", contractor: contractorId.ToString());
        await factory.WithDbAsync(db => db.CourseAssignments.ExecuteUpdateAsync(s => s.SetProperty(a => a.DueOn, new DateOnly(2020, 1, 1))));

        var own = await admin.GetStringAsync("/courses/overdue?contractor=own");
        var contracted = await admin.GetStringAsync($"/courses/overdue?contractor={contractorId}");
        var everyone = await admin.GetStringAsync("/courses/overdue");

        Shows.Only(own, ["ODOWN"], ["ODEXT"]);
        Shows.Only(contracted, ["ODEXT", "洁美保洁服务公司</small>"], ["ODOWN"]); // the employer beside the name
        Shows.Only(everyone, ["ODOWN", "ODEXT"], []);
    }

    [Fact]
    public async Task KnowledgeCheckPages_StaffFilter_ShowOnlyTheChosenStaffsAttempts()
    {
        foreach (var (number, contractor) in new[] { ("QZOWN", (int?)null), ("QZEXT", contractorId) })
        {
            await factory.WithScopeAsync(services => services.GetRequiredService<PeopleAdministration>().CreateAsync(
                new PersonInput { EmployeeNumber = number, FullName = "学员" + number, PositionId = postId, ContractorCompanyId = contractor, Roles = [Roles.Employee] },
                LmsFactory.Password, mustChangePassword: false));
            var learner = await factory.SignedInAsync(number);
            var path = $"/learning/{CleaningCourse}/02-check";
            var paper = await QuizTaker.StartAsync(learner, path);
            await QuizTaker.HandInAsync(learner, path, paper, (_, shown) => CourseTestKit.RightAnswers(shown).Select(label => shown.Labels.ToList().IndexOf(label)));
        }
        await factory.CreatePersonAsync("QZTRN", [Roles.Trainer]);
        var trainer = await factory.SignedInAsync("QZTRN");

        var ownLearners = await trainer.GetStringAsync($"/courses/manage/{CleaningCourse}/learners?contractor=own");
        var contractedLearners = await trainer.GetStringAsync($"/courses/manage/{CleaningCourse}/learners?contractor={contractorId}");
        var ownAnalysis = await trainer.GetStringAsync($"/courses/manage/{CleaningCourse}/analysis?contractor=own");
        var allAnalysis = await trainer.GetStringAsync($"/courses/manage/{CleaningCourse}/analysis");
        var contractedCsv = await trainer.GetStringAsync($"/courses/manage/{CleaningCourse}/analysis.csv?contractor={contractorId}");
        var allCsv = await trainer.GetStringAsync($"/courses/manage/{CleaningCourse}/analysis.csv");

        Shows.Only(ownLearners, ["QZOWN"], ["QZEXT"]);
        Shows.Only(contractedLearners, ["QZEXT"], ["QZOWN"]);
        Assert.Contains("共分析 1 次作答", ownAnalysis);
        Assert.Contains("共分析 2 次作答", allAnalysis);
        Assert.Matches($"analysis\\.csv\\?[^\"]*contractor=own\"", ownAnalysis); // the export links carry the filter
        Assert.Contains("目光相遇时？,1,1,", contractedCsv); // answers, right: the contractor's one attempt
        Assert.Contains("目光相遇时？,2,2,", allCsv);
    }

    private async Task<HttpResponseMessage> CreateOnPageAsync(HttpClient admin, string number, string contractor) =>
        await admin.PostFormAsync("/admin/people/new", "person", new()
        {
            ["Input.EmployeeNumber"] = number,
            ["Input.FullName"] = "保洁" + number,
            ["Input.PositionId"] = postId.ToString(),
            ["Input.ContractorCompanyId"] = contractor,
            ["Input.IsEmployee"] = "true",
            ["Input.Password"] = "welcome2026",
        });

    private async Task<ImportOutcome> ImportAsync(byte[] csv, bool createMissing)
    {
        var administratorId = (await factory.FindPersonAsync(LmsFactory.AdministratorNumber))!.Id;
        return await factory.WithScopeAsync(services => services.GetRequiredService<PeopleImporter>()
            .ImportAsync(csv, "外包人员.csv", new ImportSettings(createMissing, InitialPassword: "welcome2026", CheckOnly: false), administratorId));
    }

    private Task<List<string>> CoursesOfAsync(string number) => factory.WithDbAsync(db => db.CourseAssignments.AsNoTracking()
        .Where(a => db.Users.Any(p => p.Id == a.PersonId && p.UserName == number)).Select(a => a.Course!.Slug).OrderBy(s => s).ToListAsync());

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text + "\n");
}
