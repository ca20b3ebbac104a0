using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.TrainingRecords;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.IntegrationTests.ShiftReviews;
using static TrainingLms.IntegrationTests.TrainingRecords.TrainingForms;

namespace TrainingLms.IntegrationTests.TrainingRecords;

/// <summary>A class leader records a pre-job training; a site manager or a trainer countersigns it or returns it.</summary>
public class TrainingRecordFlowTests : IAsyncLifetime
{
    private readonly ShiftReviewsFactory factory = new();
    private int siteId;

    public async ValueTask InitializeAsync() => siteId = await factory.CreateSiteAsync("T1");

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private DateOnly Today => SiteTime.Today(factory.Clock.UtcNow, SiteTime.DefaultTimeZoneId);

    [Fact]
    public async Task Record_ThenSiteManagerCountersigns_KeepsWhoAndWhenOfEachStep()
    {
        var team = await factory.CreateTeamAsync(siteId, "客服班", "TL100", null, "TE101", "TE102");
        var leader = await factory.SignedInAsync("TL100");
        var form = await OpenAsync(leader, "/training-records/new");
        Assert.Contains("测试TE101", form.Html);
        Assert.DoesNotContain("value=\"" + team.LeaderId + "\"", form.Html);

        var sent = await RecordAsync(leader, form, Routine(form.SubmissionKey, team.TeamId, Today, team.MemberIds, ("lesson", form.FirstLesson)));
        var id = RecordId(sent);
        var pageResponse = await leader.GetAsync(sent.RedirectPath());
        Assert.True(pageResponse.IsSuccessStatusCode, factory.Errors.ToString());
        var page = await pageResponse.Content.ReadAsStringAsync();
        Assert.Contains("培训记录已提交", page);
        Assert.Contains("待确认", page);
        Assert.Contains("这是您记录的培训", page);

        var manager = await factory.OverseerAsync("TM100", Roles.Manager, siteId);
        Assert.Contains($"/training-records/{id}", await manager.GetStringAsync("/training-records?status=Submitted"));
        var signed = await ActAsync(manager, id, "countersign");

        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.Contains("已确认签字", await manager.GetStringAsync(signed.RedirectPath()));
        var record = await factory.WithDbAsync(db => db.TrainingRecords.AsNoTracking().Include(r => r.Steps).Include(r => r.Attendees).SingleAsync());
        Assert.Equal(TrainingRecordStatus.Countersigned, record.Status);
        Assert.Equal(15, record.Minutes);
        Assert.NotNull(record.CourseId);
        Assert.Equal(team.MemberIds.Order(), record.Attendees.Select(a => a.PersonId).Order());
        var managerId = (await factory.FindPersonAsync("TM100"))!.Id;
        Assert.Equal([(TrainingStepKind.Submitted, team.LeaderId), (TrainingStepKind.Countersigned, managerId)],
            record.Steps.OrderBy(s => s.Id).Select(s => (s.Kind, s.ById)));
        Assert.All(record.Steps, s => Assert.True(s.AtUtc > DateTime.UtcNow.AddMinutes(-5)));
        Assert.DoesNotContain($"/training-records/{id}", await manager.GetStringAsync("/training-records?status=Submitted"));
    }

    [Fact]
    public async Task Record_Returned_LeaderCorrects_TrainerCountersigns()
    {
        var team = await factory.CreateTeamAsync(siteId, "秩序班", "TL200", null, "TE201", "TE202", "TE203");
        var leader = await factory.SignedInAsync("TL200");
        var form = await OpenAsync(leader, "/training-records/new");
        var id = RecordId(await RecordAsync(leader, form, Routine(form.SubmissionKey, team.TeamId, Today, team.MemberIds.Take(2))));
        var manager = await factory.OverseerAsync("TM200", Roles.Manager, siteId);

        var noComment = await ActAsync(manager, id, "return", ("comment", "  "));
        Assert.Equal(HttpStatusCode.OK, noComment.StatusCode);
        Assert.Contains("请填写退回原因", await noComment.Content.ReadAsStringAsync());
        var returned = await ActAsync(manager, id, "return", ("comment", "参训人员漏了一人"));
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        // A returned record cannot be countersigned until it is corrected.
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(manager, id, "countersign")).StatusCode);

        var page = await leader.GetStringAsync($"/training-records/{id}");
        Assert.Contains("参训人员漏了一人", page);
        Assert.Contains("修改后重新提交", page);
        var corrected = await ActAsync(leader, id, "correct", [.. Routine("", team.TeamId, Today, team.MemberIds, ("minutes", "20"))]);
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);

        var trainer = await factory.OverseerAsync("TT200", Roles.Trainer, null);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(trainer, id, "countersign")).StatusCode);
        var record = await factory.WithDbAsync(db => db.TrainingRecords.AsNoTracking().Include(r => r.Steps).Include(r => r.Attendees).SingleAsync());
        Assert.Equal((TrainingRecordStatus.Countersigned, 20, 3), (record.Status, record.Minutes, record.Attendees.Count));
        Assert.Equal([TrainingStepKind.Submitted, TrainingStepKind.Returned, TrainingStepKind.Resubmitted, TrainingStepKind.Countersigned],
            record.Steps.OrderBy(s => s.Id).Select(s => s.Kind));
        Assert.Equal("参训人员漏了一人", record.Steps.Single(s => s.Kind == TrainingStepKind.Returned).Comment);
        var history = await trainer.GetStringAsync($"/training-records/{id}");
        Assert.Contains("测试TM200", history);
        Assert.Contains("测试TT200", history);
    }

    [Fact]
    public async Task Record_TwentyConcurrentIdenticalSubmissions_MakeOneRecord()
    {
        var team = await factory.CreateTeamAsync(siteId, "前台班", "TL300", null, "TE301", "TE302");
        var leader = await factory.SignedInAsync("TL300");
        var form = await OpenAsync(leader, "/training-records/new");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            RecordAsync(leader, form, Routine(form.SubmissionKey, team.TeamId, Today, team.MemberIds))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var id = Assert.Single(responses.Select(RecordId).Distinct());
        var records = await factory.WithDbAsync(db => db.TrainingRecords.AsNoTracking().Include(r => r.Attendees).Include(r => r.Steps).ToListAsync());
        Assert.Equal(id, Assert.Single(records).Id);
        Assert.Equal(2, records[0].Attendees.Count);
        Assert.Single(records[0].Steps);
    }

    [Fact]
    public async Task Record_OldFormKeyWithOtherContent_RefusedWithTextKeptAndAFreshKey()
    {
        var team = await factory.CreateTeamAsync(siteId, "保洁班", "TL400", null, "TE401");
        var leader = await factory.SignedInAsync("TL400");
        var form = await OpenAsync(leader, "/training-records/new");
        RecordId(await RecordAsync(leader, form, Routine(form.SubmissionKey, team.TeamId, Today, team.MemberIds)));

        var typedOver = await RecordAsync(leader, form, Routine(form.SubmissionKey, team.TeamId, Today, team.MemberIds, ("topic", "首问负责制")));

        var html = await typedOver.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, typedOver.StatusCode);
        Assert.Contains("这份表单此前已经提交过一次", html);
        Assert.Contains("首问负责制", html);
        Assert.DoesNotContain(form.SubmissionKey, html);
        Assert.Equal(1, await factory.WithDbAsync(db => db.TrainingRecords.CountAsync()));
    }

    [Fact]
    public async Task Attendance_ShowsOnThePersonPages_TheirOwnIncluded()
    {
        var team = await factory.CreateTeamAsync(siteId, "工程班", "TL500", null, "TE501", "TE502");
        var leader = await factory.SignedInAsync("TL500");
        var form = await OpenAsync(leader, "/training-records/new");
        RecordId(await RecordAsync(leader, form, Routine(form.SubmissionKey, team.TeamId, Today, [team.MemberIds[0]], ("topic", "报修上门礼仪"), ("minutes", "25"))));
        await factory.CreatePersonAsync("TA500", [Roles.Employee, Roles.Admin]);
        var admin = await factory.SignedInAsync("TA500");
        var manager = await factory.OverseerAsync("TM500", Roles.Manager, siteId);

        var adminPage = await admin.GetStringAsync($"/admin/people/{team.MemberIds[0]}");
        var managerPage = await manager.GetStringAsync($"/reviews/people/{team.MemberIds[0]}/monthly");
        var absentee = await admin.GetStringAsync($"/admin/people/{team.MemberIds[1]}");
        // The person's own monthly page, linked from their home page (the learning pages read caches only).
        var own = await (await factory.SignedInAsync("TE501")).GetStringAsync($"/reviews/people/{team.MemberIds[0]}/monthly");

        foreach (var page in new[] { adminPage, managerPage, own })
        {
            Assert.Contains("参加的班前培训（1 次）", page);
            Assert.Contains("报修上门礼仪", page);
            Assert.Contains("25 分钟", page);
            Assert.Contains(Today.ToString("d", new System.Globalization.CultureInfo("zh-CN")), page);
        }
        Assert.Contains("尚未参加过班前培训", absentee);
    }
}
