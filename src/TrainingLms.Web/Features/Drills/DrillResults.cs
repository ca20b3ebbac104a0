using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Drills;

namespace TrainingLms.Web.Features.Drills;

public sealed record AnnulmentView(string Reason, string RequestedById, string RequestedBy, DateTime RequestedAtUtc, string? CountersignedBy, DateTime? CountersignedAtUtc);

public sealed record HistoryItem(int AttemptId, DateOnly HeldOn, AttemptState State, bool? Passed, int? PercentTenths, bool Intact);

/// <summary>One attempt as its pages show it: the record, who is who, where it stands, and the candidate's other attempts at the drill.</summary>
public sealed record AttemptView(
    AttemptRow Row, string CandidateName, string CandidateNumber, string SiteName, string SiteTimeZone, string? SignedBy,
    AttemptState State, AnnulmentView? Annulment, int? CorrectedByAttemptId, IReadOnlyList<HistoryItem> History)
{
    public DrillOutcome Outcome { get; } = Row.Outcome();
}

/// <summary>A signed result of the person's, for their home page and clearance page.</summary>
public sealed record MyResult(int AttemptId, LocalizedText DrillTitle, DateOnly HeldOn, AttemptState State, bool Passed, int PercentTenths, DateOnly? ValidThrough, DateOnly? RetakeFrom, bool Acknowledged, bool Intact);

/// <summary>Reads attempts for the trainer's and the candidate's pages; every read checks the record's hash.</summary>
public sealed class DrillResults(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// An attempt for someone allowed to see its candidate (<see cref="DrillScope.CanViewPersonAsync"/>). Drafts are for
    /// trainers and administrators only: to anyone else an unsigned attempt does not exist yet.
    /// </summary>
    public async Task<(DrillActionStatus Status, AttemptView? View)> ViewAsync(DrillViewer viewer, int attemptId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var candidate = await db.DrillAttempts.Where(a => a.Id == attemptId).Select(a => new { a.CandidateId, a.SignedAtUtc }).SingleOrDefaultAsync(cancellationToken);
        if (candidate is null) return (DrillActionStatus.NotFound, null);
        if (!await DrillScope.CanViewPersonAsync(db, viewer, candidate.CandidateId, cancellationToken)) return (DrillActionStatus.Forbidden, null);
        if (candidate.SignedAtUtc is null && !viewer.MayCountersign) return (DrillActionStatus.NotFound, null);
        return (DrillActionStatus.Done, await LoadAsync(db, attemptId, cancellationToken));
    }

    public async Task<Outcome<DrillActionStatus>> AcknowledgeAsync(string personId, int attemptId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attempt = await db.DrillAttempts.SingleOrDefaultAsync(a => a.Id == attemptId, cancellationToken);
        if (attempt is null) return Outcome.Of(DrillActionStatus.NotFound);
        if (attempt.CandidateId != personId) return Outcome.Of(DrillActionStatus.Forbidden);
        if (!attempt.IsSigned || attempt.AnnulledAtUtc is not null) return Outcome.Refused(DrillActionStatus.Invalid, "", "Drills.Result.NothingToAcknowledge");
        if (attempt.AcknowledgedAtUtc is not null) return new(DrillActionStatus.AlreadyDone, attemptId);
        attempt.AcknowledgedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return new(DrillActionStatus.Done, attemptId);
    }

    /// <summary>The person's signed results, newest first.</summary>
    public async Task<IReadOnlyList<MyResult>> OfPersonAsync(string personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await OfRowsAsync(db, await SignedRowsAsync(db, personId, cancellationToken), cancellationToken);
    }

    /// <summary>Every signed result of the person's, annulled ones too, as stored.</summary>
    public static async Task<IReadOnlyList<AttemptRow>> SignedRowsAsync(LmsDbContext db, string personId, CancellationToken cancellationToken = default) =>
        await AttemptRecords.Query(db, a => a.CandidateId == personId && a.SignedAtUtc != null).ToListAsync(cancellationToken);

    /// <summary>The results of signed rows the caller has read (<see cref="SignedRowsAsync"/>), newest first.</summary>
    public static async Task<IReadOnlyList<MyResult>> OfRowsAsync(LmsDbContext db, IReadOnlyList<AttemptRow> signedRows, CancellationToken cancellationToken = default)
    {
        var rows = signedRows.OrderByDescending(a => a.HeldOn).ThenByDescending(a => a.Id).ToList();
        var pending = await PendingAnnulmentsAsync(db, rows.Select(r => r.Id).ToList(), cancellationToken);
        return [.. rows.Select(r => new MyResult(r.Id, r.Rubric.Title, r.HeldOn, DrillSessions.StateOf(r.SignedAtUtc, r.AnnulledAtUtc, pending.Contains(r.Id)),
            r.Passed == true, r.PercentTenths ?? 0, r.ValidThrough, r.RetakeFrom, r.AcknowledgedAtUtc is not null, r.IsIntact))];
    }

    internal static async Task<AttemptView?> LoadAsync(LmsDbContext db, int attemptId, CancellationToken cancellationToken)
    {
        var row = await AttemptRecords.Query(db, a => a.Id == attemptId).SingleOrDefaultAsync(cancellationToken);
        if (row is null) return null;
        var people = await db.Users.AsNoTracking().Where(p => p.Id == row.CandidateId).Select(p => new { p.FullName, p.UserName }).SingleAsync(cancellationToken);
        var site = await db.Sites.AsNoTracking().Where(s => s.Id == row.SiteId).Select(s => new { s.Name, s.TimeZoneId }).SingleAsync(cancellationToken);
        var signedBy = row.SignedById is null ? null : await NameAsync(db, row.SignedById, cancellationToken);
        var annulment = await db.DrillAnnulments.AsNoTracking().Where(a => a.AttemptId == attemptId)
            .Select(a => new AnnulmentView(a.Reason, a.RequestedById,
                db.Users.Where(p => p.Id == a.RequestedById).Select(p => p.FullName).First(), a.RequestedAtUtc,
                db.Users.Where(p => p.Id == a.CountersignedById).Select(p => p.FullName).FirstOrDefault(), a.CountersignedAtUtc))
            .SingleOrDefaultAsync(cancellationToken);
        var correctedBy = await db.DrillAttempts.Where(a => a.CorrectsAttemptId == attemptId).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken);
        var others = (await AttemptRecords.Query(db, a => a.CandidateId == row.CandidateId && a.DrillRevision!.DrillId == row.Rubric.DrillId).ToListAsync(cancellationToken))
            .OrderBy(a => a.HeldOn).ThenBy(a => a.Id).ToList();
        var pending = await PendingAnnulmentsAsync(db, others.Select(o => o.Id).ToList(), cancellationToken);
        var history = others.Select(o => new HistoryItem(o.Id, o.HeldOn, DrillSessions.StateOf(o.SignedAtUtc, o.AnnulledAtUtc, pending.Contains(o.Id)), o.Passed, o.PercentTenths, o.IsIntact)).ToList();
        var state = DrillSessions.StateOf(row.SignedAtUtc, row.AnnulledAtUtc, annulment is { CountersignedAtUtc: null });
        return new AttemptView(row, people.FullName, people.UserName!, site.Name, site.TimeZoneId, signedBy, state, annulment, correctedBy, history);
    }

    private static async Task<HashSet<int>> PendingAnnulmentsAsync(LmsDbContext db, List<int> attemptIds, CancellationToken cancellationToken) =>
        attemptIds.Count == 0 ? []
            : [.. await db.DrillAnnulments.Where(a => attemptIds.Contains(a.AttemptId) && a.CountersignedAtUtc == null).Select(a => a.AttemptId).ToListAsync(cancellationToken)];

    private static Task<string> NameAsync(LmsDbContext db, string personId, CancellationToken cancellationToken) =>
        db.Users.Where(p => p.Id == personId).Select(p => p.FullName).SingleAsync(cancellationToken);
}
