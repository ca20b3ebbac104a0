using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain.Drills;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using static TrainingLms.IntegrationTests.Drills.DrillForms;

namespace TrainingLms.IntegrationTests.Drills;

/// <summary>A signed record after the fact: tampering found by the hash, annulment with a second signer, who may read it.</summary>
public class DrillRecordTests(DrillsFactory factory) : IClassFixture<DrillsFactory>
{
    private async Task<DrillSetUp> SignedAsync(string prefix, (string, string)[] scores, string candidateName = "张晓明")
    {
        var drill = await factory.SessionAsync(prefix, candidateName: candidateName);
        var trainer = await factory.SignedInAsync(drill.TrainerNumber);
        var signed = await SignAsync(trainer, drill.AttemptId, scores);
        Assert.Equal($"/drills/attempts/{drill.AttemptId}?done=signed", signed.RedirectPath());
        return drill;
    }

    [Fact]
    public async Task Tampering_AScoreChangedInTheDatabase_IsFoundByTheHash_ShownAndCountsForNothing()
    {
        var drill = await SignedAsync("RA", SmileMissed);
        var candidate = await factory.SignedInAsync(drill.CandidateNumber);
        Assert.DoesNotContain("签核后被改动过", await candidate.GetStringAsync($"/drills/results/{drill.AttemptId}"));

        // Someone with the database file turns the failed smile into full marks and the fail into a pass.
        var changed = await factory.TamperAsync(db => db.DrillScores.Where(s => s.AttemptId == drill.AttemptId && s.CriterionKey == "smile")
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Score, 3)));
        await factory.TamperAsync(db => db.DrillAttempts.Where(a => a.Id == drill.AttemptId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Passed, true).SetProperty(a => a.RetakeFrom, (DateOnly?)null).SetProperty(a => a.ValidThrough, new DateOnly(2099, 1, 1))));

        Assert.Equal(1, changed);
        var result = await candidate.GetStringAsync($"/drills/results/{drill.AttemptId}");
        Assert.Contains("此签核记录与签名不符：签核后被改动过", result);
        var trainer = await factory.SignedInAsync(drill.TrainerNumber);
        Assert.Contains("此签核记录与签名不符", await trainer.GetStringAsync($"/drills/attempts/{drill.AttemptId}"));
        var clearance = await candidate.GetStringAsync("/clearance/me");
        Assert.Contains("data-status=\"NotCleared\"", clearance);
        Assert.Contains("记录被改动", clearance);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Certificates.CountAsync(c => c.PersonId == drill.CandidateId)));
    }

    [Fact]
    public async Task Tampering_APassedRecordEdited_ItsCertificateVerifiesAsInvalid()
    {
        var drill = await SignedAsync("RB", FullMarks);
        var code = await factory.WithDbAsync(db => db.Certificates.Where(c => c.PersonId == drill.CandidateId).Select(c => c.Code).SingleAsync());
        var anonymous = factory.CreateSessionClient();
        Assert.Contains("data-status=\"Valid\"", await anonymous.GetStringAsync($"/verify/{code}"));

        await factory.TamperAsync(db => db.DrillScores.Where(s => s.AttemptId == drill.AttemptId && s.CriterionKey == "meet")
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Comment, "改过的评语")));

        Assert.Contains("data-status=\"Invalid\"", await anonymous.GetStringAsync($"/verify/{code}"));
    }

    [Fact]
    public async Task Annulment_NeedsASecondSigner_WithTheirPassword_ThenACorrectedAttempt_HistoryKept()
    {
        var drill = await SignedAsync("RC", FullMarks);
        var path = $"/drills/attempts/{drill.AttemptId}";
        var trainer = await factory.SignedInAsync(drill.TrainerNumber);
        await factory.CreateStaffAsync("RC-T2", drill.SiteId, null, "复核培训师", Roles.Trainer, Roles.Employee);
        var second = await factory.SignedInAsync("RC-T2");
        var code = await factory.WithDbAsync(db => db.Certificates.Where(c => c.PersonId == drill.CandidateId).Select(c => c.Code).SingleAsync());

        var noReason = await trainer.PostFieldsAsync(path, "annul", [new("reason", ""), new("password", LmsFactory.Password)]);
        Assert.Contains("请填写作废原因", await noReason.Content.ReadAsStringAsync());
        var wrongPassword = await trainer.PostFieldsAsync(path, "annul", [new("reason", "微笑项误记为满分"), new("password", "wrong-password1")]);
        Assert.Contains("密码不正确", await wrongPassword.Content.ReadAsStringAsync());
        Assert.Equal(0, await factory.WithDbAsync(db => db.DrillAnnulments.CountAsync(a => a.AttemptId == drill.AttemptId)));

        var requested = await trainer.PostFieldsAsync(path, "annul", [new("reason", "微笑项误记为满分"), new("password", LmsFactory.Password)]);
        Assert.Equal($"{path}?done=requested", requested.RedirectPath());

        // The trainer who asked cannot be the second signer.
        var sameTrainer = await trainer.PostFieldsAsync(path, "countersign", [new("password", LmsFactory.Password)]);
        Assert.Contains("作废是您申请的，须由另一位培训师或管理员复核签字", await sameTrainer.Content.ReadAsStringAsync());
        var secondWrong = await second.PostFieldsAsync(path, "countersign", [new("password", "wrong-password1")]);
        Assert.Contains("密码不正确", await secondWrong.Content.ReadAsStringAsync());
        Assert.Null((await factory.WithDbAsync(db => db.DrillAttempts.AsNoTracking().SingleAsync(a => a.Id == drill.AttemptId))).AnnulledAtUtc);
        Assert.Contains("data-status=\"Valid\"", await factory.CreateSessionClient().GetStringAsync($"/verify/{code}"));

        var countersigned = await second.PostFieldsAsync(path, "countersign", [new("password", LmsFactory.Password)]);
        Assert.Equal($"{path}?done=annulled", countersigned.RedirectPath());
        var annulled = await factory.WithDbAsync(db => db.DrillAttempts.AsNoTracking().Include(a => a.Scores).SingleAsync(a => a.Id == drill.AttemptId));
        Assert.NotNull(annulled.AnnulledAtUtc);
        Assert.True(annulled.IsSigned);
        Assert.Contains("data-status=\"Revoked\"", await factory.CreateSessionClient().GetStringAsync($"/verify/{code}"));

        var corrected = await trainer.PostFieldsAsync(path, "correct", []);
        var correctionPath = corrected.RedirectPath()!;
        Assert.Matches(@"^/drills/attempts/\d+$", correctionPath);
        var correctionForm = await trainer.GetStringAsync(correctionPath);
        Assert.Contains("name=\"score.smile\" value=\"3\" checked", correctionForm);
        var again = await trainer.PostFieldsAsync(path, "correct", []);
        Assert.Equal(correctionPath, again.RedirectPath());

        var correctionId = int.Parse(correctionPath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await SignAsync(trainer, correctionId, SmileMissed);
        var candidate = await factory.SignedInAsync(drill.CandidateNumber);
        var history = await candidate.GetStringAsync($"/drills/results/{correctionId}");
        Assert.Contains("该演练的全部记录", history);
        Assert.Contains($"/drills/results/{drill.AttemptId}", history);
        var old = await candidate.GetStringAsync($"/drills/results/{drill.AttemptId}");
        Assert.Contains("该结果已作废", old);
        Assert.Contains("微笑项误记为满分", old);
        Assert.Contains("复核人 复核培训师", old);
        // Nothing was overwritten: the annulled attempt still holds its scores and its hash matches.
        var rows = await factory.WithDbAsync(db => AttemptRecordsOf(db, drill.AttemptId, correctionId));
        Assert.All(rows, r => Assert.True(r.IsIntact));
        Assert.Equal((true, false), (rows.Single(r => r.Id == drill.AttemptId).Passed!.Value, rows.Single(r => r.Id == correctionId).Passed!.Value));
    }

    private static Task<List<Web.Features.Drills.AttemptRow>> AttemptRecordsOf(Data.LmsDbContext db, params int[] ids) =>
        Web.Features.Drills.AttemptRecords.Query(db, a => ids.Contains(a.Id)).ToListAsync();

    [Fact]
    public async Task Annulment_AnAdministratorMayCountersign()
    {
        var drill = await SignedAsync("RD", FullMarks);
        var path = $"/drills/attempts/{drill.AttemptId}";
        var trainer = await factory.SignedInAsync(drill.TrainerNumber);
        await trainer.PostFieldsAsync(path, "annul", [new("reason", "考核人员记错了"), new("password", LmsFactory.Password)]);
        var administrator = await factory.AdministratorClientAsync();

        var countersigned = await administrator.PostFieldsAsync(path, "countersign", [new("password", LmsFactory.Password)]);

        Assert.Equal($"{path}?done=annulled", countersigned.RedirectPath());
        Assert.NotNull((await factory.WithDbAsync(db => db.DrillAttempts.AsNoTracking().SingleAsync(a => a.Id == drill.AttemptId))).AnnulledAtUtc);
    }

    [Fact]
    public async Task Results_ACandidateSeesOnlyTheirOwn_WithFeedback_AcknowledgesIt_SeesTheRetakeDate()
    {
        var drill = await SignedAsync("RE", SmileMissed, candidateName: "李小红");
        var other = await factory.SessionAsync("RF", candidateName: "王二");
        var candidate = await factory.SignedInAsync(drill.CandidateNumber);
        var stranger = await factory.SignedInAsync(other.CandidateNumber);
        var retake = Domain.SiteTime.Today(factory.Clock.UtcNow, null).AddDays(3);

        var own = await candidate.GetAsync($"/drills/results/{drill.AttemptId}");
        var theirs = await stranger.GetAsync($"/drills/results/{drill.AttemptId}");
        var theirClearance = await stranger.GetAsync($"/clearance/people/{drill.CandidateId}");
        var draft = await candidate.GetAsync($"/drills/results/{other.AttemptId}");
        var ownDraft = await stranger.GetAsync($"/drills/results/{other.AttemptId}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var html = await own.Content.ReadAsStringAsync();
        Assert.Contains("未通过", html);
        Assert.Contains("smile 评语", html);
        Assert.Contains($"{retake:yyyy-MM-dd} 起可以补考", html);
        Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
        Assert.DoesNotContain("李小红", await theirs.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, theirClearance.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, draft.StatusCode);
        // Even their own attempt is not shown before it is signed.
        Assert.Equal(HttpStatusCode.NotFound, ownDraft.StatusCode);
        var strangerAcknowledges = await PostAcknowledgeAsync(stranger, drill.AttemptId);
        Assert.Equal(HttpStatusCode.Forbidden, strangerAcknowledges.StatusCode);
        Assert.Null((await factory.WithDbAsync(db => db.DrillAttempts.AsNoTracking().SingleAsync(a => a.Id == drill.AttemptId))).AcknowledgedAtUtc);

        var acknowledged = await candidate.PostFieldsAsync($"/drills/results/{drill.AttemptId}", "acknowledge", []);
        Assert.Equal($"/drills/results/{drill.AttemptId}?acknowledged=1", acknowledged.RedirectPath());
        Assert.NotNull((await factory.WithDbAsync(db => db.DrillAttempts.AsNoTracking().SingleAsync(a => a.Id == drill.AttemptId))).AcknowledgedAtUtc);
        Assert.Contains("已于", await candidate.GetStringAsync($"/drills/results/{drill.AttemptId}"));
    }

    /// <summary>Posts the acknowledgement form of a result page the client may not open, with a token from a page it may.</summary>
    private static async Task<HttpResponseMessage> PostAcknowledgeAsync(HttpClient client, int attemptId)
    {
        var form = await ShiftReviews.ReviewForms.OpenAsync(client, "/account/password");
        return await ShiftReviews.ReviewForms.PostAsync(client, $"/drills/results/{attemptId}", "acknowledge", form.Token, []);
    }

    [Fact]
    public async Task Results_TheManagerOfTheCandidatesSite_MayRead_AnotherSitesManagerMayNot()
    {
        var drill = await SignedAsync("RG", FullMarks);
        await factory.CreateStaffAsync("RG-M", drill.SiteId, null, "本项目经理", Roles.Manager, Roles.Employee);
        var elsewhere = await factory.CreateSiteAsync("RH");
        await factory.CreateStaffAsync("RH-M", elsewhere, null, "外项目经理", Roles.Manager, Roles.Employee);

        var own = await (await factory.SignedInAsync("RG-M")).GetAsync($"/drills/results/{drill.AttemptId}");
        var other = await (await factory.SignedInAsync("RH-M")).GetAsync($"/drills/results/{drill.AttemptId}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }
}
