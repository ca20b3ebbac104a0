using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Inspections;

/// <summary>The app with a settable clock, and helpers that build sites, teams (posts), leaders and managers for inspections.</summary>
public class InspectionsFactory : OrganisationFactory
{
    /// <summary>A team of <paramref name="line"/> at the site, its class leader and members (all placed at the site).</summary>
    public async Task<PostSetUp> CreatePostAsync(int siteId, string name, LineOfWork line, string leaderNumber, params string[] memberNumbers)
    {
        var leaderId = await CreatePersonAsync(leaderNumber, [Roles.Employee, Roles.ClassLeader]);
        var memberIds = new List<string>();
        foreach (var number in memberNumbers) memberIds.Add(await CreatePersonAsync(number, [Roles.Employee]));
        var teamId = await WithDbAsync(async db =>
        {
            var team = new Team { SiteId = siteId, Name = name, LineOfWork = line, ClassLeaderId = leaderId };
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            var ids = memberIds.Append(leaderId).ToList();
            await db.Users.Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(p => p.SetProperty(x => x.TeamId, team.Id).SetProperty(x => x.SiteId, siteId));
            return team.Id;
        });
        return new PostSetUp(siteId, teamId, leaderId, memberIds);
    }

    public async Task<string> CreateManagerAsync(string number, int siteId)
    {
        var id = await CreatePersonAsync(number, [Roles.Manager]);
        await WithDbAsync(db => db.Users.Where(p => p.Id == id).ExecuteUpdateAsync(p => p.SetProperty(x => x.SiteId, siteId)));
        return id;
    }
}

public sealed record PostSetUp(int SiteId, int TeamId, string LeaderId, IReadOnlyList<string> MemberIds);
