using TrainingLms.Domain.Clips;
using TrainingLms.Domain.FollowUps;
using TrainingLms.Domain.FootageSessions;

namespace TrainingLms.Web.Features.FootageSessions;

public sealed record FootageSessionRow(int Id, DateOnly HeldOn, string SiteName, string TeamName, string ClipTitle, int Faults, int Open, int Overdue);

public sealed record FootageActionRow(int Id, int SessionId, int MomentSeconds, string Correction, string TeamName, FollowUpStatus Status, DateTime DueAtUtc, bool Overdue);

public sealed record FootageFaultDetail(
    int Id, int MomentSeconds, string Description, string Causes, string Correction, string OwnerName, FollowUpStatus Status, DateTime DueAtUtc,
    bool Overdue, string WhatWasDone, string? ClosedByName, DateTime? ClosedAtUtc, string? VerifiedByName, DateTime? VerifiedAtUtc,
    int ReopenCount, string ReopenReason, bool CanClose, bool CanJudge);

public sealed record FootageSessionDetail(
    int Id, DateOnly HeldOn, string SiteName, string TeamName, int ClipId, string ClipTitle, ClipKind ClipKind, double ClipSeconds, bool ClipVisible,
    string RecordedByName, DateTime RecordedAtUtc, IReadOnlyList<TeamMember> Attendees, IReadOnlyList<FootageFaultDetail> Faults);

/// <summary>Reads footage sessions and their corrections, each within the viewer's scope or as the correction's owner.</summary>
public sealed class FootageQueries(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<FootageSessionRow>> ListAsync(FootageViewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var sessions = await FootageScope.VisibleSessionsAsync(db, viewer, cancellationToken);
        return await sessions.OrderByDescending(s => s.HeldOn).ThenByDescending(s => s.Id).Take(100)
            .Select(s => new FootageSessionRow(s.Id, s.HeldOn,
                db.Sites.Where(x => x.Id == s.SiteId).Select(x => x.Name).FirstOrDefault() ?? "",
                db.Teams.Where(t => t.Id == s.TeamId).Select(t => t.Name).FirstOrDefault() ?? "",
                db.Clips.Where(c => c.Id == s.ClipId).Select(c => c.Title).FirstOrDefault() ?? "",
                s.Faults.Count, s.Faults.Count(f => f.Status == FollowUpStatus.Open),
                s.Faults.Count(f => f.Status == FollowUpStatus.Open && f.DueAtUtc < nowUtc)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The corrections the person owns that are still open, soonest due first.</summary>
    public async Task<IReadOnlyList<FootageActionRow>> MyOpenAsync(string personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var rows = await db.FootageFaults.AsNoTracking().Where(f => f.OwnerId == personId && f.Status == FollowUpStatus.Open).OrderBy(f => f.DueAtUtc).Take(50)
            .Select(f => new FootageActionRow(f.Id, f.SessionId, f.MomentSeconds, f.Correction,
                db.Teams.Where(t => t.Id == f.TeamId).Select(t => t.Name).FirstOrDefault() ?? "", f.Status, f.DueAtUtc, false))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => r with { Overdue = FollowUp.IsOverdue(r.Status, r.DueAtUtc, nowUtc) })];
    }

    public async Task<(FootageOutcome Status, FootageSessionDetail? Detail)> GetAsync(FootageViewer viewer, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.FootageSessions.AsNoTracking().Include(s => s.Attendees).Include(s => s.Faults).AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null) return (FootageOutcome.NotFound, null);
        if (!await (await FootageScope.VisibleSessionsAsync(db, viewer, cancellationToken)).AnyAsync(s => s.Id == id, cancellationToken)) return (FootageOutcome.Forbidden, null);
        var place = await db.Teams.AsNoTracking().Where(t => t.Id == session.TeamId).Select(t => new { Team = t.Name, Site = t.Site!.Name }).SingleAsync(cancellationToken);
        var clip = await db.Clips.AsNoTracking().Where(c => c.Id == session.ClipId).Select(c => new { c.Title, c.Kind, c.DurationSeconds }).SingleAsync(cancellationToken);
        var clipViewer = await Clips.ClipViewer.ForPersonAsync(db, viewer.PersonId, cancellationToken);
        var clipVisible = await db.Clips.Where(c => c.Id == session.ClipId).AnyAsync(Clips.ClipAccess.VisibleTo(clipViewer), cancellationToken);
        var personIds = session.Attendees.Select(a => a.PersonId).Concat(session.Faults.SelectMany(f => new[] { f.OwnerId, f.ClosedById, f.VerifiedById }).OfType<string>())
            .Append(session.RecordedById).Distinct().ToList();
        var people = await TeamMembers.ByIdAsync(db, personIds, cancellationToken);
        string? Name(string? personId) => personId is null ? null : people.TryGetValue(personId, out var person) ? person.FullName : "?";
        var actor = await FootageScope.ActorAsync(db, viewer, session.SiteId, cancellationToken);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        return (FootageOutcome.Done, new FootageSessionDetail(
            session.Id, session.HeldOn, place.Site, place.Team, session.ClipId, clip.Title, clip.Kind, clip.DurationSeconds, clipVisible,
            Name(session.RecordedById)!, session.RecordedAtUtc,
            [.. session.Attendees.Select(a => people.GetValueOrDefault(a.PersonId) ?? new TeamMember(a.PersonId, "?", "")).OrderBy(m => m.EmployeeNumber, StringComparer.Ordinal)],
            [.. session.Faults.OrderBy(f => f.Order).Select(f => new FootageFaultDetail(
                f.Id, f.MomentSeconds, f.Description, f.Causes, f.Correction, Name(f.OwnerId)!, f.Status, f.DueAtUtc, f.IsOverdue(nowUtc),
                f.WhatWasDone, Name(f.ClosedById), f.ClosedAtUtc, Name(f.VerifiedById), f.VerifiedAtUtc, f.ReopenCount, f.ReopenReason,
                f.Status == FollowUpStatus.Open && FootageRules.MayClose(actor, f.OwnerId),
                f.Status == FollowUpStatus.Closed && FootageRules.MayJudge(actor, session.RecordedById)))]));
    }
}
