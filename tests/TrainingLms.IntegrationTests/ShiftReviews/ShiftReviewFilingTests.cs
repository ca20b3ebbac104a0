using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.ShiftReviews;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.ShiftReviews;
using static TrainingLms.IntegrationTests.ShiftReviews.ReviewForms;

namespace TrainingLms.IntegrationTests.ShiftReviews;

/// <summary>Filing, retrying, changing and reading reviews over HTTP, as a class leader's phone does.</summary>
public class ShiftReviewFilingTests : IAsyncLifetime
{
    private const string Zone = SiteTime.DefaultTimeZoneId;
    private readonly ShiftReviewsFactory factory = new();
    private int siteId;

    public async ValueTask InitializeAsync() => siteId = await factory.CreateSiteAsync("S1");

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private DateOnly Today => SiteTime.Today(factory.Clock.UtcNow, Zone);

    /// <summary>A team with one member, and its leader signed in with the filing form open.</summary>
    private async Task<(TeamSetUp Team, HttpClient Leader, FormPage Form)> OpenFormAsync(string teamName, string leaderNumber, string memberNumber)
    {
        var team = await factory.CreateTeamAsync(siteId, teamName, leaderNumber, null, memberNumber);
        var leader = await factory.SignedInAsync(leaderNumber);
        return (team, leader, await OpenAsync(leader, $"/reviews/file/{team.TeamId}"));
    }

    [Fact]
    public async Task File_TwentyConcurrentSubmissionsOfOneReview_CreateOneRecord()
    {
        var team = await factory.CreateTeamAsync(siteId, "客服班", "L100", null, "E101", "E102");
        var client = await factory.SignedInAsync("L100");
        var form = await OpenAsync(client, $"/reviews/file/{team.TeamId}");
        var secondDevice = await OpenAsync(client, $"/reviews/file/{team.TeamId}");
        Assert.NotEqual(form.SubmissionKey, secondDevice.SubmissionKey);

        // Ten taps of one submission and ten of another device's, all at once.
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            PostAsync(client, $"/reviews/file/{team.TeamId}", "review", form.Token,
                Routine(i % 2 == 0 ? form.SubmissionKey : secondDevice.SubmissionKey, Today, ShiftCalendar.DailyKey))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var ids = responses.Select(ReviewId).Distinct().ToList();
        var id = Assert.Single(ids);
        var reviews = await factory.WithDbAsync(db => db.ShiftReviews.AsNoTracking().ToListAsync());
        Assert.Equal(id, Assert.Single(reviews).Id);
        Assert.Equal(EtiquettePoint.Smile | EtiquettePoint.Greet, reviews[0].WentWellPoints);
    }

    [Fact]
    public async Task File_RetryAfterSuccess_ReturnsTheSameReviewAsFiled()
    {
        var team = await factory.CreateTeamAsync(siteId, "秩序班", "L110", [new TeamShift("白班", new(8, 0), new(20, 0)), new TeamShift("夜班", new(20, 0), new(8, 0))], "E111");
        // In the evening, when today's day shift has started (before 08:00 it could not be filed yet).
        factory.Clock.SetLocal(Today.ToDateTime(new TimeOnly(21, 0)), Zone);
        var client = await factory.SignedInAsync("L110");
        var form = await OpenAsync(client, $"/reviews/file/{team.TeamId}");

        var first = await PostAsync(client, $"/reviews/file/{team.TeamId}", "review", form.Token, Routine(form.SubmissionKey, Today, "白班"));
        var retry = await PostAsync(client, $"/reviews/file/{team.TeamId}", "review", form.Token, Routine(form.SubmissionKey, Today, "白班"));
        var page = await client.GetStringAsync(retry.RedirectPath());

        Assert.Equal(ReviewId(first), ReviewId(retry));
        Assert.Contains("讲评已提交", page);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ShiftReviews.CountAsync()));
    }

    [Fact]
    public async Task File_OldDraftsKeyWithOtherWordsOrDate_RefusedWithTextKeptAndAFreshKey_SentAgainItIsFiled()
    {
        var (team, leader, form) = await OpenFormAsync("绿化班", "L190", "E191");
        var yesterday = ReviewId(await leader.SendReviewAsync(team, form, Routine(form.SubmissionKey, Today.AddDays(-1), ShiftCalendar.DailyKey)));

        // The draft of yesterday's review reopened today and today's review typed over it: same key, other date and words.
        var overTyped = await leader.SendReviewAsync(team, form,
            [("submissionKey", form.SubmissionKey), ("shiftDate", Today.ToString("yyyy-MM-dd")), ("wentWell", "今天主动为业主指路"), ("wentWellPoints", "Greet")]);
        // The same key for yesterday again, with words changed: not the same submission either.
        var changedWords = await leader.SendReviewAsync(team, form,
            Routine(form.SubmissionKey, Today.AddDays(-1), ShiftCalendar.DailyKey, ("followUps", "补充一条跟进事项")));

        var html = await overTyped.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, overTyped.StatusCode);
        Assert.Contains("没有保存：这份草稿此前已经提交过一次", html);
        Assert.Contains($"href=\"/reviews/{yesterday}\"", html);
        Assert.Contains("今天主动为业主指路", html);
        Assert.Contains($"value=\"{Today:yyyy-MM-dd}\"", html);
        var freshKey = System.Text.RegularExpressions.Regex.Match(html, "name=\"submissionKey\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        Assert.NotEqual(form.SubmissionKey, freshKey);
        Assert.Equal(HttpStatusCode.OK, changedWords.StatusCode);
        Assert.Contains("补充一条跟进事项", await changedWords.Content.ReadAsStringAsync());
        var stored = await factory.WithDbAsync(db => db.ShiftReviews.AsNoTracking().SingleAsync());
        Assert.Equal(("主动问好，微笑自然", ""), (stored.WentWell, stored.FollowUps));

        var sentAgain = await leader.SendReviewAsync(team, form,
            [("submissionKey", freshKey), ("shiftDate", Today.ToString("yyyy-MM-dd")), ("wentWell", "今天主动为业主指路"), ("wentWellPoints", "Greet")]);

        var today = ReviewId(sentAgain);
        Assert.NotEqual(yesterday, today);
        var filedToday = await factory.WithDbAsync(db => db.ShiftReviews.AsNoTracking().SingleAsync(r => r.Id == today));
        Assert.Equal((Today, "今天主动为业主指路"), (filedToday.ShiftDate, filedToday.WentWell));
    }

    [Fact]
    public async Task File_RetryWithTheSameNote_IsTheSameSubmission()
    {
        var (team, leader, form) = await OpenFormAsync("前台班", "L195", "E196");
        var fields = Routine(form.SubmissionKey, Today, ShiftCalendar.DailyKey,
            ("note0.person", team.MemberIds[0]), ("note0.kind", "Praise"), ("note0.points", "Smile"), ("note0.text", "笑容自然"),
            ("note1.person", ""), ("note1.text", "")).ToList();

        var first = await leader.SendReviewAsync(team, form, fields);
        var retry = await leader.SendReviewAsync(team, form, fields);

        Assert.Equal(ReviewId(first), ReviewId(retry));
        Assert.Equal(1, await factory.WithDbAsync(db => db.ShiftReviewNotes.CountAsync()));
    }

    [Fact]
    public async Task File_MoreNoteRowsThanAllowed_RefusedWithMessage_NothingSaved()
    {
        var (team, leader, form) = await OpenFormAsync("大堂班", "L197", "E198");
        (string, string)[] NoteRows(int count) =>
            [.. Enumerable.Range(0, count).SelectMany(i => new[] { ($"note{i}.person", team.MemberIds[0]), ($"note{i}.text", $"第{i}条") })];

        // 60 rows: far more than that is refused by ASP.NET Core's form limit (1,024 values) before the page sees it.
        var response = await leader.SendReviewAsync(team, form, Routine(form.SubmissionKey, Today, ShiftCalendar.DailyKey, NoteRows(60)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"一次讲评最多给员工发送 {ReviewInput.MaxNotes} 条点评", html);
        Assert.Contains("主动问好，微笑自然", html);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ShiftReviews.CountAsync()));

        // Exactly the limit is still a review.
        ReviewId(await leader.SendReviewAsync(team, form, Routine(Guid.NewGuid().ToString(), Today, ShiftCalendar.DailyKey, NoteRows(ReviewInput.MaxNotes))));
        Assert.Equal(ReviewInput.MaxNotes, await factory.WithDbAsync(db => db.ShiftReviewNotes.CountAsync()));
    }

    [Fact]
    public async Task File_SaysNothing_RefusedWithMessage_TypedTextKept()
    {
        var team = await factory.CreateTeamAsync(siteId, "保洁班", "L120", null, "E121");
        var client = await factory.SignedInAsync("L120");
        var form = await OpenAsync(client, $"/reviews/file/{team.TeamId}");

        var response = await PostAsync(client, $"/reviews/file/{team.TeamId}", "review", form.Token,
            [("submissionKey", form.SubmissionKey), ("shiftDate", Today.ToString("yyyy-MM-dd")), ("followUps", "明早检查工牌"),
             ("note0.person", "not-on-the-team"), ("note0.text", "好")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请至少勾选或填写一项", html);
        Assert.Contains("请选择本班组成员", html);
        Assert.Contains("明早检查工牌", html);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ShiftReviews.CountAsync()));
    }

    [Fact]
    public async Task Edit_SameSiteDay_ChangesInPlace_LaterDay_NeedsReasonAndKeepsHistory()
    {
        var team = await factory.CreateTeamAsync(siteId, "工程班", "L130", null, "E131");
        factory.Clock.SetLocal(Today.ToDateTime(new TimeOnly(18, 0)), Zone);
        var client = await factory.SignedInAsync("L130");
        var form = await OpenAsync(client, $"/reviews/file/{team.TeamId}");
        var id = ReviewId(await PostAsync(client, $"/reviews/file/{team.TeamId}", "review", form.Token,
            Routine(form.SubmissionKey, Today, ShiftCalendar.DailyKey, ("absent", team.MemberIds[0]))));
        var path = $"/reviews/{id}";

        // Same site-local day, late evening: changed in place.
        factory.Clock.SetLocal(Today.ToDateTime(new TimeOnly(23, 30)), Zone);
        var edit = await OpenAsync(client, path);
        var saved = await PostAsync(client, path, "edit", edit.Token, [("wentWell", "全员微笑服务"), ("wentWellPoints", "Smile"), ("absent", team.MemberIds[0])]);
        Assert.Equal($"{path}?saved=1", saved.RedirectPath());
        var review = await factory.WithDbAsync(db => db.ShiftReviews.Include(r => r.Amendments).AsNoTracking().SingleAsync());
        Assert.Equal("全员微笑服务", review.WentWell);
        Assert.Empty(review.Amendments);

        // Next site-local day: a change needs a reason and is kept as an amendment.
        factory.Clock.SetLocal(Today.AddDays(1).ToDateTime(new TimeOnly(0, 30)), Zone);
        edit = await OpenAsync(client, path);
        Assert.Contains("修改原因", edit.Html);
        var refused = await PostAsync(client, path, "edit", edit.Token, [("wentWell", "补充：客服主动引导访客"), ("wentWellPoints", "Smile")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("请填写修改原因", await refused.Content.ReadAsStringAsync());

        var amended = await PostAsync(client, path, "edit", edit.Token, [("wentWell", "补充：客服主动引导访客"), ("wentWellPoints", "Smile"), ("reason", "漏记一项表扬")]);
        Assert.Equal($"{path}?saved=1", amended.RedirectPath());
        review = await factory.WithDbAsync(db => db.ShiftReviews.Include(r => r.Amendments).AsNoTracking().SingleAsync());
        Assert.Equal("补充：客服主动引导访客", review.WentWell);
        var amendment = Assert.Single(review.Amendments);
        Assert.Equal("漏记一项表扬", amendment.Reason);
        Assert.Equal("全员微笑服务", amendment.Before.WentWell);
        var page = await client.GetStringAsync(path);
        Assert.Contains("漏记一项表扬", page);
        Assert.Contains("全员微笑服务", page);
        // The amendment also marked E131 present again: the history still says who was absent before.
        Assert.Empty(review.AbsentPersonIds);
        Assert.Equal([team.MemberIds[0]], amendment.Before.AbsentPersonIds);
        Assert.Matches("class=\"review-absent\"><span class=\"text-muted\">缺勤:</span>\\s*测试E131", page);
    }

    [Fact]
    public async Task OtherTeam_Leader_CannotFileOrRead_Forbidden()
    {
        var mine = await factory.CreateTeamAsync(siteId, "A班", "L140", null, "E141");
        var theirs = await factory.CreateTeamAsync(siteId, "B班", "L150", null, "E151");
        var owner = await factory.SignedInAsync("L150");
        var form = await OpenAsync(owner, $"/reviews/file/{theirs.TeamId}");
        var theirReview = ReviewId(await PostAsync(owner, $"/reviews/file/{theirs.TeamId}", "review", form.Token, Routine(form.SubmissionKey, Today, ShiftCalendar.DailyKey)));

        var intruder = await factory.SignedInAsync("L140");
        var ownForm = await OpenAsync(intruder, $"/reviews/file/{mine.TeamId}");
        var openOther = await intruder.GetAsync($"/reviews/file/{theirs.TeamId}");
        var fileOther = await PostAsync(intruder, $"/reviews/file/{theirs.TeamId}", "review", ownForm.Token,
            Routine(Guid.NewGuid().ToString(), Today.AddDays(-1), ShiftCalendar.DailyKey));
        var readOther = await intruder.GetAsync($"/reviews/{theirReview}");
        var editOther = await PostAsync(intruder, $"/reviews/{theirReview}", "edit", ownForm.Token, [("wentWell", "改写别人的讲评"), ("reason", "x")]);

        Assert.Equal(HttpStatusCode.Forbidden, openOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, fileOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editOther.StatusCode);
        var reviews = await factory.WithDbAsync(db => db.ShiftReviews.AsNoTracking().ToListAsync());
        Assert.Equal(theirs.TeamId, Assert.Single(reviews).TeamId);
        Assert.NotEqual("改写别人的讲评", reviews[0].WentWell);
    }

    [Fact]
    public async Task Roles_EmployeeCannotOpenTheForm_ManagerReadsOnlyOwnSite()
    {
        var team = await factory.CreateTeamAsync(siteId, "C班", "L160", null, "E161");
        var leader = await factory.SignedInAsync("L160");
        var form = await OpenAsync(leader, $"/reviews/file/{team.TeamId}");
        var id = ReviewId(await PostAsync(leader, $"/reviews/file/{team.TeamId}", "review", form.Token, Routine(form.SubmissionKey, Today, ShiftCalendar.DailyKey)));
        var otherSite = await factory.CreateSiteAsync("S2");
        await factory.CreatePersonAsync("M170", [Roles.Employee, Roles.Manager]);
        await factory.CreatePersonAsync("M171", [Roles.Employee, Roles.Manager]);
        await factory.WithDbAsync(db => db.Users.Where(p => p.UserName == "M170").ExecuteUpdateAsync(p => p.SetProperty(x => x.SiteId, siteId)));
        await factory.WithDbAsync(db => db.Users.Where(p => p.UserName == "M171").ExecuteUpdateAsync(p => p.SetProperty(x => x.SiteId, otherSite)));

        var employee = await factory.SignedInAsync("E161");
        var employeeForm = await employee.GetAsync($"/reviews/file/{team.TeamId}");
        var ownSiteManager = await (await factory.SignedInAsync("M170")).GetAsync($"/reviews/{id}");
        var otherSiteManager = await (await factory.SignedInAsync("M171")).GetAsync($"/reviews/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, employeeForm.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownSiteManager.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherSiteManager.StatusCode);
    }

    [Fact]
    public async Task Notes_OnTheHomePage_ShowANewOneAtOnce_AndLeaveSevenDaysAfterTheyWereAcknowledged()
    {
        var (team, leader, form) = await OpenFormAsync("E班", "L185", "E186");
        var member = await factory.SignedInAsync("E186");
        Assert.DoesNotContain("my-notes", await member.GetStringAsync("/")); // no notes, now kept in memory

        await leader.SendReviewAsync(team, form, Routine(form.SubmissionKey, Today, ShiftCalendar.DailyKey,
            ("note0.person", team.MemberIds[0]), ("note0.kind", "Praise"), ("note0.points", "Greet"), ("note0.text", "迎客及时"),
            ("note1.person", ""), ("note1.text", "")));
        Assert.Contains("迎客及时", await member.GetStringAsync("/"));

        var note = await factory.WithDbAsync(db => db.ShiftReviewNotes.AsNoTracking().SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync("/", $"note-ack-{note.Id}", [])).StatusCode);
        var acknowledgedAt = (await factory.WithDbAsync(db => db.ShiftReviewNotes.AsNoTracking().SingleAsync())).AcknowledgedAtUtc!.Value;
        Assert.Contains("已确认", await member.GetStringAsync("/"));

        var realNow = factory.Clock.UtcNow;
        try
        {
            // Sign in again at each moment: a sign-in cookie does not outlive a jump of days.
            factory.Clock.UtcNow = acknowledgedAt.AddDays(StaffNotes.ShowAcknowledgedDays).AddMinutes(-1);
            member = await factory.SignedInAsync("E186");
            Assert.Contains("迎客及时", await member.GetStringAsync("/"));

            factory.Clock.UtcNow = acknowledgedAt.AddDays(StaffNotes.ShowAcknowledgedDays).AddMinutes(1);
            member = await factory.SignedInAsync("E186");
            Assert.DoesNotContain("迎客及时", await member.GetStringAsync("/"));
        }
        finally
        {
            factory.Clock.UtcNow = realNow;
        }
    }

    [Fact]
    public async Task Note_ToOneStaffMember_ShowsOnTheirHomePage_AndCanBeAcknowledged()
    {
        var team = await factory.CreateTeamAsync(siteId, "D班", "L180", null, "E181", "E182");
        var leader = await factory.SignedInAsync("L180");
        var form = await OpenAsync(leader, $"/reviews/file/{team.TeamId}");
        await PostAsync(leader, $"/reviews/file/{team.TeamId}", "review", form.Token, Routine(form.SubmissionKey, Today, ShiftCalendar.DailyKey,
            ("absent", team.MemberIds[1]),
            ("note0.person", team.MemberIds[0]), ("note0.kind", "Praise"), ("note0.points", "Smile"), ("note0.text", "微笑自然，业主点名表扬"),
            ("note1.person", ""), ("note1.text", "")));

        var member = await factory.SignedInAsync("E181");
        var home = await member.GetStringAsync("/");
        var other = await (await factory.SignedInAsync("E182")).GetStringAsync("/");

        Assert.Contains("微笑自然，业主点名表扬", home);
        Assert.Contains("表扬", home);
        Assert.DoesNotContain("微笑自然，业主点名表扬", other);
        var note = await factory.WithDbAsync(db => db.ShiftReviewNotes.AsNoTracking().SingleAsync());
        var review = await factory.WithDbAsync(db => db.ShiftReviews.AsNoTracking().SingleAsync());
        Assert.Equal([team.MemberIds[1]], review.AbsentPersonIds);

        var acknowledged = await member.PostFormAsync("/", $"note-ack-{note.Id}", []);
        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);
        Assert.NotNull((await factory.WithDbAsync(db => db.ShiftReviewNotes.AsNoTracking().SingleAsync())).AcknowledgedAtUtc);
        Assert.Contains("已确认", await member.GetStringAsync("/"));
    }
}
