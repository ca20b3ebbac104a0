using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Courses;
using static TrainingLms.IntegrationTests.Courses.CourseTestKit;

namespace TrainingLms.IntegrationTests.Courses;

/// <summary>An assignment is overdue once its person's own site has passed the due day: sites in other zones turn the day at other times.</summary>
public class OverdueListTests
{
    [Fact]
    public async Task OverdueList_CountsEachAssignmentAgainstItsOwnSitesToday_ForAdministratorsAndManagers()
    {
        var clock = new TestClock { UtcNow = new DateTime(2026, 3, 10, 20, 0, 0, DateTimeKind.Utc) }; // Shanghai 11 March 04:00, London 10 March 20:00
        await using var factory = new CourseContentFactory { TestServices = services => services.AddSingleton<TimeProvider>(clock) };
        SampleCourse.Write(factory);
        var (london, shanghai) = await QueryAsync(factory, async db =>
        {
            var sites = (London: new Site { Code = "LDN", Name = "伦敦项目", TimeZoneId = "Europe/London" }, Shanghai: new Site { Code = "SH", Name = "上海项目", TimeZoneId = "Asia/Shanghai" });
            db.Sites.AddRange(sites.London, sites.Shanghai);
            await db.SaveChangesAsync();
            return (sites.London.Id, sites.Shanghai.Id);
        });
        async Task LearnerAsync(string number, int? siteId, DateOnly dueOn)
        {
            var personId = await CreateLearnerAsync(factory, number, facesCustomers: true);
            await QueryAsync(factory, async db =>
            {
                await db.Users.Where(p => p.Id == personId).ExecuteUpdateAsync(s => s.SetProperty(p => p.SiteId, siteId));
                return await db.CourseAssignments.Where(a => a.PersonId == personId).ExecuteUpdateAsync(s => s.SetProperty(a => a.DueOn, dueOn));
            });
        }
        await LearnerAsync("E401", london, new DateOnly(2026, 3, 10));
        await LearnerAsync("E402", london, new DateOnly(2026, 3, 9));
        await LearnerAsync("E403", shanghai, new DateOnly(2026, 3, 10));
        await LearnerAsync("E404", null, new DateOnly(2026, 3, 10)); // no site: the default zone, Shanghai's
        await LearnerAsync("E405", shanghai, new DateOnly(2026, 3, 11));
        var londonManager = await factory.CreatePersonAsync("M401", [Roles.Employee, Roles.Manager]);
        await QueryAsync(factory, db => db.Users.Where(p => p.Id == londonManager).ExecuteUpdateAsync(s => s.SetProperty(p => p.SiteId, london)));
        var managerWithoutSite = await factory.CreatePersonAsync("M402", [Roles.Employee, Roles.Manager]);
        Task<OverdueList> ListAsync(bool administrator, string? managerId = null) => factory.WithScopeAsync(services =>
            services.GetRequiredService<CourseAdministration>().OverdueAsync(administrator ? "nobody" : managerId ?? londonManager, administrator, manager: !administrator));
        static IEnumerable<(string, int)> Rows(OverdueList list) => list.Rows.Select(r => (r.EmployeeNumber, r.DaysOverdue));

        var all = await ListAsync(administrator: true);
        Assert.Equal([("E402", 1), ("E403", 1), ("E404", 1)], Rows(all));
        Assert.Equal(3, all.Total);
        Assert.Equal(["伦敦项目", "上海项目", null], all.Rows.Select(r => r.Site));
        Assert.Equal([("E402", 1)], Rows(await ListAsync(administrator: false)));
        Assert.Empty(Rows(await ListAsync(administrator: false, managerWithoutSite))); // not the people without a site either

        clock.UtcNow = new DateTime(2026, 3, 11, 1, 0, 0, DateTimeKind.Utc); // London has turned the day too
        Assert.Equal([("E402", 2), ("E401", 1), ("E403", 1), ("E404", 1)], Rows(await ListAsync(administrator: true)));
        Assert.Equal([("E402", 2), ("E401", 1)], Rows(await ListAsync(administrator: false)));
    }
}
