using Microsoft.AspNetCore.Http;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Drills;

namespace TrainingLms.Web.Features.Drills;

public sealed record SiteOption(int Id, string Name, string TimeZoneId);

public sealed record CandidateOption(string PersonId, string FullName, string EmployeeNumber, string? Team, string? Position);

public enum AttemptState
{
    Draft = 1,
    Signed = 2,
    AnnulmentPending = 3,
    Annulled = 4,
}

public sealed record SessionListItem(int Id, DateOnly HeldOn, SessionKind Kind, LocalizedText DrillTitle, string SiteName, string CreatedBy, int Candidates, int Signed, int Passed);

public sealed record SessionCandidate(int AttemptId, string PersonId, string FullName, string EmployeeNumber, AttemptState State, bool? Passed, int? PercentTenths, bool IsCorrection);

public sealed record SessionDetail(
    int Id, DateOnly HeldOn, SessionKind Kind, string Note, int SiteId, string SiteName, string CreatedBy, RubricContext Rubric,
    LocalizedText Briefing, bool DrillActive, IReadOnlyList<SessionCandidate> Candidates);

/// <summary>What the new-session form needs: the live drills, the sites, and the people of the chosen site.</summary>
public sealed record SessionForm(IReadOnlyList<DrillSummary> Drills, IReadOnlyList<SiteOption> Sites, SiteOption? Site, DateOnly Today, DateOnly Earliest, DateOnly Latest, IReadOnlyList<CandidateOption> People);

/// <summary>What the new-session form posts.</summary>
public sealed class SessionInput
{
    public Guid SubmissionKey { get; set; } = Guid.NewGuid();
    public string Drill { get; set; } = "";
    public int? SiteId { get; set; }
    public DateOnly? HeldOn { get; set; }
    public bool AdHoc { get; set; }
    public List<string> Candidates { get; set; } = [];
    public string Note { get; set; } = "";

    public static SessionInput FromForm(IFormCollection form) => new()
    {
        SubmissionKey = Guid.TryParse(form["submissionKey"], out var key) ? key : Guid.Empty,
        Drill = form["drill"].ToString().Trim(),
        SiteId = int.TryParse(form["site"], out var site) ? site : null,
        HeldOn = DateOnly.TryParseExact(form["heldOn"].ToString(), "yyyy-MM-dd", out var date) ? date : null,
        AdHoc = form["adhoc"] == "true",
        Candidates = CandidatesFrom(form),
        Note = form["note"].ToString().Trim(),
    };

    public static List<string> CandidatesFrom(IFormCollection form) => [.. form["candidate"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct()];
}

/// <summary>Schedules drill sessions (or records them on the spot) and keeps their candidate lists.</summary>
public sealed class DrillSessions(IDbContextFactory<LmsDbContext> dbFactory, IOptions<DrillOptions> options, TimeProvider clock)
{
    public const int RecentDays = 60;

    public async Task<IReadOnlyList<SessionListItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var since = SiteTime.Today(clock.GetUtcNow().UtcDateTime, null).AddDays(-RecentDays);
        var sessions = await db.DrillSessions.AsNoTracking().Where(s => s.HeldOn >= since)
            .OrderByDescending(s => s.HeldOn).ThenByDescending(s => s.Id)
            .Select(s => new
            {
                s.Id, s.HeldOn, s.Kind, s.DrillId,
                Site = db.Sites.Where(x => x.Id == s.SiteId).Select(x => x.Name).First(),
                CreatedBy = db.Users.Where(p => p.Id == s.CreatedById).Select(p => p.FullName).First(),
            })
            .ToListAsync(cancellationToken);
        // Counted in one pass over the period's attempts: counted per session in the query above, the database looked
        // each session's attempts up three times.
        var counts = await db.DrillAttempts.AsNoTracking().Where(a => a.Session!.HeldOn >= since)
            .GroupBy(a => a.SessionId)
            .Select(g => new
            {
                SessionId = g.Key,
                Candidates = g.Count(a => a.CorrectsAttemptId == null),
                Signed = g.Count(a => a.SignedAtUtc != null && a.AnnulledAtUtc == null),
                Passed = g.Count(a => a.SignedAtUtc != null && a.AnnulledAtUtc == null && a.Passed == true),
            })
            .ToDictionaryAsync(c => c.SessionId, c => (c.Candidates, c.Signed, c.Passed), cancellationToken);
        var titles = await DrillCatalog.CurrentRevisions(db).AsNoTracking().ToDictionaryAsync(r => r.DrillId, r => r.Title, cancellationToken);
        return [.. sessions.Select(s =>
        {
            var (candidates, signed, passed) = counts.GetValueOrDefault(s.Id); // a session with no attempts: none of each
            return new SessionListItem(s.Id, s.HeldOn, s.Kind, titles[s.DrillId], s.Site, s.CreatedBy, candidates, signed, passed);
        })];
    }

    public async Task<SessionForm> PrepareAsync(int? siteId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var drills = await DrillCatalog.ActiveAsync(db, cancellationToken);
        var sites = await db.Sites.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Code)
            .Select(s => new SiteOption(s.Id, s.Name, s.TimeZoneId)).ToListAsync(cancellationToken);
        var site = sites.FirstOrDefault(s => s.Id == siteId) ?? (sites.Count == 1 ? sites[0] : null);
        var today = SiteTime.Today(clock.GetUtcNow().UtcDateTime, site?.TimeZoneId);
        var people = site is null ? [] : await PeopleAtAsync(db, site.Id, cancellationToken);
        return new SessionForm(drills, sites, site, today, today.AddDays(-options.Value.RecordBackDays), today.AddDays(options.Value.ScheduleAheadDays), people);
    }

    public async Task<Outcome<DrillActionStatus>> CreateAsync(DrillViewer actor, SessionInput input, CancellationToken cancellationToken = default)
    {
        if (!actor.MayCountersign) return Outcome.Of(DrillActionStatus.Forbidden);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The same submission again (a double tap, a retry after a lost answer) is answered with what it created.
        if (await db.DrillSessions.Where(s => s.SubmissionKey == input.SubmissionKey).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken) is { } existing)
            return new(DrillActionStatus.AlreadyDone, existing);

        var errors = new Dictionary<string, string>();
        if (input.SubmissionKey == Guid.Empty) errors[""] = "Drills.Validation.Expired";
        var drill = (await DrillCatalog.ActiveAsync(db, cancellationToken)).FirstOrDefault(d => d.Slug == input.Drill);
        if (drill is null) errors["drill"] = "Drills.Validation.Drill";
        var site = await db.Sites.AsNoTracking().Where(s => s.Id == input.SiteId && s.IsActive).Select(s => new SiteOption(s.Id, s.Name, s.TimeZoneId)).SingleOrDefaultAsync(cancellationToken);
        if (site is null) errors["site"] = "Drills.Validation.Site";
        var today = SiteTime.Today(clock.GetUtcNow().UtcDateTime, site?.TimeZoneId);
        var heldOn = input.AdHoc ? today : input.HeldOn;
        if (heldOn is not { } date) errors["heldOn"] = "Drills.Validation.Date";
        else if (date < today.AddDays(-options.Value.RecordBackDays) || date > today.AddDays(options.Value.ScheduleAheadDays)) errors["heldOn"] = "Drills.Validation.DateRange";
        if (input.Note.Length > DrillSession.MaxNoteLength) errors["note"] = "Drills.Validation.TooLong";
        if (input.Candidates.Count == 0) errors["candidate"] = "Drills.Validation.NoCandidates";
        else if (drill is not null && heldOn is { } day && await CandidateErrorAsync(db, drill, input.Candidates, day, cancellationToken) is { } candidateError)
            errors["candidate"] = candidateError;
        if (errors.Count > 0) return Outcome.Refused(DrillActionStatus.Invalid, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var session = new DrillSession
        {
            DrillId = drill!.DrillId, SiteId = site!.Id, HeldOn = heldOn!.Value, Kind = input.AdHoc ? SessionKind.AdHoc : SessionKind.Scheduled,
            Note = input.Note, CreatedById = actor.PersonId, CreatedAtUtc = now, SubmissionKey = input.SubmissionKey,
        };
        session.Attempts.AddRange(await NewAttemptsAsync(db, drill, input.Candidates, now, cancellationToken));
        db.DrillSessions.Add(session);
        if (await UniqueIndex.SaveOnceAsync(db, cancellationToken)) return new(DrillActionStatus.Done, session.Id);
        // Another tap of the same form won the race: answer with its session.
        var winner = await db.DrillSessions.Where(s => s.SubmissionKey == input.SubmissionKey).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
        return winner is { } id ? new(DrillActionStatus.AlreadyDone, id) : throw new InvalidOperationException("A unique index refused the session but none holds its key.");
    }

    public async Task<SessionDetail?> DetailAsync(int sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.DrillSessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new
            {
                s.Id, s.HeldOn, s.Kind, s.Note, s.SiteId, s.DrillId,
                Site = db.Sites.Where(x => x.Id == s.SiteId).Select(x => x.Name).First(),
                CreatedBy = db.Users.Where(p => p.Id == s.CreatedById).Select(p => p.FullName).First(),
                DrillActive = db.Drills.Where(d => d.Id == s.DrillId).Select(d => d.IsActive).First(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (session is null) return null;
        var current = await DrillCatalog.CurrentRevisions(db).AsNoTracking().Where(r => r.DrillId == session.DrillId).Select(r => new { r.Id, r.Briefing }).SingleAsync(cancellationToken);
        var rubric = await AttemptRecords.Rubrics(db, r => r.Id == current.Id).SingleAsync(cancellationToken);
        var candidates = await db.DrillAttempts.AsNoTracking().Where(a => a.SessionId == sessionId)
            .Join(db.Users, a => a.CandidateId, p => p.Id, (a, p) => new
            {
                a.Id, a.CandidateId, p.FullName, p.UserName, a.SignedAtUtc, a.AnnulledAtUtc, a.Passed, a.PercentTenths, a.CorrectsAttemptId,
                Pending = db.DrillAnnulments.Any(x => x.AttemptId == a.Id && x.CountersignedAtUtc == null),
            })
            .OrderBy(a => a.UserName).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return new SessionDetail(session.Id, session.HeldOn, session.Kind, session.Note, session.SiteId, session.Site, session.CreatedBy, rubric, current.Briefing, session.DrillActive,
            [.. candidates.Select(a => new SessionCandidate(a.Id, a.CandidateId, a.FullName, a.UserName!, StateOf(a.SignedAtUtc, a.AnnulledAtUtc, a.Pending), a.Passed, a.PercentTenths, a.CorrectsAttemptId != null))]);
    }

    /// <summary>People of the session's site who are not candidates yet, for the add form.</summary>
    public async Task<IReadOnlyList<CandidateOption>> AddableAsync(int sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var siteId = await db.DrillSessions.Where(s => s.Id == sessionId).Select(s => s.SiteId).SingleOrDefaultAsync(cancellationToken);
        var already = await db.DrillAttempts.Where(a => a.SessionId == sessionId).Select(a => a.CandidateId).ToListAsync(cancellationToken);
        return [.. (await PeopleAtAsync(db, siteId, cancellationToken)).Where(p => !already.Contains(p.PersonId))];
    }

    public async Task<Outcome<DrillActionStatus>> AddCandidatesAsync(DrillViewer actor, int sessionId, IReadOnlyList<string> personIds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.DrillSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null) return Outcome.Of(DrillActionStatus.NotFound);
        if (!actor.MayCountersign) return Outcome.Of(DrillActionStatus.Forbidden);
        var already = await db.DrillAttempts.Where(a => a.SessionId == sessionId).Select(a => a.CandidateId).ToListAsync(cancellationToken);
        var adding = personIds.Except(already).ToList();
        // Adding people who are already on the list (a double tap) changes nothing.
        if (adding.Count == 0) return personIds.Count == 0 ? Outcome.Refused(DrillActionStatus.Invalid, "candidate", "Drills.Validation.NoCandidates") : new(DrillActionStatus.AlreadyDone);
        var drill = (await DrillCatalog.ActiveAsync(db, cancellationToken)).FirstOrDefault(d => d.DrillId == session.DrillId);
        if (drill is null) return Outcome.Refused(DrillActionStatus.Invalid, "candidate", "Drills.Validation.DrillRetired");
        if (await CandidateErrorAsync(db, drill, adding, session.HeldOn, cancellationToken) is { } error) return Outcome.Refused(DrillActionStatus.Invalid, "candidate", error);
        db.DrillAttempts.AddRange((await NewAttemptsAsync(db, drill, adding, clock.GetUtcNow().UtcDateTime, cancellationToken)).Select(a => { a.SessionId = sessionId; return a; }));
        return await UniqueIndex.SaveOnceAsync(db, cancellationToken) ? new(DrillActionStatus.Done) : new(DrillActionStatus.AlreadyDone);
    }

    /// <summary>Takes someone off the list (they did not come); only while their attempt is an unsigned draft.</summary>
    public async Task<Outcome<DrillActionStatus>> RemoveAsync(DrillViewer actor, int attemptId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attempt = await db.DrillAttempts.Include(a => a.Scores).SingleOrDefaultAsync(a => a.Id == attemptId, cancellationToken);
        if (attempt is null) return new(DrillActionStatus.AlreadyDone);
        if (!actor.MayCountersign) return Outcome.Of(DrillActionStatus.Forbidden);
        if (attempt.IsSigned) return new(DrillActionStatus.Signed, attemptId);
        db.DrillAttempts.Remove(attempt);
        await db.SaveChangesAsync(cancellationToken);
        return new(DrillActionStatus.Done, attemptId);
    }

    public static AttemptState StateOf(DateTime? signedAtUtc, DateTime? annulledAtUtc, bool annulmentPending) =>
        annulledAtUtc is not null ? AttemptState.Annulled
        : signedAtUtc is null ? AttemptState.Draft
        : annulmentPending ? AttemptState.AnnulmentPending
        : AttemptState.Signed;

    /// <summary>
    /// Who may not be a candidate on this day: people unknown or inactive, and failed candidates whose wait before
    /// a retake has not run out. Returns the message key, or null when everyone may take part.
    /// </summary>
    private static async Task<string?> CandidateErrorAsync(LmsDbContext db, DrillSummary drill, IReadOnlyCollection<string> personIds, DateOnly heldOn, CancellationToken cancellationToken)
    {
        var active = await db.Users.CountAsync(p => personIds.Contains(p.Id) && p.IsActive, cancellationToken);
        if (active != personIds.Count) return "Drills.Validation.Candidate";
        var tooSoon = await db.DrillAttempts.Where(a => personIds.Contains(a.CandidateId) && a.DrillRevision!.DrillId == drill.DrillId
                && a.SignedAtUtc != null && a.AnnulledAtUtc == null && a.RetakeFrom > heldOn
                && !db.DrillAttempts.Any(later => later.CandidateId == a.CandidateId && later.DrillRevision!.DrillId == drill.DrillId
                    && later.SignedAtUtc > a.SignedAtUtc && later.AnnulledAtUtc == null))
            .Join(db.Users, a => a.CandidateId, p => p.Id, (a, p) => new { p.FullName, a.RetakeFrom })
            .ToListAsync(cancellationToken);
        return tooSoon.Count == 0 ? null
            : ErrorKey.With("Drills.Validation.RetakeTooSoon", string.Join("; ", tooSoon.Select(t => $"{t.FullName} {t.RetakeFrom:yyyy-MM-dd}")));
    }

    private static async Task<List<DrillAttempt>> NewAttemptsAsync(LmsDbContext db, DrillSummary drill, IEnumerable<string> personIds, DateTime now, CancellationToken cancellationToken)
    {
        var criteria = await db.DrillRevisions.Where(r => r.Id == drill.RevisionId).Select(r => r.Criteria).SingleAsync(cancellationToken);
        return [.. personIds.Select(id => new DrillAttempt
        {
            CandidateId = id, DrillRevisionId = drill.RevisionId, CreatedAtUtc = now, UpdatedAtUtc = now,
            Scores = [.. criteria.Select(c => new DrillScore { CriterionKey = c.Key })],
        })];
    }

    private static async Task<IReadOnlyList<CandidateOption>> PeopleAtAsync(LmsDbContext db, int siteId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(p => p.SiteId == siteId && p.IsActive).OrderBy(p => p.UserName)
            .Select(p => new CandidateOption(p.Id, p.FullName, p.UserName!, p.Team!.Name, p.Position!.Name)).ToListAsync(cancellationToken);
}
