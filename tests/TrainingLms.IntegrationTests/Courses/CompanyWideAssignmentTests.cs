using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.People;
using TrainingLms.Web.Features.People.Import;

namespace TrainingLms.IntegrationTests.Courses;

/// <summary>
/// The courses of the repository's content/ meant for everyone (<c>everyone: true</c>): meet, smile, greet, rise and
/// courteous language reach every line of work as required courses, unless an administrator opts a post out.
/// </summary>
public class CompanyWideAssignmentTests
{
    private static readonly string[] CompanyWide = ["courtesy-language", "meet-smile-greet-rise"];

    [Fact]
    public async Task GreeningWorker_IsAssignedMeetSmileGreetRiseAndCourtesyLanguage_AsRequiredCoursesOnMyLearning()
    {
        await using var factory = new LmsFactory(); // starts on the repository's content/
        var greening = await CreatePostAsync(factory, "绿化工", LineOfWork.Greening, facesCustomers: false, exempt: false);
        var worker = await CreateHolderAsync(factory, "G001", greening);

        var assigned = await AssignmentsAsync(factory, worker);

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        foreach (var slug in CompanyWide)
        {
            var assignment = Assert.Single(assigned, a => a.Slug == slug);
            Assert.Equal((AssignmentSource.Audience, today.AddDays(assignment.DueDays)), (assignment.Source, assignment.DueOn));
        }
        var myLearning = await (await factory.SignedInAsync("G001")).GetStringAsync("/learning");
        Assert.All(CompanyWide, slug => Assert.Contains($"href=\"/learning/{slug}\"", myLearning));
    }

    [Fact]
    public async Task ContractorCleaner_IsAssignedMeetSmileGreetRiseAndCourtesyLanguage_LikeTheCompanysOwnCleaners()
    {
        await using var factory = new LmsFactory();
        var cleaning = await CreatePostAsync(factory, "保洁员", LineOfWork.Cleaning, facesCustomers: false, exempt: false);
        var contractorId = await factory.WithDbAsync(async db =>
        {
            var contractor = new ContractorCompany { Name = "洁美保洁服务公司" };
            db.ContractorCompanies.Add(contractor);
            await db.SaveChangesAsync();
            return contractor.Id;
        });
        var contracted = await CreateHolderAsync(factory, "C001", cleaning, contractorId);
        var own = await CreateHolderAsync(factory, "C002", cleaning);

        var slugs = (await AssignmentsAsync(factory, contracted)).Select(a => a.Slug).Order().ToList();

        Assert.Equal(contractorId, (await factory.FindPersonAsync("C001"))!.ContractorCompanyId);
        Assert.All(CompanyWide, slug => Assert.Contains(slug, slugs));
        Assert.Equal((await AssignmentsAsync(factory, own)).Select(a => a.Slug).Order(), slugs);
    }

    [Fact]
    public async Task OptedOutBackOfficePost_GetsNeitherCompanyWideCourse_ButStillTheCoursesItsLineOfWorkBrings()
    {
        await using var factory = new LmsFactory();
        var optedOut = await CreatePostAsync(factory, "外包绿化", LineOfWork.Greening, facesCustomers: false, exempt: true);
        var worker = await CreateHolderAsync(factory, "G002", optedOut);

        var slugs = (await AssignmentsAsync(factory, worker)).Select(a => a.Slug).ToList();

        Assert.DoesNotContain(slugs, CompanyWide.Contains);
        Assert.Contains("engineering-and-greening", slugs);   // linesOfWork: [Engineering, Greening]
        Assert.Contains("first-inquiry-responsibility", slugs); // roles: [Employee]
    }

    [Fact]
    public async Task OptedOutCustomerFacingPost_KeepsBothCourses_ThroughItsCustomerFacingEntry()
    {
        await using var factory = new LmsFactory();
        var optedOut = await CreatePostAsync(factory, "外包保安", LineOfWork.Security, facesCustomers: true, exempt: true);
        var guard = await CreateHolderAsync(factory, "S001", optedOut);

        var slugs = (await AssignmentsAsync(factory, guard)).Select(a => a.Slug).ToList();

        Assert.All(CompanyWide, slug => Assert.Contains(slug, slugs));
    }

    [Fact]
    public async Task PositionPage_OptingAPostOutAndIn_ChangesWhatItsHoldersAreAssigned()
    {
        await using var factory = new LmsFactory();
        var admin = await factory.AdministratorClientAsync();
        // As the browser sends it: an unticked checkbox is left out of the form.
        Dictionary<string, string> Form(bool exempt)
        {
            var fields = new Dictionary<string, string> { ["Input.Name"] = "绿化工", ["Input.LineOfWork"] = nameof(LineOfWork.Greening) };
            if (exempt) fields["Input.ExemptFromCompanyWideCourses"] = "true";
            return fields;
        }

        var created = await admin.PostFormAsync("/admin/positions/new", "position", Form(exempt: true));
        Assert.Equal("/admin/positions", created.RedirectPath());
        var positionId = await factory.WithDbAsync(db => db.Positions.Where(p => p.Name == "绿化工").Select(p => p.Id).SingleAsync());
        Assert.Contains("不参加", RowOf(await admin.GetStringAsync("/admin/positions"), positionId));
        var first = await CreateHolderAsync(factory, "G003", positionId);
        Assert.DoesNotContain(await AssignmentsAsync(factory, first), a => CompanyWide.Contains(a.Slug));
        Assert.Matches("<input[^>]*id=\"exempt\"[^>]*checked", await admin.GetStringAsync($"/admin/positions/{positionId}"));

        var optedIn = await admin.PostFormAsync($"/admin/positions/{positionId}", "position", Form(exempt: false));

        Assert.Equal("/admin/positions", optedIn.RedirectPath());
        var afterOptIn = (await AssignmentsAsync(factory, first)).Select(a => a.Slug).ToList();
        Assert.All(CompanyWide, slug => Assert.Contains(slug, afterOptIn));
        var row = RowOf(await admin.GetStringAsync("/admin/positions"), positionId);
        Assert.DoesNotContain("不参加", row);
        Assert.Contains("参加", row);

        // Opting out again drops the rule for whoever comes next; as when someone changes post, what was assigned stays.
        var optedOutAgain = await admin.PostFormAsync($"/admin/positions/{positionId}", "position", Form(exempt: true));

        Assert.Equal("/admin/positions", optedOutAgain.RedirectPath());
        var afterOptOut = (await AssignmentsAsync(factory, first)).Select(a => a.Slug).ToList();
        Assert.All(CompanyWide, slug => Assert.Contains(slug, afterOptOut));
        var next = await CreateHolderAsync(factory, "G004", positionId);
        Assert.DoesNotContain(await AssignmentsAsync(factory, next), a => CompanyWide.Contains(a.Slug));
    }

    [Fact]
    public async Task PeopleImport_GreeningWorker_IsAssignedTheCompanyWideCourses_UnlessTheirPostIsOptedOut()
    {
        await using var factory = new LmsFactory();
        await CreatePostAsync(factory, "绿化工", LineOfWork.Greening, facesCustomers: false, exempt: false);
        await CreatePostAsync(factory, "外包绿化", LineOfWork.Greening, facesCustomers: false, exempt: true);
        var administratorId = (await factory.FindPersonAsync(LmsFactory.AdministratorNumber))!.Id;
        var csv = Encoding.UTF8.GetBytes("""
            工号,姓名,手机,邮箱,项目,班组,条线,岗位,入职日期,角色
            I101,绿化一,13900000101,,翠湖花园,绿化班,绿化,绿化工,2025-03-01,员工
            I102,绿化二,13900000102,,翠湖花园,绿化班,绿化,外包绿化,2025-03-01,员工
            """);

        var outcome = await factory.WithScopeAsync(services => services.GetRequiredService<PeopleImporter>()
            .ImportAsync(csv, "员工名单.csv", new ImportSettings(CreateMissing: true, InitialPassword: "welcome2026", CheckOnly: false), administratorId));

        Assert.True(outcome.Succeeded);
        var imported = (await factory.FindPersonAsync("I101"))!.Id;
        var optedOut = (await factory.FindPersonAsync("I102"))!.Id;
        var assigned = await AssignmentsAsync(factory, imported);
        Assert.All(CompanyWide, slug => Assert.Equal(AssignmentSource.Audience, Assert.Single(assigned, a => a.Slug == slug).Source));
        Assert.DoesNotContain(await AssignmentsAsync(factory, optedOut), a => CompanyWide.Contains(a.Slug));
    }

    private sealed record Assigned(string Slug, AssignmentSource Source, DateOnly DueOn, int DueDays);

    private static Task<List<Assigned>> AssignmentsAsync(LmsFactory factory, string personId) =>
        factory.WithDbAsync(db => db.CourseAssignments.AsNoTracking().Where(a => a.PersonId == personId)
            .Select(a => new Assigned(a.Course!.Slug, a.Source, a.DueOn, a.Course.CurrentRevision!.DueDays)).ToListAsync());

    private static Task<int> CreatePostAsync(LmsFactory factory, string name, LineOfWork line, bool facesCustomers, bool exempt) =>
        factory.WithDbAsync(async db =>
        {
            var position = new Position { Name = name, LineOfWork = line, FacesCustomers = facesCustomers, ExemptFromCompanyWideCourses = exempt };
            db.Positions.Add(position);
            await db.SaveChangesAsync();
            return position.Id;
        });

    private static Task<string> CreateHolderAsync(LmsFactory factory, string number, int positionId, int? contractorId = null) =>
        factory.WithScopeAsync(async services =>
        {
            var result = await services.GetRequiredService<PeopleAdministration>().CreateAsync(
                new PersonInput { EmployeeNumber = number, FullName = "员工" + number, PositionId = positionId, ContractorCompanyId = contractorId, Roles = [Roles.Employee] },
                LmsFactory.Password, mustChangePassword: false);
            return result.PersonId!;
        });

    /// <summary>The positions list's row for one post, from its link to the row's end.</summary>
    private static string RowOf(string page, int positionId)
    {
        var start = page.IndexOf($"href=\"/admin/positions/{positionId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the post is not listed");
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
