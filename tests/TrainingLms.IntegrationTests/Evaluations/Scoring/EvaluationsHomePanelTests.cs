using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Drills;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Evaluations.Cycle;
using TrainingLms.Web.Features.Evaluations.Scoring;

namespace TrainingLms.IntegrationTests.Evaluations.Scoring;

/// <summary>
/// The evaluator's home panel counts in the database what their list leaves to score, and the nearest deadline: an
/// evaluator of a large company has a thousand targets a month, which the home page no longer reads one by one.
/// </summary>
public class EvaluationsHomePanelTests(DrillsFactory factory) : IClassFixture<DrillsFactory>
{
    [Fact]
    public async Task HomePanel_CountsWhatTheListLeavesToScore_WithTheNearestDeadline_OneLessOnceScored()
    {
        var setUp = await factory.SessionAsync("HP");
        var leaderId = await factory.CreateStaffAsync("HPL", setUp.SiteId, null, "班长乙", Roles.ClassLeader, Roles.Employee);
        await factory.WithDbAsync(async db =>
        {
            var team = new Team { SiteId = setUp.SiteId, Name = "面板班", ClassLeaderId = leaderId };
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            return await db.Users.Where(p => p.Id == setUp.CandidateId).ExecuteUpdateAsync(p => p.SetProperty(x => x.TeamId, team.Id));
        });
        // Two open months; then the earlier one closed: only the open months' targets count, whichever were set up first.
        var september = await factory.WithScopeAsync(s => s.GetRequiredService<EvaluationPeriods>().OpenAsync(2026, 9));
        await factory.WithScopeAsync(s => s.GetRequiredService<EvaluationPeriods>().OpenAsync(2026, 10));
        var bothMonths = await LeftToScoreAsync(setUp.TrainerId);
        Assert.Equal([9, 10], bothMonths.Select(t => t.Month).Distinct().Order());
        Assert.Equal(new StillToScore(bothMonths.Count, bothMonths.Min(t => t.Deadline), bothMonths.Min(t => t.DaysLeft)),
            await factory.WithScopeAsync(s => s.GetRequiredService<EvaluationSheets>().StillToScoreAsync(setUp.TrainerId)));
        var adminId = await factory.CreateStaffAsync("HPA", setUp.SiteId, null, "管理员乙", Roles.Admin);
        Assert.Equal(PeriodChange.Closed, (await factory.WithScopeAsync(s => s.GetRequiredService<EvaluationPeriods>().CloseAsync(new EvaluationViewer(adminId, true), september.PeriodId!.Value))).Change);

        var trainer = await factory.SignedInAsync(setUp.TrainerNumber);
        var left = await LeftToScoreAsync(setUp.TrainerId);
        Assert.NotEmpty(left);
        Assert.All(left, t => Assert.Equal(10, t.Month));

        Assert.Equal(new StillToScore(left.Count, left.Min(t => t.Deadline), left.Min(t => t.DaysLeft)),
            await factory.WithScopeAsync(s => s.GetRequiredService<EvaluationSheets>().StillToScoreAsync(setUp.TrainerId)));
        Assert.Contains($"还有 {left.Count} 项待评", await trainer.GetStringAsync("/"));

        var team = left.First(t => t.Subject == EvaluationSubject.Team);
        var saved = await trainer.PostFieldsAsync($"/evaluations/targets/{team.TargetId}", "evaluate", [new("score.on-site-observation", "4"), new("comment", "")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(left.Count - 1, (await LeftToScoreAsync(setUp.TrainerId)).Count);
        var home = await trainer.GetStringAsync("/");
        Assert.Contains(left.Count == 1 ? "" : $"还有 {left.Count - 1} 项待评", home);
        if (left.Count == 1) Assert.DoesNotContain("evaluations-to-score", home);
    }

    private async Task<List<AssignedTarget>> LeftToScoreAsync(string evaluatorId) =>
        [.. (await factory.WithScopeAsync(s => s.GetRequiredService<EvaluationSheets>().MineAsync(new EvaluationViewer(evaluatorId, false)))).Where(t => t.ScoredAtUtc is null)];
}
