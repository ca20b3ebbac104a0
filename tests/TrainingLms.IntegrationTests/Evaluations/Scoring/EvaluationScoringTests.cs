using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Domain.Inspections;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.ShiftReviews;
using TrainingLms.IntegrationTests.Drills;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Evaluations.Cycle;
using TrainingLms.Web.Features.Evaluations.Scoring;

namespace TrainingLms.IntegrationTests.Evaluations.Scoring;

/// <summary>
/// October 2026 at one site, with known data: a daily team of three that filed 28 of its 31 reviews, completed one of
/// three course assignments due in the month, passed one of two signed drills (a third was annulled) and watched one
/// of three required clips in time, and whose October inspections found 9 of 12 judged items OK. The computed criteria,
/// the scoring form and the period's record are checked on it.
/// </summary>
public class EvaluationScoringTests(DrillsFactory factory) : IClassFixture<DrillsFactory>, IAsyncLifetime
{
    private const string Zone = SiteTime.DefaultTimeZoneId;
    private DrillSetUp setUp = default!;
    private string leaderId = "";
    private string[] members = [];
    private int teamId;
    private int periodId;

    public async ValueTask InitializeAsync()
    {
        if (await factory.WithDbAsync(db => db.Teams.AnyAsync(t => t.Name == "计算班"))) { await LoadAsync(); return; }
        setUp = await factory.SessionAsync("CC");
        var second = await factory.CreateStaffAsync("CCE2", setUp.SiteId, setUp.PositionId, "李二", Roles.Employee);
        var third = await factory.CreateStaffAsync("CCE3", setUp.SiteId, setUp.PositionId, "王三", Roles.Employee);
        leaderId = await factory.CreateStaffAsync("CCL", setUp.SiteId, null, "班长甲", Roles.ClassLeader, Roles.Employee);
        members = [setUp.CandidateId, second, third];
        var sessionId = await factory.ScheduleAsync(setUp.TrainerId, DrillsFactory.PreJob, setUp.SiteId, SiteTime.Today(factory.Clock.UtcNow, Zone), second, third);
        await factory.WithDbAsync(async db =>
        {
            var team = new Team { SiteId = setUp.SiteId, Name = "计算班", ClassLeaderId = leaderId };
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            teamId = team.Id;
            await db.Users.Where(p => members.Contains(p.Id)).ExecuteUpdateAsync(p => p.SetProperty(x => x.TeamId, team.Id));

            // Reviews: October 1–28 filed, 29–31 not; one in November that does not count.
            for (var day = 1; day <= 28; day++) db.ShiftReviews.Add(Review(team.Id, new DateOnly(2026, 10, day)));
            db.ShiftReviews.Add(Review(team.Id, new DateOnly(2026, 11, 1)));

            // Courses: three assignments due in October, one completed in time, one after the month, one never; one due in November.
            var course = await db.Courses.SingleAsync(c => c.Slug == "meet-smile-greet-rise");
            var other = await db.Courses.Where(c => c.Slug != course.Slug).Select(c => c.Id).FirstAsync();
            await db.CourseAssignments.Where(a => members.Contains(a.PersonId)).ExecuteDeleteAsync();
            db.CourseAssignments.AddRange(
                Assigned(members[0], course.Id, At(9, 30), new DateOnly(2026, 10, 15)),
                Assigned(members[1], course.Id, At(9, 30), new DateOnly(2026, 10, 20)),
                Assigned(members[2], course.Id, At(9, 30), new DateOnly(2026, 10, 31)),
                Assigned(members[0], other, new DateTime(2026, 11, 5, 2, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 11, 10)));
            db.CourseCompletions.AddRange(
                new CourseCompletion { PersonId = members[0], CourseId = course.Id, CourseVersion = 1, CompletedAtUtc = At(10, 14) },
                new CourseCompletion { PersonId = members[1], CourseId = course.Id, CourseVersion = 1, CompletedAtUtc = At(11, 2) });

            // Drills: passed and failed in October; the third annulled.
            await db.DrillAttempts.Where(a => a.CandidateId == members[0]).ExecuteUpdateAsync(a => a.SetProperty(x => x.SignedAtUtc, At(10, 10)).SetProperty(x => x.Passed, true));
            await db.DrillAttempts.Where(a => a.CandidateId == members[1]).ExecuteUpdateAsync(a => a.SetProperty(x => x.SignedAtUtc, At(10, 12)).SetProperty(x => x.Passed, false));
            await db.DrillAttempts.Where(a => a.CandidateId == members[2]).ExecuteUpdateAsync(a => a
                .SetProperty(x => x.SignedAtUtc, At(10, 13)).SetProperty(x => x.Passed, true).SetProperty(x => x.AnnulledAtUtc, At(10, 20)));
            await db.SaveChangesAsync();
            return sessionId;
        });

        // The course's smile lesson requires this clip: watched to the required share by the first in October, by the second only in November.
        var clipId = await factory.LibraryClipAsync("smile-standard-demo", 60, setUp.TrainerId);
        await factory.WithDbAsync(async db =>
        {
            db.ClipViews.AddRange(Watched(members[0], clipId, At(10, 5)), Watched(members[1], clipId, At(11, 5)));
            return await db.SaveChangesAsync();
        });
        // Inspections of the team: in October 9 items OK, 3 not OK and 2 not seen over two visits; one in November that does not count.
        await factory.WithDbAsync(async db =>
        {
            var formRevisionId = await db.InspectionFormRevisions.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            db.Inspections.AddRange(
                Inspected(formRevisionId, At(10, 6), [("meet", ItemVerdict.Ok), ("smile", ItemVerdict.Ok), ("greet", ItemVerdict.NotOk), ("rise", ItemVerdict.Ok),
                    ("language", ItemVerdict.NotSeen), ("appearance", ItemVerdict.Ok), ("first-inquiry", ItemVerdict.NotOk), ("posture", ItemVerdict.Ok)]),
                Inspected(formRevisionId, At(10, 31), [("meet", ItemVerdict.Ok), ("smile", ItemVerdict.NotOk), ("greet", ItemVerdict.Ok), ("rise", ItemVerdict.NotSeen),
                    ("language", ItemVerdict.Ok), ("appearance", ItemVerdict.Ok)]),
                Inspected(formRevisionId, At(11, 1), [("meet", ItemVerdict.NotOk), ("smile", ItemVerdict.NotOk)]));
            return await db.SaveChangesAsync();
        });
        periodId = (await factory.WithScopeAsync(s => s.GetRequiredService<EvaluationPeriods>().OpenAsync(2026, 10))).PeriodId!.Value;
    }

    private Inspection Inspected(int formRevisionId, DateTime atUtc, (string Key, ItemVerdict Verdict)[] results) => new()
    {
        SubmissionKey = Guid.NewGuid(), FormRevisionId = formRevisionId, SiteId = setUp.SiteId, TeamId = teamId, InspectorId = setUp.TrainerId,
        InspectedAtUtc = atUtc, Results = [.. results.Select(r => new ItemResult(r.Key, r.Verdict, ""))],
    };

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task LoadAsync()
    {
        (teamId, leaderId) = await factory.WithDbAsync(db => db.Teams.Where(t => t.Name == "计算班").Select(t => new ValueTuple<int, string>(t.Id, t.ClassLeaderId!)).SingleAsync());
        members = [.. await factory.WithDbAsync(db => db.Users.Where(p => p.TeamId == teamId).OrderBy(p => p.UserName).Select(p => p.Id).ToListAsync())];
        periodId = await factory.WithDbAsync(db => db.EvaluationPeriods.Where(p => p.Year == 2026 && p.Month == 10).Select(p => p.Id).SingleAsync());
        var trainer = await factory.FindPersonAsync("CCT");
        setUp = new DrillSetUp(trainer!.SiteId!.Value, "CCT", trainer.Id, "CCE", members[0], 0, 0, 0);
    }

    private static DateTime At(int month, int day) => SiteTime.ToUtc(new DateTime(2026, month, day, 12, 0, 0), Zone);

    private ShiftReview Review(int team, DateOnly date) => new()
    {
        TeamId = team, ShiftDate = date, ShiftKey = ShiftCalendar.DailyKey, SubmissionKey = Guid.NewGuid(), FiledById = leaderId,
        FiledAtUtc = At(date.Month, date.Day), UpdatedAtUtc = At(date.Month, date.Day), RosterSize = 3, WentWell = "主动问好",
    };

    private static CourseAssignment Assigned(string personId, int courseId, DateTime atUtc, DateOnly dueOn) =>
        new() { PersonId = personId, CourseId = courseId, Source = AssignmentSource.Person, AssignedAtUtc = atUtc, DueOn = dueOn };

    private static ClipView Watched(string personId, int clipId, DateTime atUtc) => new()
    {
        PersonId = personId, ClipId = clipId, Watched = [new WatchSpan(0, 60)], WatchedSeconds = 60, LastPositionSeconds = 60, CreditSeconds = 60,
        FirstReportAtUtc = atUtc, LastReportAtUtc = atUtc, ReachedRequiredShareAtUtc = atUtc,
    };

    private Task<EvaluationTarget> TargetAsync(EvaluationSubject subject) => factory.WithDbAsync(db => db.EvaluationTargets.AsNoTracking().Include(t => t.FormRevision)
        .SingleAsync(t => t.PeriodId == periodId && t.Subject == subject && (subject == EvaluationSubject.Team ? t.TeamId == teamId : t.PersonId == leaderId)));

    private Task<IReadOnlyDictionary<CriterionSource, ComputedValue>> ComputeAsync(EvaluationTarget target) => factory.WithScopeAsync(async s =>
    {
        var period = await s.GetRequiredService<Data.LmsDbContext>().EvaluationPeriods.SingleAsync(p => p.Id == periodId);
        return await s.GetRequiredService<ComputedCriteria>().ForTargetAsync(target, period, Enum.GetValues<CriterionSource>());
    });

    [Fact]
    public async Task RequiredClips_ThatSomeoneFilmedHasNotAgreedToShow_CountForNobody()
    {
        var clipId = await factory.WithDbAsync(db => db.Clips.Where(c => c.Slug == "smile-standard-demo").Select(c => c.Id).SingleAsync());
        await factory.WithDbAsync(db =>
        {
            db.ClipFeaturedPeople.Add(new ClipFeaturedPerson { ClipId = clipId, PersonId = leaderId, NotifiedAtUtc = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        try
        {
            var team = await ComputeAsync(await TargetAsync(EvaluationSubject.Team));

            Assert.Equal(new ComputedValue(CriterionSource.RequiredClipWatchedShare, 0, 0), team[CriterionSource.RequiredClipWatchedShare]);
        }
        finally
        {
            await factory.WithDbAsync(db => db.ClipFeaturedPeople.Where(f => f.ClipId == clipId).ExecuteDeleteAsync());
        }
    }

    [Fact]
    public async Task ComputedCriteria_KnownMonth_CountOnlyWhatWasDueAndDoneInTheMonth()
    {
        var team = await ComputeAsync(await TargetAsync(EvaluationSubject.Team));
        var leader = await ComputeAsync(await TargetAsync(EvaluationSubject.Supervisor));

        Assert.Equal(new ComputedValue(CriterionSource.ReviewFilingRate, 28, 31), team[CriterionSource.ReviewFilingRate]);
        Assert.Equal(new ComputedValue(CriterionSource.CourseCompletion, 1, 3), team[CriterionSource.CourseCompletion]);
        Assert.Equal(new ComputedValue(CriterionSource.DrillPassRate, 1, 2), team[CriterionSource.DrillPassRate]);
        Assert.Equal(new ComputedValue(CriterionSource.RequiredClipWatchedShare, 1, 3), team[CriterionSource.RequiredClipWatchedShare]);
        Assert.Equal(90.3, team[CriterionSource.ReviewFilingRate].Percent);
        // Counted by hand from the two October visits: OK 5 + 4 = 9, not OK 2 + 1 = 3, the 2 "not seen" left out.
        Assert.Equal(new ComputedValue(CriterionSource.InspectionPassRate, 9, 12), team[CriterionSource.InspectionPassRate]);
        Assert.Equal(75.0, team[CriterionSource.InspectionPassRate].Percent);
        // The class leader is judged on the team they lead.
        Assert.Equal(team.Values.OrderBy(v => v.Source), leader.Values.OrderBy(v => v.Source));
    }

    [Fact]
    public async Task ScoringForm_Evaluator_HalfFilledIsRefusedAndKept_ThenSavedWithComputedSources_ThenCorrected()
    {
        var target = await TargetAsync(EvaluationSubject.Supervisor);
        var trainer = await factory.SignedInAsync(setUp.TrainerNumber);
        var path = $"/evaluations/targets/{target.Id}";

        var list = await trainer.GetStringAsync("/evaluations");
        var page = await trainer.GetStringAsync(path);
        // Leads by example is the one line left to score by hand.
        var half = await trainer.PostFieldsAsync(path, "evaluate", [new("comment", "带头微笑")]);
        var halfHtml = await half.Content.ReadAsStringAsync();

        Assert.Contains(path, list);
        Assert.Contains("班长甲", page);
        Assert.Contains("2026年10月应召开班后讲评 31 次，已提交记录 28 次", page);
        Assert.Contains("2026年10月到期的课程分配 3 项，已完成 1 项", page);
        Assert.Contains("2026年10月检查项目判定 12 项（不含“未见”），合格 9 项", page);
        Assert.DoesNotContain("name=\"score.spot-check-results\"", page);
        Assert.Contains("尚未保存", halfHtml);
        Assert.Contains("请选择分数", halfHtml);
        Assert.Contains("带头微笑", halfHtml);
        Assert.False(await factory.WithDbAsync(db => db.Evaluations.AnyAsync(e => e.TargetId == target.Id)));

        var saved = await trainer.PostFieldsAsync(path, "evaluate", [new("score.leads-by-example", "4"), new("score.spot-check-results", "5"), new("comment", "带头微笑")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var evaluation = await factory.WithDbAsync(db => db.Evaluations.AsNoTracking().SingleAsync(e => e.TargetId == target.Id));
        var reviews = Assert.Single(evaluation.Scores, s => s.Key == "shift-reviews-held");
        Assert.Equal((5, CriterionSource.ReviewFilingRate, 90.3, "28/31"), (reviews.Score, reviews.Source, reviews.SourcePercent!.Value, reviews.SourceDetail));
        var courses = Assert.Single(evaluation.Scores, s => s.Key == "team-course-completion");
        Assert.Equal((2, "1/3"), (courses.Score, courses.SourceDetail));
        // The typed 5 for spot checks is not a field any more: the inspections give 9 of 12 = 75% of 5 = 3.75 → 4.
        var spotChecks = Assert.Single(evaluation.Scores, s => s.Key == "spot-check-results");
        Assert.Equal((4, CriterionSource.InspectionPassRate, 75.0, "9/12"), (spotChecks.Score, spotChecks.Source, spotChecks.SourcePercent!.Value, spotChecks.SourceDetail));
        // 4/5×3 + 4/5×3 (75% → 4) + 5/5×2 (90.3% → 5) + 2/5×2 (33.3% → 2) = 7.6 of a weight of 10.
        Assert.Equal(76.0, evaluation.Percent);
        Assert.Null(evaluation.RevisedAtUtc);

        var corrected = await trainer.PostFieldsAsync(path, "evaluate", [new("score.leads-by-example", "5"), new("score.spot-check-results", "5"), new("comment", "")]);
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var after = await factory.WithDbAsync(db => db.Evaluations.AsNoTracking().SingleAsync(e => e.TargetId == target.Id));
        Assert.Equal((82.0, (string?)null), (after.Percent, after.Comment));
        Assert.NotNull(after.RevisedAtUtc);
    }

    [Fact]
    public async Task ScoringForm_NotAssignedOrOutOfRange_Refused_AndClosedPeriodIsFinal()
    {
        var target = await TargetAsync(EvaluationSubject.Team);
        var path = $"/evaluations/targets/{target.Id}";
        var member = await factory.SignedInAsync("CCE2");
        var evaluatorId = (await factory.FindPersonAsync(setUp.TrainerNumber))!.Id;
        var sheets = factory.Services.CreateScope().ServiceProvider.GetRequiredService<EvaluationSheets>();
        var scored = target.FormRevision!.Criteria.Where(c => !c.IsComputed).ToList();

        var foreign = await member.GetAsync(path);
        var memberId = (await factory.FindPersonAsync("CCE2"))!.Id;
        var foreignPost = await sheets.SubmitAsync(new EvaluationViewer(memberId, false), target.Id, scored.ToDictionary(c => c.Key, _ => "1"), null);
        var tooHigh = await sheets.SubmitAsync(new EvaluationViewer(evaluatorId, false), target.Id, scored.ToDictionary(c => c.Key, c => (c.Max + 1).ToString()), null);
        var negative = await sheets.SubmitAsync(new EvaluationViewer(evaluatorId, false), target.Id, scored.ToDictionary(c => c.Key, _ => "-1"), null);

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(SheetStatus.Forbidden, foreignPost.Status);
        Assert.Equal(SheetStatus.Invalid, tooHigh.Status);
        Assert.Equal(SheetStatus.Invalid, negative.Status);
        Assert.False(await factory.WithDbAsync(db => db.Evaluations.AnyAsync(e => e.TargetId == target.Id)));

        // September: an administrator sees the missing lines flagged, closes the period, and the record keeps them as not evaluated.
        var september = (await factory.WithScopeAsync(s => s.GetRequiredService<EvaluationPeriods>().OpenAsync(2026, 9))).PeriodId!.Value;
        var septemberTarget = await factory.WithDbAsync(db => db.EvaluationTargets.SingleAsync(t => t.PeriodId == september && t.TeamId == teamId));
        var periodPath = $"/admin/evaluations/{september}";
        var admin = await factory.AdministratorClientAsync();
        var open = await admin.GetStringAsync(periodPath);
        var notAdmin = await member.GetAsync(periodPath);
        var notAdminClose = await factory.WithScopeAsync(s => s.GetRequiredService<EvaluationPeriods>().CloseAsync(new EvaluationViewer(memberId, false), september));

        Assert.Contains("data-flag=\"missing\"", open);
        Assert.Contains($"data-target=\"{septemberTarget.Id}\" data-evaluated=\"false\"", open);
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        Assert.Equal(PeriodChange.Forbidden, notAdminClose.Change);
        Assert.Null(await factory.WithScopeAsync(s => s.GetRequiredService<PeriodAdministration>().RecordAsync(new EvaluationViewer(memberId, false), september)));
        Assert.False(await factory.WithDbAsync(db => db.EvaluationPeriods.AnyAsync(p => p.Id == september && p.ClosedAtUtc != null)));

        var closed = await admin.PostFieldsAsync(periodPath, "close-period", []);
        var record = await admin.GetStringAsync(closed.RedirectPath());
        var late = await sheets.SubmitAsync(new EvaluationViewer(evaluatorId, false), septemberTarget.Id, scored.ToDictionary(c => c.Key, _ => "3"), null);

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Contains("data-record=\"closed\"", record);
        Assert.Contains($"data-target=\"{septemberTarget.Id}\" data-evaluated=\"false\"", record);
        Assert.Equal(SheetStatus.PeriodClosed, late.Status);
        Assert.False(await factory.WithDbAsync(db => db.Evaluations.AnyAsync(e => e.TargetId == septemberTarget.Id)));
        Assert.Contains("本考评周期已关闭", await (await factory.SignedInAsync(setUp.TrainerNumber)).GetStringAsync($"/evaluations/targets/{septemberTarget.Id}"));
    }

    [Fact]
    public async Task PeriodsPage_CountsAnOpenMonthAsEvaluationsComeIn_AndAClosedMonthsFinalCounts()
    {
        var june = (await factory.WithScopeAsync(s => s.GetRequiredService<EvaluationPeriods>().OpenAsync(2026, 6))).PeriodId!.Value;
        var evaluator = new EvaluationViewer((await factory.FindPersonAsync(setUp.TrainerNumber))!.Id, false);
        var admin = new EvaluationViewer((await factory.FindPersonAsync(LmsFactory.AdministratorNumber))!.Id, true);
        var toScore = (await factory.WithScopeAsync(s => s.GetRequiredService<EvaluationSheets>().MineAsync(evaluator))).Where(t => t.Month == 6).Take(2).ToList();
        Assert.Equal(2, toScore.Count);
        Task<PeriodCounts> ListedAsync() => factory.WithScopeAsync(async s => Of((await s.GetRequiredService<PeriodAdministration>().PeriodsAsync(admin)).Single(p => p.Id == june)));
        Task<PeriodCounts> ByHandAsync() => factory.WithDbAsync(async db =>
        {
            var targets = db.EvaluationTargets.Where(t => t.PeriodId == june);
            var assignments = db.EvaluatorAssignments.Where(a => targets.Any(t => t.Id == a.TargetId));
            return new PeriodCounts(
                await targets.CountAsync(), await targets.CountAsync(t => db.Evaluations.Any(e => e.TargetId == t.Id)),
                await assignments.CountAsync(), await assignments.CountAsync(a => db.Evaluations.Any(e => e.TargetId == a.TargetId && e.EvaluatorId == a.EvaluatorId)));
        });
        async Task ScoreAsync(int targetId)
        {
            var form = await factory.WithDbAsync(db => db.EvaluationTargets.Where(t => t.Id == targetId).Select(t => t.FormRevision!).SingleAsync());
            var scores = form.Criteria.Where(c => !c.IsComputed).ToDictionary(c => c.Key, _ => "3");
            Assert.Equal(SheetStatus.Done, (await factory.WithScopeAsync(s => s.GetRequiredService<EvaluationSheets>().SubmitAsync(evaluator, targetId, scores, null))).Status);
        }
        // A second evaluator on the first target, who never scores it: that assignment stays undone when the trainer scores.
        await factory.WithDbAsync(async db =>
        {
            db.EvaluatorAssignments.Add(new EvaluatorAssignment { TargetId = toScore[0].TargetId, EvaluatorId = admin.PersonId, EvaluatorName = "管理员" });
            return await db.SaveChangesAsync();
        });
        var opened = await ListedAsync();
        Assert.Equal(await ByHandAsync(), opened);
        Assert.Equal(0, opened.AssignmentsDone);

        await ScoreAsync(toScore[0].TargetId);
        Assert.Equal(opened with { TargetsEvaluated = 1, AssignmentsDone = 1 }, await ListedAsync()); // open: counted on every view

        // Scored after the last view, then closed: the closed month's counts are read afresh once, then kept.
        await ScoreAsync(toScore[1].TargetId);
        Assert.Equal(PeriodChange.Closed, (await factory.WithScopeAsync(s => s.GetRequiredService<EvaluationPeriods>().CloseAsync(admin, june))).Change);
        var closed = await ListedAsync();
        Assert.Equal(opened with { TargetsEvaluated = 2, AssignmentsDone = 2 }, closed);
        Assert.Equal(closed, await ListedAsync());
        Assert.Equal(await ByHandAsync(), closed);
        Assert.Equal(closed, Of((await factory.WithScopeAsync(s => s.GetRequiredService<PeriodAdministration>().RecordAsync(admin, june)))!.Summary));
    }

    private static PeriodCounts Of(PeriodSummary summary) => new(summary.Targets, summary.TargetsEvaluated, summary.Assignments, summary.AssignmentsDone);

    [Fact]
    public async Task Submit_SameFormManyTimesAtOnce_OneEvaluation_AndNoneOnceClosed()
    {
        var august = (await factory.WithScopeAsync(s => s.GetRequiredService<EvaluationPeriods>().OpenAsync(2026, 8))).PeriodId!.Value;
        var target = await factory.WithDbAsync(db => db.EvaluationTargets.Include(t => t.FormRevision).SingleAsync(t => t.PeriodId == august && t.TeamId == teamId));
        var evaluator = new EvaluationViewer((await factory.FindPersonAsync(setUp.TrainerNumber))!.Id, false);
        var scores = target.FormRevision!.Criteria.Where(c => !c.IsComputed).ToDictionary(c => c.Key, _ => "3");

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            factory.WithScopeAsync(s => s.GetRequiredService<EvaluationSheets>().SubmitAsync(evaluator, target.Id, scores, null))));
        var admin = new EvaluationViewer((await factory.FindPersonAsync(LmsFactory.AdministratorNumber))!.Id, true);
        var afterClose = await factory.WithScopeAsync(async s =>
        {
            await s.GetRequiredService<EvaluationPeriods>().CloseAsync(admin, august);
            return await s.GetRequiredService<EvaluationSheets>().SubmitAsync(evaluator, target.Id, scores, "迟到的修改");
        });

        Assert.All(results, r => Assert.Equal(SheetStatus.Done, r.Status));
        Assert.Equal(SheetStatus.PeriodClosed, afterClose.Status);
        var stored = Assert.Single(await factory.WithDbAsync(db => db.Evaluations.Where(e => e.TargetId == target.Id).ToListAsync()));
        Assert.Null(stored.Comment);
    }

    [Theory]
    [InlineData("/benchmark/star?site=abc")]
    [InlineData("/benchmark/stories?published=x")]
    [InlineData("/benchmark?year=x&quarter=y")]
    [InlineData("/rankings/trends?site=abc")]
    [InlineData("/rankings?revision=x&published=y&appealed=z")]
    [InlineData("/admin/appeals?decided=x")]
    [InlineData("/clips?kind=x&site=y&point=z&page=w")]
    [InlineData("/clearance?site=x&position=y")]
    [InlineData("/benchmark/codes?site=x")]
    [InlineData("/reviews/search?page=x")]
    [InlineData("/reviews/oversight?site=x")]
    [InlineData("/drills/sessions/new?adhoc=maybe")]
    public async Task Pages_MalformedQueryValues_AreIgnoredNotAServerError(string path)
    {
        var admin = await factory.AdministratorClientAsync();

        var response = await admin.GetAsync(path);

        Assert.True(response.StatusCode == HttpStatusCode.OK, factory.Errors.ToString());
    }
}
