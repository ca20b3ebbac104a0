using TrainingLms.Domain.Clips;
using TrainingLms.Domain.FootageSessions;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Web.Features.Demo;

/// <summary>
/// One footage session at the demo manager's site about its Smile Discovery clip (or any clip), held yesterday with the
/// employee E0001's team, with a correction in each state: E0001's overdue, the leader's waiting to be checked, one
/// verified. Runs once, and only when there is a clip to watch.
/// </summary>
public sealed class DemoFootageSeeder(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.FootageSessions.AnyAsync(cancellationToken)) return;
        var managerNumber = DemoSeeder.Accounts.Single(a => a.Role == Roles.Manager).EmployeeNumber;
        var employeeNumber = DemoSeeder.Accounts.Single(a => a.Role == Roles.Employee).EmployeeNumber;
        var manager = await db.Users.Where(p => p.UserName == managerNumber).Select(p => new { p.Id, p.SiteId }).SingleOrDefaultAsync(cancellationToken);
        var employee = await db.Users.Where(p => p.UserName == employeeNumber).Select(p => new { p.Id, p.TeamId }).SingleOrDefaultAsync(cancellationToken);
        if (manager?.SiteId is not { } siteId || employee?.TeamId is not { } teamId) return;
        var team = await db.Teams.Where(t => t.Id == teamId && t.SiteId == siteId && t.ClassLeaderId != null)
            .Select(t => new { t.Id, LeaderId = t.ClassLeaderId!, t.Site!.TimeZoneId }).SingleOrDefaultAsync(cancellationToken);
        var clip = await db.Clips.OrderByDescending(c => c.Kind == ClipKind.SmileDiscovery && c.SiteId == siteId).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.DurationSeconds }).FirstOrDefaultAsync(cancellationToken);
        if (team is null || clip is null) return;
        var members = await db.Users.Where(p => p.TeamId == teamId && p.IsActive && p.Id != team.LeaderId).Select(p => p.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var heldAt = now.AddDays(-4);
        var last = Math.Max(0, (int)Math.Floor(clip.DurationSeconds) - 1);
        FootageFault Fault(int order, string description, string causes, string correction, string ownerId) => new()
        {
            SiteId = siteId, TeamId = teamId, Order = order, MomentSeconds = Math.Min(order * 3 + 1, last), Description = description, Causes = causes,
            Correction = correction, OwnerId = ownerId, OpenedAtUtc = heldAt, DueAtUtc = heldAt.AddDays(2),
        };
        var faults = new List<FootageFault>
        {
            Fault(0, "业主走近时没有起身，仍坐着登记", "以为登记优先，不清楚“起身”是接待的第一步", "交接班前演练“起身—微笑—问好”，每人三遍", employee.Id),
            Fault(1, "问好声音太小，业主没有听清", "站得离业主太远，没看着对方说话", "班前会讲解问好距离与目光，班长抽查", team.LeaderId),
            Fault(2, "先问来意，没有先说“您好”", "习惯用语未纠正", "每人熟记接待三声，班长每日点评", team.LeaderId),
        };
        faults[1].Close(team.LeaderId, "班前会已讲解并逐人演练。", heldAt.AddDays(1));
        faults[2].Close(team.LeaderId, "已在班后讲评中逐条点评。", heldAt.AddDays(1));
        faults[2].Verify(manager.Id, heldAt.AddDays(2));
        db.FootageSessions.Add(new FootageSession
        {
            SiteId = siteId, TeamId = teamId, ClipId = clip.Id, HeldOn = SiteTime.Today(heldAt, team.TimeZoneId), RecordedById = manager.Id,
            RecordedAtUtc = heldAt, SubmissionKey = Guid.NewGuid(), Attendees = [.. members.Select(id => new FootageAttendee { PersonId = id })], Faults = faults,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
