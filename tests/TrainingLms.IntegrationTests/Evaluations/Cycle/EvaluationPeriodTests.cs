using TrainingLms.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Courses.Content;
using TrainingLms.Web.Features.Evaluations.Cycle;
using TrainingLms.Web.Features.Evaluations.Cycle.Content;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.IntegrationTests.Evaluations.Cycle;

public sealed class EvaluationCycleFactory : OrganisationFactory;

/// <summary>The forms in content/evaluations as the app publishes them at start-up, and the periods opened from them.</summary>
public class EvaluationPeriodTests(EvaluationCycleFactory factory) : IClassFixture<EvaluationCycleFactory>
{
    [Fact]
    public async Task StartUp_RepositoryForms_ArePublishedWithoutProblems()
    {
        _ = factory.Services;
        var report = factory.Services.GetRequiredService<EvaluationFormSyncState>().Last!;

        Assert.Empty(report.Problems);
        Assert.Equal(["supervisor-monthly-etiquette", "team-post-training-effectiveness"], report.Rows.Select(r => r.Slug).Order());
        var subjects = await factory.WithDbAsync(db => db.EvaluationFormRevisions.Select(r => r.Subject).ToListAsync());
        Assert.Equal([EvaluationSubject.Supervisor, EvaluationSubject.Team], subjects.Order());
    }

    [Fact]
    public async Task StartUp_SecondSync_SkipsUnchangedFiles()
    {
        var report = await factory.WithScopeAsync(async services =>
        {
            await services.GetRequiredService<EvaluationFormSync>().SyncAsync();
            return services.GetRequiredService<EvaluationFormSyncState>().Last!;
        });

        Assert.All(report.Rows, row => Assert.Equal(SyncOutcome.Unchanged, row.Outcome));
        Assert.Equal(2, await factory.WithDbAsync(db => db.EvaluationFormRevisions.CountAsync()));
    }

    [Fact]
    public async Task OpenAsync_Organisation_ListsActiveSupervisorsAndTeamsWithEvaluatorsNeverThemselves()
    {
        var site = await factory.CreateSiteAsync("EV1");
        var otherSite = await factory.CreateSiteAsync("EV2");
        var closedSite = await factory.CreateSiteAsync("EV3");
        var manager = await PersonAsync("EVM1", [Roles.Manager], site);
        var otherManager = await PersonAsync("EVM2", [Roles.Manager], otherSite);
        var leader = await PersonAsync("EVL1", [Roles.ClassLeader, Roles.Employee], site);
        var trainer = await PersonAsync("EVT1", [Roles.Trainer], null);
        var inactiveLeader = await PersonAsync("EVL2", [Roles.ClassLeader], site, active: false);
        var employee = await PersonAsync("EVE1", [Roles.Employee], site);
        var siteless = await PersonAsync("EVL3", [Roles.ClassLeader], null);
        var (team, inactiveTeam, teamAtClosedSite) = await factory.WithDbAsync(async db =>
        {
            var active = new Team { SiteId = site, Name = "客服一班", ClassLeaderId = leader };
            var inactive = new Team { SiteId = site, Name = "旧班组", IsActive = false };
            var atClosed = new Team { SiteId = closedSite, Name = "保洁班" };
            db.AddRange(active, inactive, atClosed);
            await db.Sites.Where(s => s.Id == closedSite).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsActive, false));
            await db.SaveChangesAsync();
            return (active.Id, inactive.Id, atClosed.Id);
        });

        var result = await Periods(p => p.OpenAsync(2030, 1));
        var again = await Periods(p => p.OpenAsync(2030, 1));

        Assert.Equal(PeriodChange.Opened, result.Change);
        Assert.Equal(new PeriodResult(PeriodChange.AlreadyOpen, result.PeriodId), again);
        var period = await factory.WithDbAsync(db => db.EvaluationPeriods.AsNoTracking().Include(p => p.Targets).ThenInclude(t => t.Evaluators)
            .SingleAsync(p => p.Id == result.PeriodId));
        Assert.Equal(new DateOnly(2030, 2, 5), period.Deadline);
        var supervisors = period.Targets.Where(t => t.Subject == EvaluationSubject.Supervisor).ToList();
        Assert.Equal(new[] { leader, manager, otherManager }.Order(), supervisors.Select(t => t.PersonId!).Order());
        Assert.DoesNotContain(period.Targets, t => t.PersonId is { } id && new[] { trainer, inactiveLeader, employee, siteless }.Contains(id));
        var teams = period.Targets.Where(t => t.Subject == EvaluationSubject.Team).Select(t => t.TeamId).ToList();
        Assert.Contains(team, teams);
        Assert.DoesNotContain(inactiveTeam, teams);
        Assert.DoesNotContain(teamAtClosedSite, teams);

        var managerTarget = supervisors.Single(t => t.PersonId == manager);
        Assert.Equal([trainer], managerTarget.Evaluators.Select(e => e.EvaluatorId));
        var leaderTarget = supervisors.Single(t => t.PersonId == leader);
        Assert.Equal(new[] { manager, trainer }.Order(), leaderTarget.Evaluators.Select(e => e.EvaluatorId).Order());
        Assert.Equal("测试EVL1", leaderTarget.SubjectName);
        Assert.Equal("项目EV1", leaderTarget.SiteName);
        Assert.All(period.Targets, t => Assert.DoesNotContain(t.Evaluators, e => e.EvaluatorId == t.PersonId));
    }

    [Fact]
    public async Task CloseAsync_ByAdministratorOnly_ClosesOnce()
    {
        var opened = await Periods(p => p.OpenAsync(2031, 3));
        var admin = (await factory.FindPersonAsync(LmsFactory.AdministratorNumber))!.Id;

        var refused = await Periods(p => p.CloseAsync(new EvaluationViewer(admin, IsAdmin: false), opened.PeriodId!.Value));
        var closed = await Periods(p => p.CloseAsync(new EvaluationViewer(admin, IsAdmin: true), opened.PeriodId!.Value));
        var twice = await Periods(p => p.CloseAsync(new EvaluationViewer(admin, IsAdmin: true), opened.PeriodId!.Value));

        Assert.Equal(PeriodChange.Forbidden, refused.Change);
        Assert.Equal(PeriodChange.Closed, closed.Change);
        Assert.Equal(PeriodChange.AlreadyClosed, twice.Change);
        Assert.Equal(admin, await factory.WithDbAsync(db => db.EvaluationPeriods.Where(p => p.Id == opened.PeriodId).Select(p => p.ClosedById).SingleAsync()));
    }

    [Fact]
    public async Task OpenAsync_ByAdministrator_RefusesMonthsBeyondTheNext()
    {
        var admin = (await factory.FindPersonAsync(LmsFactory.AdministratorNumber))!.Id;
        var (year, month) = await Periods(p => p.CurrentMonthAsync());
        var far = new DateOnly(year, month, 1).AddMonths(2);

        var result = await Periods(p => p.OpenAsync(new EvaluationViewer(admin, IsAdmin: true), far.Year, far.Month));
        var notAdmin = await Periods(p => p.OpenAsync(new EvaluationViewer(admin, IsAdmin: false), year, month));

        Assert.Equal(PeriodChange.OutOfRange, result.Change);
        Assert.Equal(PeriodChange.Forbidden, notAdmin.Change);
        Assert.True(await CurrentMonthOpenedAsync(year, month), "the period opener opens the current month when the app starts");
    }

    /// <summary>The opener runs beside the start-up, so the month may open a moment after the first request: wait for it.</summary>
    private async Task<bool> CurrentMonthOpenedAsync(int year, int month)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await factory.WithDbAsync(db => db.EvaluationPeriods.AnyAsync(p => p.Year == year && p.Month == month)))
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(50);
        }
        return true;
    }

    private Task<T> Periods<T>(Func<EvaluationPeriods, Task<T>> action) =>
        factory.WithScopeAsync(services => action(services.GetRequiredService<EvaluationPeriods>()));

    private async Task<string> PersonAsync(string number, string[] roles, int? siteId, bool active = true)
    {
        var id = await factory.CreatePersonAsync(number, roles);
        await factory.WithDbAsync(db => db.Users.Where(p => p.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.SiteId, siteId).SetProperty(p => p.IsActive, active)));
        return id;
    }
}
