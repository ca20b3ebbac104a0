using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.ShiftReviews;

/// <summary>The app with a settable clock, and helpers that build teams and people for review tests.</summary>
public class ShiftReviewsFactory : OrganisationFactory
{
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
