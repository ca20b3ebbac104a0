namespace TrainingLms.Web.Infrastructure;

/// <summary>A person of a team's roster, as the attendee pickers and the records that name attendees show them.</summary>
public sealed record TeamMember(string PersonId, string FullName, string EmployeeNumber);

/// <summary>The team rosters that forms tick attendees from (training records, footage sessions).</summary>
public static class TeamMembers
{
    /// <summary>The team's active members, the class leader (who leads the training) left out.</summary>
    public static async Task<IReadOnlyList<TeamMember>> RosterAsync(LmsDbContext db, int teamId, string? leaderId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(p => p.TeamId == teamId && p.IsActive && p.Id != leaderId).OrderBy(p => p.UserName)
            .Select(p => new TeamMember(p.Id, p.FullName, p.UserName!)).ToListAsync(cancellationToken);

    /// <summary>The people named (active or not), by id, for showing who attended.</summary>
    public static async Task<Dictionary<string, TeamMember>> ByIdAsync(LmsDbContext db, IReadOnlyCollection<string> personIds, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new TeamMember(p.Id, p.FullName, p.UserName!)).ToDictionaryAsync(p => p.PersonId, cancellationToken);
}
