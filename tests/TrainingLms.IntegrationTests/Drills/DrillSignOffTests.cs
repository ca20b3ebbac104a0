using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain;
using TrainingLms.Domain.Drills;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.IntegrationTests.ShiftReviews;
using TrainingLms.Web.Features.Drills;
using static TrainingLms.IntegrationTests.Drills.DrillForms;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.IntegrationTests.Drills;

/// <summary>The trainer's phone form over HTTP: scoring, signing with the password, and what a signed record refuses.</summary>
public class DrillSignOffTests(DrillsFactory factory) : IClassFixture<DrillsFactory>
{
    private Task<DrillAttempt> AttemptAsync(int id) =>
        factory.WithDbAsync(db => db.DrillAttempts.AsNoTracking().Include(a => a.Scores).SingleAsync(a => a.Id == id));

    [Fact]
    public async Task Sign_TrainerScoresAndSignsWithPassword_SignedByRule_HashMatches()
    {
        var drill = await factory.SessionAsync("SA");
        var trainer = await factory.SignedInAsync(drill.TrainerNumber);

        var form = await trainer.GetStringAsync($"/drills/attempts/{drill.AttemptId}");
        var signed = await SignAsync(trainer, drill.AttemptId, FullMarks, comment: "动作规范");

        Assert.Contains("name=\"score.smile\"", form);
        Assert.Equal($"/drills/attempts/{drill.AttemptId}?done=signed", signed.RedirectPath());
        var attempt = await AttemptAsync(drill.AttemptId);
        Assert.Equal((true, 1000, drill.TrainerId), (attempt.Passed, attempt.PercentTenths, attempt.SignedById));
        var heldOn = SiteTime.Today(factory.Clock.UtcNow, SiteTime.DefaultTimeZoneId);
        Assert.Equal(heldOn.AddMonths(12).AddDays(-1), attempt.ValidThrough);
        Assert.Null(attempt.RetakeFrom);
        var row = await factory.WithDbAsync(db => AttemptRecords.Query(db, a => a.Id == drill.AttemptId).SingleAsync());
        Assert.Matches("^[0-9a-f]{64}$", attempt.ContentHash);
        Assert.Equal(row.Record()!.Hash(), attempt.ContentHash);
        Assert.Equal("smile 评语", attempt.Scores.Single(s => s.CriterionKey == "smile").Comment);
        var page = await trainer.GetStringAsync($"/drills/attempts/{drill.AttemptId}");
        Assert.Contains("已签核，结果已生效", (await trainer.GetStringAsync(signed.RedirectPath())));
        Assert.Contains("data-result=\"pass\"", page);
        Assert.DoesNotContain("name=\"score.smile\"", page);
    }

    [Fact]
    public async Task Sign_MustPassMissed_FailsWhateverTheTotal_AndGivesTheRetakeDate()
    {
        var drill = await factory.SessionAsync("SB");
        var trainer = await factory.SignedInAsync(drill.TrainerNumber);

        await SignAsync(trainer, drill.AttemptId, SmileMissed);

        var attempt = await AttemptAsync(drill.AttemptId);
        var heldOn = SiteTime.Today(factory.Clock.UtcNow, SiteTime.DefaultTimeZoneId);
        Assert.Equal((false, 833), (attempt.Passed, attempt.PercentTenths));
        Assert.Equal(heldOn.AddDays(3), attempt.RetakeFrom);
        Assert.Null(attempt.ValidThrough);
    }

    [Fact]
    public async Task Sign_WrongPassword_ClearError_NothingSigned_TypedScoresKept()
    {
        var drill = await factory.SessionAsync("SC");
        var trainer = await factory.SignedInAsync(drill.TrainerNumber);

        var response = await SignAsync(trainer, drill.AttemptId, FullMarks, password: "not-my-password1");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("密码不正确，未签核", html);
        Assert.Contains("meet 评语", html);
        Assert.Matches("name=\"score.smile\" value=\"3\" checked", html);
        var attempt = await AttemptAsync(drill.AttemptId);
        Assert.Null(attempt.SignedAtUtc);
        Assert.Null(attempt.ContentHash);
        // Nothing typed was lost: the draft holds the scores.
        Assert.Equal(3, attempt.Scores.Single(s => s.CriterionKey == "smile").Score);
    }

    [Fact]
    public async Task Sign_RepeatedWrongPasswords_ThenEvenTheRightOneMustWait_SignsNothing()
    {
        var drill = await factory.SessionAsync("SD");
        var trainer = await factory.SignedInAsync(drill.TrainerNumber);

        for (var i = 0; i < 5; i++) await SignAsync(trainer, drill.AttemptId, FullMarks, password: $"wrong-password{i}");
        var withRightPassword = await SignAsync(trainer, drill.AttemptId, FullMarks);

        Assert.Contains("密码错误次数过多，请等几分钟再签核。未签核", await withRightPassword.Content.ReadAsStringAsync());
        Assert.Null((await AttemptAsync(drill.AttemptId)).SignedAtUtc);
    }

    [Fact]
    public async Task Score_HalfFilledOrWrong_ComesBackWithWhatWasTyped_SigningItIsRefused()
    {
        var drill = await factory.SessionAsync("SE");
        await factory.LibraryClipAsync("smile-standard-demo", 120, drill.TrainerId);
        var trainer = await factory.SignedInAsync(drill.TrainerNumber);
        var path = $"/drills/attempts/{drill.AttemptId}";

        var wrong = await trainer.PostFieldsAsync(path, "score", Fields([("meet", "2"), ("smile", "9")], "save", more: [("clip.meet", "Not A Slug"), ("at.greet", "1:75")]));
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("请选择评分范围内的分数", wrongHtml);
        Assert.Contains("片段标识只能用小写字母", wrongHtml);
        Assert.Contains("时间请写成秒数", wrongHtml);
        Assert.Contains("value=\"Not A Slug\"", wrongHtml);
        Assert.Contains("value=\"1:75\"", wrongHtml);
        Assert.Null((await AttemptAsync(drill.AttemptId)).Scores.Single(s => s.CriterionKey == "meet").Score);

        var half = await trainer.PostFieldsAsync(path, "score", Fields([("meet", "2"), ("smile", "3")], "save", more: [("clip.meet", "smile-standard-demo"), ("at.meet", "1:35")]));
        Assert.Equal($"{path}?done=saved", half.RedirectPath());
        var page = await trainer.GetStringAsync(path);
        Assert.Contains("还有 2 项未打分", page);
        Assert.Contains("value=\"smile-standard-demo\"", page);

        var incomplete = await trainer.PostFieldsAsync(path, "score", Fields([("meet", "2"), ("smile", "3")], "sign", LmsFactory.Password,
            more: [("clip.meet", "smile-standard-demo"), ("at.meet", "95")]));
        var incompleteHtml = await incomplete.Content.ReadAsStringAsync();
        Assert.Contains("签核前请为此项打分", incompleteHtml);
        var attempt = await AttemptAsync(drill.AttemptId);
        Assert.Null(attempt.SignedAtUtc);
        var meet = attempt.Scores.Single(s => s.CriterionKey == "meet");
        Assert.Equal((2, "smile-standard-demo", 95), (meet.Score, meet.EvidenceClipSlug, meet.EvidenceAtSeconds));
    }

    [Fact]
    public async Task Evidence_NamesALibraryClip_AtATimeInsideIt_TheRecordLinksToThatMoment()
    {
        var drill = await factory.SessionAsync("SV");
        var clipId = await factory.LibraryClipAsync("drill-evidence-lobby", 80, drill.TrainerId);
        var trainer = await factory.SignedInAsync(drill.TrainerNumber);
        var path = $"/drills/attempts/{drill.AttemptId}";

        var unknown = await trainer.PostFieldsAsync(path, "score", Fields(FullMarks, "save", more: [("clip.meet", "no-such-clip"), ("at.meet", "0:10")]));
        var tooLate = await trainer.PostFieldsAsync(path, "score", Fields(FullMarks, "save", more: [("clip.meet", "drill-evidence-lobby"), ("at.meet", "1:30")]));
        var unknownHtml = await unknown.Content.ReadAsStringAsync();
        var tooLateHtml = await tooLate.Content.ReadAsStringAsync();

        Assert.Contains("片段库中没有这个标识的片段", unknownHtml);
        Assert.Contains("value=\"no-such-clip\"", unknownHtml);
        Assert.Contains("片段没有这么长", tooLateHtml);
        Assert.Null((await AttemptAsync(drill.AttemptId)).Scores.Single(s => s.CriterionKey == "meet").EvidenceClipSlug);

        var signed = await trainer.PostFieldsAsync(path, "score", Fields(FullMarks, "sign", LmsFactory.Password, more: [("clip.meet", "drill-evidence-lobby"), ("at.meet", "1:05")]));
        Assert.Equal($"{path}?done=signed", signed.RedirectPath());
        var record = await (await factory.SignedInAsync(drill.CandidateNumber)).GetStringAsync($"/drills/results/{drill.AttemptId}");
        Assert.Contains("href=\"/clips/named/drill-evidence-lobby?t=65\"", record);
        var follow = await trainer.GetAsync("/clips/named/drill-evidence-lobby?t=65");
        Assert.Equal($"/clips/{clipId}?t=65", follow.RedirectPath());
        Assert.Equal(HttpStatusCode.NotFound, (await trainer.GetAsync("/clips/named/no-such-clip")).StatusCode);
    }

    [Fact]
    public async Task Sign_TenTapsAtOnce_SignOnce()
    {
        var drill = await factory.SessionAsync("SF");
        var trainer = await factory.SignedInAsync(drill.TrainerNumber);
        var path = $"/drills/attempts/{drill.AttemptId}";
        var form = await ReviewForms.OpenAsync(trainer, path);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            ReviewForms.PostAsync(trainer, path, "score", form.Token, Fields(FullMarks, "sign", LmsFactory.Password).Select(f => (f.Key, f.Value)))));

        Assert.All(responses, r => Assert.Equal($"{path}?done=signed", r.RedirectPath()));
        var attempt = await AttemptAsync(drill.AttemptId);
        var row = await factory.WithDbAsync(db => AttemptRecords.Query(db, a => a.Id == drill.AttemptId).SingleAsync());
        Assert.True(row.IsIntact);
        Assert.Equal(1, await factory.WithDbAsync(db => db.DrillAttempts.CountAsync(a => a.SessionId == drill.SessionId)));
        Assert.NotNull(attempt.SignedAtUtc);
    }

    [Fact]
    public async Task SignedRecord_EveryFormAndTheDataLayer_RefuseAChange_NothingAltered()
    {
        var drill = await factory.SessionAsync("SG");
        var trainer = await factory.SignedInAsync(drill.TrainerNumber);
        var path = $"/drills/attempts/{drill.AttemptId}";
        await SignAsync(trainer, drill.AttemptId, SmileMissed);
        var before = await AttemptAsync(drill.AttemptId);
        var otherTrainerId = await factory.CreateStaffAsync("SG-T2", drill.SiteId, null, "另一培训师", Roles.Trainer, Roles.Employee);
        var otherTrainer = await factory.SignedInAsync("SG-T2");

        var resave = await trainer.PostFieldsAsync(path, "score", Fields(FullMarks, "save"));
        var resign = await trainer.PostFieldsAsync(path, "score", Fields(FullMarks, "sign", LmsFactory.Password));
        var signedByAnother = await otherTrainer.PostFieldsAsync(path, "score", Fields(SmileMissed, "sign", LmsFactory.Password));
        var remove = await trainer.PostFieldsAsync($"/drills/sessions/{drill.SessionId}", $"remove-{drill.AttemptId}", []);
        var addAgain = await trainer.PostFieldsAsync($"/drills/sessions/{drill.SessionId}", "add", [new("candidate", drill.CandidateId)]);
        var acknowledgeForThem = await trainer.PostFieldsAsync($"/drills/results/{drill.AttemptId}", "acknowledge", []);
        // Annulment has its own forms: countersigning what nobody asked to annul, or correcting what is not annulled, does nothing.
        var countersignUnasked = await otherTrainer.PostFieldsAsync(path, "countersign", [new("password", LmsFactory.Password)]);
        var correctUnannulled = await trainer.PostFieldsAsync(path, "correct", []);

        Assert.Equal(HttpStatusCode.Conflict, resave.StatusCode);
        Assert.Contains("该结果已签核，不能修改", await resave.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, resign.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, signedByAnother.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, remove.StatusCode);
        Assert.Equal($"/drills/sessions/{drill.SessionId}?done=added", addAgain.RedirectPath());
        Assert.Equal(HttpStatusCode.Forbidden, acknowledgeForThem.StatusCode);
        Assert.Contains("没有人申请作废该结果", await countersignUnasked.Content.ReadAsStringAsync());
        Assert.Contains("只有已作废的结果可以更正", await correctUnannulled.Content.ReadAsStringAsync());
        Assert.False(await factory.WithDbAsync(db => db.DrillAnnulments.AnyAsync(a => a.AttemptId == drill.AttemptId)));
        var guard = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.WithScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<LmsDbContext>>().CreateDbContextAsync();
            var score = await db.DrillScores.FirstAsync(s => s.AttemptId == drill.AttemptId && s.CriterionKey == "smile");
            score.Score = 3;
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("is signed", guard.Message);

        var after = await AttemptAsync(drill.AttemptId);
        Assert.Equal((before.ContentHash, before.Passed, before.SignedById, before.SignedAtUtc, before.AcknowledgedAtUtc),
            (after.ContentHash, after.Passed, after.SignedById, after.SignedAtUtc, after.AcknowledgedAtUtc));
        Assert.Equal(before.Scores.Select(s => (s.CriterionKey, s.Score, s.Comment)), after.Scores.Select(s => (s.CriterionKey, s.Score, s.Comment)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.DrillAttempts.CountAsync(a => a.SessionId == drill.SessionId)));
        Assert.NotEqual(otherTrainerId, after.SignedById);
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Employee)]
    public async Task Sign_SomeoneNotATrainer_Forbidden_NothingSigned(string role)
    {
        var prefix = "SH" + role[..2].ToUpperInvariant();
        var drill = await factory.SessionAsync(prefix);
        await factory.CreateStaffAsync(prefix + "X", drill.SiteId, null, "非培训师", role, Roles.Employee);
        var client = await factory.SignedInAsync(prefix + "X");
        // Their token comes from a page they may open; the post names the scoring form.
        var form = await ReviewForms.OpenAsync(client, "/account/password");

        var response = await ReviewForms.PostAsync(client, $"/drills/attempts/{drill.AttemptId}", "score", form.Token,
            Fields(FullMarks, "sign", LmsFactory.Password).Select(f => (f.Key, f.Value)));

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.RedirectPath()?.StartsWith("/account/denied", StringComparison.Ordinal) == true,
            $"{role}: {(int)response.StatusCode} {response.RedirectPath()}");
        Assert.Null((await AttemptAsync(drill.AttemptId)).SignedAtUtc);
    }

    [Fact]
    public async Task Sign_OwnAttempt_Refused()
    {
        var siteId = await factory.CreateSiteAsync("SI");
        var trainerId = await factory.CreateStaffAsync("SI-T", siteId, null, "自己考自己", Roles.Trainer, Roles.Employee);
        var sessionId = await factory.ScheduleAsync(trainerId, DrillsFactory.PreJob, siteId, SiteTime.Today(factory.Clock.UtcNow, null), trainerId);
        var attemptId = await factory.WithDbAsync(db => db.DrillAttempts.Where(a => a.SessionId == sessionId).Select(a => a.Id).SingleAsync());
        var trainer = await factory.SignedInAsync("SI-T");

        var response = await SignAsync(trainer, attemptId, FullMarks);

        Assert.Contains("不能签核自己的演练", await response.Content.ReadAsStringAsync());
        Assert.Null((await AttemptAsync(attemptId)).SignedAtUtc);
    }

    [Fact]
    public async Task Sign_BeforeTheDrillDay_Refused()
    {
        var drill = await factory.SessionAsync("SJ", heldInDays: 2);
        var trainer = await factory.SignedInAsync(drill.TrainerNumber);

        var response = await SignAsync(trainer, drill.AttemptId, FullMarks);

        Assert.Contains("届时才能签核", await response.Content.ReadAsStringAsync());
        Assert.Null((await AttemptAsync(drill.AttemptId)).SignedAtUtc);
    }

    [Fact]
    public async Task NewSession_PostedTwiceWithOneKey_CreatesOneSession_AndAFailedCandidateWaitsForTheRetakeDate()
    {
        var drill = await factory.SessionAsync("SK", candidateName: "补考者");
        var trainer = await factory.SignedInAsync(drill.TrainerNumber);
        await SignAsync(trainer, drill.AttemptId, SmileMissed);
        var today = SiteTime.Today(factory.Clock.UtcNow, SiteTime.DefaultTimeZoneId);
        var newPath = $"/drills/sessions/new?site={drill.SiteId}";
        var form = await ReviewForms.OpenAsync(trainer, newPath);
        (string, string)[] Session(DateOnly day) =>
            [("submissionKey", form.SubmissionKey), ("site", drill.SiteId.ToString()), ("drill", DrillsFactory.PreJob), ("heldOn", day.ToString("yyyy-MM-dd")), ("candidate", drill.CandidateId)];

        var tooSoon = await ReviewForms.PostAsync(trainer, newPath, "session", form.Token, Session(today.AddDays(2)));
        var tooSoonHtml = await tooSoon.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, tooSoon.StatusCode);
        Assert.Contains($"尚未到补考时间：补考者 {today.AddDays(3):yyyy-MM-dd}", tooSoonHtml);

        var first = await ReviewForms.PostAsync(trainer, newPath, "session", form.Token, Session(today.AddDays(3)));
        var again = await ReviewForms.PostAsync(trainer, newPath, "session", form.Token, Session(today.AddDays(3)));

        Assert.Matches(@"^/drills/sessions/\d+$", first.RedirectPath());
        Assert.Equal(first.RedirectPath(), again.RedirectPath());
        Assert.Equal(2, await factory.WithDbAsync(db => db.DrillSessions.CountAsync(s => s.SiteId == drill.SiteId)));
    }
}
