using TrainingLms.Web.Infrastructure;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Courses;
using TrainingLms.Web.Features.Courses.Caching;
using TrainingLms.Web.Features.Courses.Content;
using TrainingLms.Web.Features.People;
using TrainingLms.Web.Features.People.Import;
using TrainingLms.Web.Features.Content;
using static TrainingLms.IntegrationTests.Courses.CourseTestKit;

namespace TrainingLms.IntegrationTests.Courses;

/// <summary>The learner pages read from memory: a change saved anywhere shows at once.</summary>
public class LearnerPagesTests
{
    [Fact]
    public async Task LearnerPages_ShowAChangeSavedThroughAnyContext_AtOnce()
    {
        await using var factory = await StartAsync();
        var personId = await CreateLearnerAsync(factory, "E120", facesCustomers: true);
        var before = Assert.Single((await MyLearningAsync(factory, personId)).Assigned); // now kept in memory
        Assert.Equal(0, before.Progress.CompletedCount);

        var later = before.DueOn.AddDays(30);
        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LmsDbContext>();
            var assignment = await db.CourseAssignments.SingleAsync();
            assignment.DueOn = later;
            db.LessonCompletions.Add(LessonDone(personId, assignment.CourseId, "01-meet"));
            return await db.SaveChangesAsync();
        });

        var after = Assert.Single((await MyLearningAsync(factory, personId)).Assigned);
        Assert.Equal((1, later), (after.Progress.CompletedCount, after.DueOn));
    }

    [Fact]
    public async Task LearnerPages_ChangeInATransaction_IsShownOnceCommitted_AndNotLostByAReadBefore()
    {
        await using var factory = await StartAsync();
        var personId = await CreateLearnerAsync(factory, "E121", facesCustomers: true);
        var courseId = await QueryAsync(factory, db => db.Courses.Select(c => c.Id).SingleAsync());

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LmsDbContext>();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.LessonCompletions.Add(LessonDone(personId, courseId, "01-meet"));
            await db.SaveChangesAsync();
            // Read (and kept) while the save is not yet committed: the page still sees the old rows.
            Assert.Equal(0, Assert.Single((await MyLearningAsync(factory, personId)).Assigned).Progress.CompletedCount);
            await transaction.CommitAsync();
        }

        Assert.Equal(1, Assert.Single((await MyLearningAsync(factory, personId)).Assigned).Progress.CompletedCount);
    }

    [Fact]
    public async Task LearnerRecord_FollowsThePersonsSite_AndTheSitesTimeZone()
    {
        await using var factory = await StartAsync();
        var personId = await CreateLearnerAsync(factory, "E122", facesCustomers: true);
        var records = factory.Services.GetRequiredService<LearnerRecordCache>();
        Assert.Null((await records.GetAsync(personId)).TimeZoneId);

        var siteId = await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LmsDbContext>();
            var site = new Site { Code = "S1", Name = "一号项目", TimeZoneId = "Asia/Urumqi" };
            db.Sites.Add(site);
            await db.SaveChangesAsync();
            (await db.Users.SingleAsync(p => p.Id == personId)).SiteId = site.Id;
            await db.SaveChangesAsync();
            return site.Id;
        });
        Assert.Equal("Asia/Urumqi", (await records.GetAsync(personId)).TimeZoneId);

        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LmsDbContext>();
            (await db.Sites.SingleAsync(s => s.Id == siteId)).TimeZoneId = "Asia/Hong_Kong";
            return await db.SaveChangesAsync();
        });
        Assert.Equal("Asia/Hong_Kong", (await records.GetAsync(personId)).TimeZoneId);
    }
}
