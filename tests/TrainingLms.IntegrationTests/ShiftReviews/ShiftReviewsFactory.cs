using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.ShiftReviews;

/// <summary>A clock the tests set; it starts at the real time so sign-in cookies behave as usual.</summary>
public sealed class TestClock : TimeProvider
{
    public DateTime UtcNow { get; set; } = DateTime.UtcNow;

    public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(UtcNow, DateTimeKind.Utc));

    /// <summary>Sets the clock to a wall-clock time at a site.</summary>
    public void SetLocal(DateTime local, string timeZoneId) => UtcNow = SiteTime.ToUtc(local, timeZoneId);
}

/// <summary>The app with a settable clock, and helpers that build sites, teams and people for review tests.</summary>
public sealed class ShiftReviewsFactory : LmsFactory
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public Task<int> CreateSiteAsync(string code, string timeZoneId = SiteTime.DefaultTimeZoneId) => WithDbAsync(async db =>
    {
        var site = new Site { Code = code, Name = "项目" + code, TimeZoneId = timeZoneId };
        db.Sites.Add(site);
        await db.SaveChangesAsync();
        return site.Id;
    });

    /// <summary>A team with a class leader (employee number <paramref name="leaderNumber"/>) and members.</summary>
    public async Task<TeamSetUp> CreateTeamAsync(int siteId, string name, string leaderNumber, IEnumerable<TeamShift>? shifts = null, params string[] memberNumbers)
    {
        var leaderId = await CreatePersonAsync(leaderNumber, [Roles.Employee, Roles.ClassLeader]);
        var memberIds = new List<string>();
        foreach (var number in memberNumbers) memberIds.Add(await CreatePersonAsync(number, [Roles.Employee]));
        var teamId = await WithDbAsync(async db =>
        {
            var team = new Team { SiteId = siteId, Name = name, LineOfWork = LineOfWork.CustomerService, ClassLeaderId = leaderId, Shifts = [.. shifts ?? []] };
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            var ids = memberIds.Append(leaderId).ToList();
            await db.Users.Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(p => p.SetProperty(x => x.TeamId, team.Id).SetProperty(x => x.SiteId, siteId));
            return team.Id;
        });
        return new TeamSetUp(teamId, leaderId, memberIds);
    }
}

public sealed record TeamSetUp(int TeamId, string LeaderId, IReadOnlyList<string> MemberIds);
