using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Drills;
using TrainingLms.Web.Features.Drills.Certificates;
using TrainingLms.Web.Features.Drills.Clearance;
using TrainingLms.Web.Features.Courses.Caching;

namespace TrainingLms.Web.Features.Drills;

public sealed record UpcomingSession(int Id, DateOnly HeldOn, LocalizedText DrillTitle, string SiteName, int Candidates, int Unsigned);

public sealed record MyDrills(PersonClearance? Clearance, RequirementTitles Titles, IReadOnlyList<MyResult> ToAcknowledge, IReadOnlyList<UpcomingSession> MySessions, CertificateSummary? Certificate)
{
    public bool IsEmpty => Clearance is not { Result.Status: not ClearanceStatus.NotRequired } && ToAcknowledge.Count == 0 && MySessions.Count == 0;
}

/// <summary>What the home page shows about drills: the person's own clearance and results, and a trainer's coming sessions.</summary>
public sealed class DrillHomeQueries(
    IDbContextFactory<LmsDbContext> dbFactory, ClearanceService clearance, ClearanceCatalogCache catalogs, CertificateIssuer certificates, PersonCache<MyDrills> kept, TimeProvider clock)
{
    public const int UpcomingDays = 14;

    /// <summary>
    /// How long the person's drills are shown from memory at most: a record edited behind the app's back is then found
    /// by its hash here too within minutes (the clearance pages, the board and certificate checks verify every read).
    /// </summary>
    public static readonly TimeSpan CheckedAgainAfter = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The person's own drills, kept in memory while nothing they rest on changes: their drill results, certificates,
    /// roles, courses and person row; the drills and clearance rules; the day at their site (sessions to come and a
    /// clearance running out are judged by it). Every home page shows them, and reading them took near half the time
    /// of an employee's.
    /// </summary>
    public Task<MyDrills> MineAsync(string personId, CancellationToken cancellationToken = default) =>
        kept.GetAsync(personId, async (now, token) =>
        {
            var mine = await ReadMineAsync(personId, token);
            var zone = mine.Clearance?.Person.TimeZoneId;
            return new Held<MyDrills>(mine, SiteTime.EndOfDayUtc(SiteTime.Today(now, zone), zone));
        }, cancellationToken);

    /// <summary>The person's signed results are read once, for their clearance, their results and their certificates.</summary>
    private async Task<MyDrills> ReadMineAsync(string personId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateOpenDbContextAsync(cancellationToken);
        var signed = await DrillResults.SignedRowsAsync(db, personId, cancellationToken);
        var mine = (await clearance.EvaluateAsync(db, db.Users.Where(p => p.Id == personId), signed, cancellationToken)).SingleOrDefault();
        // A certificate rests on signed passes of the person's: with no signed result there is none to read.
        var stored = signed.Count == 0 ? [] : await CertificateIssuer.StoredOfPersonAsync(db, personId, cancellationToken);
        // Cleared since the last sign-off (say, by finishing the last course): the certificate is issued now.
        if (mine is { Result: { IsCleared: true, Basis.Count: > 0 } cleared }
            && stored.All(c => c.BasisKey != Certificate.KeyOf(cleared.Basis.Select(b => b.AttemptId))))
        {
            await certificates.IssueIfClearedAsync(personId, cancellationToken);
            stored = await CertificateIssuer.StoredOfPersonAsync(db, personId, cancellationToken);
        }
        var catalog = await catalogs.GetAsync(cancellationToken);
        var toAcknowledge = (await DrillResults.OfRowsAsync(db, signed, cancellationToken)).Where(r => !r.Acknowledged && r.State is AttemptState.Signed or AttemptState.AnnulmentPending).ToList();
        var today = SiteTime.Today(clock.GetUtcNow().UtcDateTime, mine?.Person.TimeZoneId);
        var sessions = await SessionsAsync(db, catalog, db.DrillSessions.Where(s => s.HeldOn >= today && s.Attempts.Any(a => a.CandidateId == personId && a.SignedAtUtc == null)), cancellationToken);
        var certificate = certificates.OfPerson(stored, signed).FirstOrDefault(c => c.Status == CertificateStatus.Valid);
        return new MyDrills(mine, catalog.Titles, toAcknowledge, sessions, certificate);
    }

    /// <summary>Sessions in the next two weeks, and earlier ones with candidates still unsigned.</summary>
    public async Task<IReadOnlyList<UpcomingSession>> UpcomingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = SiteTime.Today(clock.GetUtcNow().UtcDateTime, null);
        var last = today.AddDays(UpcomingDays);
        return await SessionsAsync(db, await catalogs.GetAsync(cancellationToken), db.DrillSessions.Where(s => s.HeldOn <= last
            && (s.HeldOn >= today || s.Attempts.Any(a => a.SignedAtUtc == null))), cancellationToken);
    }

    private static async Task<IReadOnlyList<UpcomingSession>> SessionsAsync(LmsDbContext db, ClearanceCatalog catalog, IQueryable<DrillSession> sessions, CancellationToken cancellationToken)
    {
        var rows = await sessions.AsNoTracking().OrderBy(s => s.HeldOn).ThenBy(s => s.Id).Take(20)
            .Select(s => new
            {
                s.Id, s.HeldOn, s.DrillId,
                Site = db.Sites.Where(x => x.Id == s.SiteId).Select(x => x.Name).First(),
                Candidates = s.Attempts.Count(a => a.CorrectsAttemptId == null),
                Unsigned = s.Attempts.Count(a => a.SignedAtUtc == null),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new UpcomingSession(r.Id, r.HeldOn, catalog.DrillTitlesById[r.DrillId], r.Site, r.Candidates, r.Unsigned))];
    }
}
