using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.People;

namespace TrainingLms.IntegrationTests.People;

/// <summary>
/// A person's save and the courses it brings are one commit: when the courses cannot be written (here the database
/// refuses them, as a crash between the two would lose them), the person's change is not saved either.
/// </summary>
public class PersonCoursesTests : IAsyncLifetime
{
    /// <summary>An employee's courses: first-inquiry-responsibility by role, and the two meant for everyone (<c>everyone: true</c>).</summary>
    private static readonly string[] EmployeesCourses = ["courtesy-language", "first-inquiry-responsibility", "meet-smile-greet-rise"];

    /// <summary>What becoming a manager adds (meet-smile-greet-rise, the managers' other course, is everyone's already).</summary>
    private const string ManagersCultureCourse = "service-culture";

    private readonly LmsFactory factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Create_CoursesCannotBeWritten_NobodyIsCreated_ThenCreatedWithTheirCourse()
    {
        await RefuseAssignmentsAsync(true);

        await Assert.ThrowsAsync<DbUpdateException>(() => CreateAsync("K100"));

        Assert.Null(await factory.FindPersonAsync("K100"));
        await RefuseAssignmentsAsync(false);
        await CreateAsync("K100");
        Assert.Equal(EmployeesCourses, await CoursesOfAsync("K100"));
    }

    [Fact]
    public async Task Update_CoursesCannotBeWritten_TheNewRoleIsNotSaved()
    {
        var personId = await CreateAsync("K200");
        await RefuseAssignmentsAsync(true);

        await Assert.ThrowsAsync<DbUpdateException>(() => factory.WithScopeAsync(services => services.GetRequiredService<PeopleAdministration>()
            .UpdateAsync(personId, new PersonInput { EmployeeNumber = "K200", FullName = "测试K200", Roles = [Roles.Employee, Roles.Manager] })));

        var roles = await factory.WithScopeAsync(async services =>
            await services.GetRequiredService<UserManager<Person>>().GetRolesAsync((await factory.FindPersonAsync("K200"))!));
        Assert.Equal([Roles.Employee], roles);
        Assert.Equal(EmployeesCourses, await CoursesOfAsync("K200"));
        await RefuseAssignmentsAsync(false);
        await factory.WithScopeAsync(services => services.GetRequiredService<PeopleAdministration>()
            .UpdateAsync(personId, new PersonInput { EmployeeNumber = "K200", FullName = "测试K200", Roles = [Roles.Employee, Roles.Manager] }));
        Assert.Equal([.. EmployeesCourses, ManagersCultureCourse], await CoursesOfAsync("K200"));
    }

    private Task<string> CreateAsync(string number) => factory.CreatePersonAsync(number, [Roles.Employee]);

    /// <summary>The database refuses every new course assignment while the trigger is there.</summary>
    private Task RefuseAssignmentsAsync(bool refuse) => factory.WithDbAsync(async db =>
    {
        if (refuse) await TestDatabase.RefuseInsertsAsync(db, "refuse_assignments", "CourseAssignments");
        else await TestDatabase.AllowInsertsAsync(db, "refuse_assignments", "CourseAssignments");
        return true;
    });

    private Task<List<string>> CoursesOfAsync(string number) => factory.WithDbAsync(db => db.CourseAssignments
        .Where(a => db.Users.Any(p => p.Id == a.PersonId && p.UserName == number)).Select(a => a.Course!.Slug).OrderBy(slug => slug).ToListAsync());
}
