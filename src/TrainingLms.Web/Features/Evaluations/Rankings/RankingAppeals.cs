using TrainingLms.Domain.Evaluations;

namespace TrainingLms.Web.Features.Evaluations.Rankings;

/// <summary>
/// Appeals against a published line: filed by the person evaluated (a team's class leader for a team), decided by an
/// administrator. Amending publishes a new revision beside the old one; nothing is overwritten.
/// </summary>
public sealed class RankingAppeals(IDbContextFactory<LmsDbContext> dbFactory, RankingPublicationCache cache, TimeProvider clock, IOptions<RankingsOptions> options)
{
    public const int MaxReasonLength = 2000;
    public const int MaxNoteLength = 1000;

    /// <summary>The targets whose lines the person may appeal: themselves as a supervisor, the teams they lead.</summary>
    public static IQueryable<EvaluationTarget> OwnTargets(LmsDbContext db, string personId) =>
        db.EvaluationTargets.AsNoTracking().Where(t =>
            (t.Subject == EvaluationSubject.Supervisor && t.PersonId == personId)
            // The led teams as a list of their own, not asked per target: a month has a target for every team and supervisor.
            || (t.Subject == EvaluationSubject.Team && db.Teams.Where(team => team.ClassLeaderId == personId).Select(team => (int?)team.Id).Contains(t.TeamId)));

    public async Task<Outcome<RankingStatus>> FileAsync(RankingViewer viewer, int targetId, string? reason, CancellationToken cancellationToken = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return Outcome.Refused(RankingStatus.Invalid, "reason", "Rankings.Appeal.ReasonRequired");
        if (reason.Length > MaxReasonLength) return Outcome.Refused(RankingStatus.Invalid, "reason", "Rankings.Appeal.ReasonTooLong");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.EvaluationTargets.AsNoTracking().Where(t => t.Id == targetId).Select(t => new { t.Id, t.PeriodId, t.Subject }).SingleOrDefaultAsync(cancellationToken);
        if (target is null) return new(RankingStatus.NotFound);
        if (!await OwnTargets(db, viewer.PersonId).AnyAsync(t => t.Id == targetId, cancellationToken)) return new(RankingStatus.NotYourLine);
        var revisions = await cache.ListAsync(db, db.RankingPublications.Where(p => p.PeriodId == target.PeriodId && p.Subject == target.Subject)
            .OrderBy(p => p.Revision), cancellationToken);
        if (revisions.Count == 0 || revisions[^1].Entries.All(e => e.TargetId != targetId)) return new(RankingStatus.NotFound);
        var now = clock.GetUtcNow().UtcDateTime;
        if (now > revisions[0].PublishedAtUtc.AddDays(options.Value.AppealDays)) return new(RankingStatus.AppealWindowClosed);
        if (await db.RankingAppeals.AnyAsync(a => a.TargetId == targetId && a.Status == AppealStatus.Open, cancellationToken)) return new(RankingStatus.AppealAlreadyOpen);
        var name = await db.Users.Where(p => p.Id == viewer.PersonId).Select(p => p.FullName).SingleAsync(cancellationToken);
        db.RankingAppeals.Add(new RankingAppeal
        {
            PublicationId = revisions[^1].Id, TargetId = targetId, AppellantId = viewer.PersonId, AppellantName = name, Reason = reason, FiledAtUtc = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Of(RankingStatus.Done);
    }

    /// <summary>Every appeal, open ones first, for the administrators' page.</summary>
    public async Task<List<AppealLine>?> ListAsync(RankingViewer viewer, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsAdmin) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var appeals = await db.RankingAppeals.AsNoTracking()
            .Join(db.EvaluationTargets, a => a.TargetId, t => t.Id, (a, t) => new { Appeal = a, t.SubjectName, t.SiteName, t.Subject, t.PeriodId })
            .Join(db.EvaluationPeriods, x => x.PeriodId, p => p.Id, (x, p) => new { x.Appeal, x.SubjectName, x.SiteName, x.Subject, x.PeriodId, p.Year, p.Month })
            .ToListAsync(cancellationToken);
        var periodIds = appeals.Select(a => a.PeriodId).Distinct().ToList();
        var standing = await cache.ListAsync(db, RankingDrafts.LatestRevisions(db).Where(p => periodIds.Contains(p.PeriodId)), cancellationToken);
        double? Current(int periodId, EvaluationSubject subject, int targetId) =>
            standing.FirstOrDefault(p => p.PeriodId == periodId && p.Subject == subject)?.Entries.FirstOrDefault(e => e.TargetId == targetId)?.Score;
        return [.. appeals.OrderBy(a => a.Appeal.Status != AppealStatus.Open).ThenByDescending(a => a.Appeal.FiledAtUtc)
            .Select(a => new AppealLine(a.Appeal, a.Year, a.Month, a.Subject, a.SubjectName, a.SiteName, Current(a.PeriodId, a.Subject, a.Appeal.TargetId)))];
    }

    /// <summary>How many appeals wait for a decision (none for anyone but an administrator).</summary>
    public async Task<int> OpenCountAsync(RankingViewer viewer, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsAdmin) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RankingAppeals.CountAsync(a => a.Status == AppealStatus.Open, cancellationToken);
    }

    public async Task<Outcome<RankingStatus>> UpholdAsync(RankingViewer viewer, int appealId, string? note, CancellationToken cancellationToken = default)
    {
        note = note?.Trim();
        if (string.IsNullOrEmpty(note)) return Outcome.Refused(RankingStatus.Invalid, "note", "Rankings.Appeals.NoteRequired");
        if (note.Length > MaxNoteLength) return Outcome.Refused(RankingStatus.Invalid, "note", "Rankings.Appeals.NoteTooLong");
        return await DecideAsync(viewer, appealId, note, null, cancellationToken);
    }

    public async Task<Outcome<RankingStatus>> AmendAsync(RankingViewer viewer, int appealId, double? score, string? note, CancellationToken cancellationToken = default)
    {
        note = note?.Trim();
        if (score is not { } value || double.IsNaN(value) || value < 0 || value > 100) return Outcome.Refused(RankingStatus.Invalid, "score", "Rankings.Appeals.ScoreRange");
        if (string.IsNullOrEmpty(note)) return Outcome.Refused(RankingStatus.Invalid, "note", "Rankings.Appeals.NoteRequired");
        if (note.Length > MaxNoteLength) return Outcome.Refused(RankingStatus.Invalid, "note", "Rankings.Appeals.NoteTooLong");
        return await DecideAsync(viewer, appealId, note, RankingCalculator.Round(value), cancellationToken);
    }

    private async Task<Outcome<RankingStatus>> DecideAsync(RankingViewer viewer, int appealId, string note, double? amendedScore, CancellationToken cancellationToken)
    {
        if (!viewer.IsAdmin) return new(RankingStatus.Forbidden);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var appeal = await db.RankingAppeals.SingleOrDefaultAsync(a => a.Id == appealId, cancellationToken);
        if (appeal is null) return new(RankingStatus.NotFound);
        if (appeal.Status != AppealStatus.Open) return new(RankingStatus.AppealDecided);
        var name = await db.Users.Where(p => p.Id == viewer.PersonId).Select(p => p.FullName).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        appeal.DecidedById = viewer.PersonId;
        appeal.DecidedByName = name;
        appeal.DecidedAtUtc = now;
        appeal.Decision = note;
        appeal.Status = AppealStatus.Upheld;
        if (amendedScore is { } score)
        {
            var appealed = await db.RankingPublications.AsNoTracking().SingleAsync(p => p.Id == appeal.PublicationId, cancellationToken);
            var latest = await db.RankingPublications.AsNoTracking().Where(p => p.PeriodId == appealed.PeriodId && p.Subject == appealed.Subject)
                .OrderByDescending(p => p.Revision).FirstAsync(cancellationToken);
            var amendment = new RankingPublication
            {
                PeriodId = latest.PeriodId, Subject = latest.Subject, Revision = latest.Revision + 1, PublishedAtUtc = now, PublishedById = viewer.PersonId,
                PublishedByName = name, AmendsAppealId = appeal.Id, AmendmentNote = note,
                Entries = RankingCalculator.Rerank(latest.Entries.Select(e => e.TargetId == appeal.TargetId ? e with { Score = score } : e)),
            };
            db.RankingPublications.Add(amendment);
            appeal.Status = AppealStatus.Amended;
            appeal.AmendedScore = score;
            appeal.AmendedPublicationId = null;
            // Another amendment of the same ranking saved first: the unique revision index refuses this one.
            if (!await UniqueIndex.SaveOnceAsync(db, cancellationToken)) return new(RankingStatus.Conflict);
            appeal.AmendedPublicationId = amendment.Id;
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Of(RankingStatus.Done);
    }
}

/// <summary>An appeal with what it is against; <see cref="CurrentScore"/> is the line's score in the latest revision.</summary>
public sealed record AppealLine(RankingAppeal Appeal, int Year, int Month, EvaluationSubject Subject, string SubjectName, string SiteName, double? CurrentScore);
