using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Courses;
using static TrainingLms.IntegrationTests.Courses.CourseTestKit;

namespace TrainingLms.IntegrationTests.Courses;

/// <summary>The course list's counts are kept between views (<c>CourseListCache</c>); what changes them shows on the next view.</summary>
public class CourseListTests
{
    [Fact]
    public async Task CourseList_Counts_ShowAnAssignmentTheTurnOfTheDayAndACompletion_OnTheNextView()
    {
        var clock = new TestClock();
        await using var factory = new CourseContentFactory { TestServices = services => services.AddSingleton<TimeProvider>(clock) };
        SampleCourse.Write(factory);
        async Task<(int Assigned, int Completed, int Overdue)> CountsAsync()
        {
            var card = await factory.WithScopeAsync(async services => Assert.Single((await services.GetRequiredService<CourseAdministration>().ListAsync()).Items));
            return (card.Assigned, card.Completed, card.Overdue);
        }
        Assert.Equal((0, 0, 0), await CountsAsync());
        Assert.Equal((0, 0, 0), await CountsAsync()); // now kept

        var personId = await CreateLearnerAsync(factory, "E330", facesCustomers: true);
        Assert.Equal((1, 0, 0), await CountsAsync());

        var dueOn = await QueryAsync(factory, db => db.CourseAssignments.Where(a => a.PersonId == personId).Select(a => a.DueOn).SingleAsync());
        clock.UtcNow = dueOn.AddDays(1).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        Assert.Equal((1, 0, 1), await CountsAsync());

        await CompleteCourseAsync(await LearnerClientAsync(factory, "E330"));
        Assert.Equal((1, 1, 0), await CountsAsync());
    }
}
