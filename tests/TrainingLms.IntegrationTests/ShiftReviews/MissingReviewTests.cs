using TrainingLms.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.ShiftReviews;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.ShiftReviews;

namespace TrainingLms.IntegrationTests.ShiftReviews;

/// <summary>Missing and late reviews judged by each site's own clock, with a night shift that crosses midnight.</summary>
public class MissingReviewTests : IAsyncLifetime
{
    private const string Shanghai = "Asia/Shanghai";
    private const string NewYork = "America/New_York";
    private static readonly TeamShift Night = new("夜班", new(22, 0), new(6, 0));

    private readonly ShiftReviewsFactory factory = new();
    private TeamSetUp daily = default!;
    private TeamSetUp nights = default!;
    // A day near the real date, so sign-in cookies issued on the test clock stay valid.
    private readonly DateOnly day = DateOnly.FromDateTime(DateTime.UtcNow);

    public async ValueTask InitializeAsync()
    {
        daily = await factory.CreateTeamAsync(await factory.CreateSiteAsync("SH", Shanghai), "上海客服班", "L200", null, "E201");
        nights = await factory.CreateTeamAsync(await factory.CreateSiteAsync("NY", NewYork), "纽约秩序班", "L210", [Night], "E211");
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static readonly ReviewViewer Administrator = new("no-one", IsAdmin: true, IsManager: false);

    private Task<IReadOnlyList<MissingReview>> MissingAsync() =>
        factory.WithScopeAsync(services => services.GetRequiredService<ReviewOversight>().MissingYesterdayAsync(Administrator));

    private Task<Outcome<FilingStatus>> FileAsync(TeamSetUp team, ShiftSlot slot) =>
        factory.WithScopeAsync(services => services.GetRequiredService<ReviewFiling>().FileAsync(team.LeaderId, team.TeamId, new ReviewInput
        {
            ShiftDate = slot.Date, ShiftKey = slot.Key, WentWellPoints = EtiquettePoint.Smile,
        }));

    [Fact]
    public async Task Missing_EachSiteJudgedOnItsOwnYesterday_NightShiftBelongsToTheDayItStarted()
    {
        // 07:00 in New York: the night shift that started yesterday at 22:00 ended at 06:00 and is within its
        // two-hour grace. Shanghai is twelve or thirteen hours ahead: its "yesterday" is already a day later.
        factory.Clock.SetLocal(day.ToDateTime(new TimeOnly(7, 0)), NewYork);
        var shanghaiYesterday = SiteTime.Today(factory.Clock.UtcNow, Shanghai).AddDays(-1);

        var missing = await MissingAsync();

        Assert.Equal([new MissingReview(daily.TeamId, "上海客服班", "项目SH", new ShiftSlot(shanghaiYesterday, ShiftCalendar.DailyKey))], missing);

        // 09:00 in New York: the night shift is past its deadline, flagged on the day it started.
        factory.Clock.SetLocal(day.ToDateTime(new TimeOnly(9, 0)), NewYork);
        missing = await MissingAsync();

        Assert.Contains(new MissingReview(nights.TeamId, "纽约秩序班", "项目NY", new ShiftSlot(day.AddDays(-1), "夜班")), missing);
    }

    [Fact]
    public async Task NightShift_FiledAfterMidnight_CountsForTheStartDay_OnTimeWithinGrace_LateAfter()
    {
        // 06:30 New York time: the form offers the night shift that started yesterday evening.
        factory.Clock.SetLocal(day.ToDateTime(new TimeOnly(6, 30)), NewYork);
        var (_, form) = await factory.WithScopeAsync(services => services.GetRequiredService<ReviewFiling>().PrepareAsync(nights.LeaderId, nights.TeamId));
        Assert.Equal(new ShiftSlot(day.AddDays(-1), "夜班"), form!.Current);

        var onTime = await FileAsync(nights, form.Current);
        factory.Clock.SetLocal(day.ToDateTime(new TimeOnly(8, 30)), NewYork);
        var late = await FileAsync(nights, new ShiftSlot(day.AddDays(-2), "夜班"));

        Assert.Equal(FilingStatus.Filed, onTime.Status);
        Assert.Equal(FilingStatus.Filed, late.Status);
        factory.Clock.SetLocal(day.ToDateTime(new TimeOnly(9, 0)), NewYork);
        Assert.DoesNotContain(await MissingAsync(), m => m.TeamId == nights.TeamId);
        var grid = await factory.WithScopeAsync(services => services.GetRequiredService<ReviewOversight>().GridAsync(Administrator, null, day, 1));
        var row = grid.Rows.Single(r => r.TeamId == nights.TeamId);
        Assert.Equal(ReviewStatus.Late, row.Days[^3].Single().Status);     // started two days ago, filed after its deadline
        Assert.Equal(ReviewStatus.Filed, row.Days[^2].Single().Status);    // started yesterday, filed at 06:30
        Assert.Equal(ReviewStatus.Pending, row.Days[^1].Single().Status);  // tonight's shift has not started
        Assert.Equal(ReviewStatus.Missing, row.Days[0].Single().Status);
    }

    [Fact]
    public async Task File_TonightsShiftAtNoon_RefusedAsNotStarted_LastNightsIsFiled()
    {
        factory.Clock.SetLocal(day.ToDateTime(new TimeOnly(12, 0)), NewYork);

        var tonight = await FileAsync(nights, new ShiftSlot(day, "夜班"));
        var lastNight = await FileAsync(nights, new ShiftSlot(day.AddDays(-1), "夜班"));

        Assert.Equal(FilingStatus.Invalid, tonight.Status);
        Assert.Equal("ShiftReviews.Validation.NotStarted", tonight.Errors!["shiftKey"]);
        Assert.Equal(FilingStatus.Filed, lastNight.Status);
    }

    [Fact]
    public async Task Grid_ShiftsChangedAfterFiling_EarlierReviewsStillShowAsFiled()
    {
        factory.Clock.SetLocal(day.ToDateTime(new TimeOnly(12, 0)), Shanghai);
        var yesterday = day.AddDays(-1);
        var dailyReview = await FileAsync(daily, new ShiftSlot(yesterday, ShiftCalendar.DailyKey));
        var renamedReview = await FileAsync(nights, new ShiftSlot(yesterday.AddDays(-1), "夜班"));
        // The administrator then gives the daily team two shifts and renames the other team's night shift.
        await factory.WithDbAsync(async db =>
        {
            var teams = await db.Teams.Where(t => t.Id == daily.TeamId || t.Id == nights.TeamId).ToListAsync();
            teams.Single(t => t.Id == daily.TeamId).Shifts = [new("早班", new(7, 0), new(15, 0)), new("中班", new(15, 0), new(23, 0))];
            teams.Single(t => t.Id == nights.TeamId).Shifts = [new("大夜班", new(22, 0), new(6, 0))];
            return await db.SaveChangesAsync();
        });

        var grid = await factory.WithScopeAsync(services => services.GetRequiredService<ReviewOversight>().GridAsync(Administrator, null, day, 1));

        var dailyYesterday = grid.Rows.Single(r => r.TeamId == daily.TeamId).Days[^2];
        Assert.Equal(["早班", "中班", ShiftCalendar.DailyKey], dailyYesterday.Select(c => c.Key));
        // Filed at noon the next day, after its deadline: late, as it was before the change.
        Assert.Equal((ReviewStatus.Late, dailyReview.Id), (dailyYesterday[^1].Status, dailyYesterday[^1].ReviewId));
        var nightsDay = grid.Rows.Single(r => r.TeamId == nights.TeamId).Days[^3];
        Assert.Equal(["大夜班", "夜班"], nightsDay.Select(c => c.Key));
        Assert.Equal((ReviewStatus.Late, renamedReview.Id), (nightsDay[^1].Status, nightsDay[^1].ReviewId));
        // A day with no review under an old shift shows only the team's shifts as they are now.
        Assert.Equal(["早班", "中班"], grid.Rows.Single(r => r.TeamId == daily.TeamId).Days[0].Select(c => c.Key));
    }

    [Fact]
    public async Task HomePage_Manager_SeesYesterdaysMissingReviewsOfTheirSiteOnly()
    {
        factory.Clock.SetLocal(day.ToDateTime(new TimeOnly(12, 0)), Shanghai);
        var shanghaiSite = await factory.WithDbAsync(db => Task.FromResult(db.Teams.Single(t => t.Id == daily.TeamId).SiteId));
        await factory.CreatePersonAsync("M220", [Roles.Employee, Roles.Manager]);
        await factory.WithDbAsync(db => db.Users.Where(p => p.UserName == "M220").ExecuteUpdateAsync(p => p.SetProperty(x => x.SiteId, shanghaiSite)));

        var home = await (await factory.SignedInAsync("M220")).GetStringAsync("/");

        Assert.Contains("昨日缺失的班后讲评", home);
        Assert.Contains("上海客服班", home);
        Assert.DoesNotContain("纽约秩序班", home);
    }
}
