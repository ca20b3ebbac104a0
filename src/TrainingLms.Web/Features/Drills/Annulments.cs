using TrainingLms.Domain.Drills;
using TrainingLms.Web.Features.Account;
using TrainingLms.Web.Features.Drills.Certificates;

namespace TrainingLms.Web.Features.Drills;

/// <summary>
/// Corrects a signed attempt without overwriting it: a trainer (or administrator) asks for the annulment with a
/// reason and their password; another trainer or an administrator countersigns with theirs; then a new attempt,
/// pre-filled from the annulled one, is scored and signed. Every step stays in the history.
/// </summary>
public sealed class Annulments(IDbContextFactory<LmsDbContext> dbFactory, PasswordConfirmation passwords, CertificateIssuer certificates, TimeProvider clock)
{
    public async Task<Outcome<DrillActionStatus>> RequestAsync(DrillViewer actor, int attemptId, string reason, string? password, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attempt = await db.DrillAttempts.AsNoTracking().Where(a => a.Id == attemptId)
            .Select(a => new { a.SignedAtUtc, a.AnnulledAtUtc }).SingleOrDefaultAsync(cancellationToken);
        if (attempt is null) return Outcome.Of(DrillActionStatus.NotFound);
        if (!actor.MayCountersign) return Outcome.Of(DrillActionStatus.Forbidden);
        if (attempt.SignedAtUtc is null) return Outcome.Refused(DrillActionStatus.Invalid, "", "Drills.Annul.NotSigned");
        if (await db.DrillAnnulments.AnyAsync(a => a.AttemptId == attemptId, cancellationToken)) return new(DrillActionStatus.AlreadyDone, attemptId);
        reason = reason.Trim();
        if (reason.Length == 0) return Outcome.Refused(DrillActionStatus.Invalid, "reason", "Drills.Annul.ReasonRequired");
        if (reason.Length > DrillAnnulment.MaxReasonLength) return Outcome.Refused(DrillActionStatus.Invalid, "reason", "Drills.Validation.TooLong");
        if (await passwords.CheckAsync(actor.PersonId, password) is not PasswordCheck.Confirmed and var check) return PasswordRefusal.Of(check);

        db.DrillAnnulments.Add(new DrillAnnulment { AttemptId = attemptId, Reason = reason, RequestedById = actor.PersonId, RequestedAtUtc = Now });
        return await UniqueIndex.SaveOnceAsync(db, cancellationToken) ? new(DrillActionStatus.Done, attemptId) : new(DrillActionStatus.AlreadyDone, attemptId);
    }

    /// <summary>The second signature: never the person who asked. Makes the annulment final and revokes certificates resting on the attempt.</summary>
    public async Task<Outcome<DrillActionStatus>> CountersignAsync(DrillViewer actor, int attemptId, string? password, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.DrillAnnulments.AsNoTracking().SingleOrDefaultAsync(a => a.AttemptId == attemptId, cancellationToken);
        if (request is null) return await db.DrillAttempts.AnyAsync(a => a.Id == attemptId, cancellationToken)
            ? Outcome.Refused(DrillActionStatus.Invalid, "", "Drills.Annul.NoRequest") : Outcome.Of(DrillActionStatus.NotFound);
        if (!actor.MayCountersign) return Outcome.Of(DrillActionStatus.Forbidden);
        if (request.CountersignedAtUtc is not null) return new(DrillActionStatus.AlreadyDone, attemptId);
        if (request.RequestedById == actor.PersonId) return Outcome.Refused(DrillActionStatus.Invalid, "", "Drills.Annul.SecondSignerNeeded");
        if (await passwords.CheckAsync(actor.PersonId, password) is not PasswordCheck.Confirmed and var check) return PasswordRefusal.Of(check);

        var now = Now;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await WriteLock.EnterAsync(db, $"drill-attempt:{attemptId}", cancellationToken);
            var annulment = await db.DrillAnnulments.SingleAsync(a => a.AttemptId == attemptId, cancellationToken);
            if (annulment.CountersignedAtUtc is not null) return new(DrillActionStatus.AlreadyDone, attemptId);
            annulment.CountersignedById = actor.PersonId;
            annulment.CountersignedAtUtc = now;
            var attempt = await db.DrillAttempts.SingleAsync(a => a.Id == attemptId, cancellationToken);
            attempt.AnnulledAtUtc = now;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await certificates.RevokeForAttemptAsync(attemptId, request.Reason, cancellationToken);
        return new(DrillActionStatus.Done, attemptId);
    }

    /// <summary>
    /// A new draft attempt in the same session, scored against the same rubric revision and pre-filled with the
    /// annulled attempt's scores, so the trainer corrects what was wrong and signs again. One per annulled attempt.
    /// </summary>
    public async Task<Outcome<DrillActionStatus>> CorrectAsync(DrillViewer actor, int annulledAttemptId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var annulled = await db.DrillAttempts.AsNoTracking().Include(a => a.Scores).SingleOrDefaultAsync(a => a.Id == annulledAttemptId, cancellationToken);
        if (annulled is null) return Outcome.Of(DrillActionStatus.NotFound);
        if (!actor.IsTrainer) return Outcome.Of(DrillActionStatus.Forbidden);
        if (annulled.AnnulledAtUtc is null) return Outcome.Refused(DrillActionStatus.Invalid, "", "Drills.Annul.NotAnnulled");
        if (await CorrectionOfAsync(db, annulledAttemptId, cancellationToken) is { } existing) return new(DrillActionStatus.AlreadyDone, existing);

        var now = Now;
        var correction = new DrillAttempt
        {
            SessionId = annulled.SessionId,
            CandidateId = annulled.CandidateId,
            DrillRevisionId = annulled.DrillRevisionId,
            CorrectsAttemptId = annulled.Id,
            Comment = annulled.Comment,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            Scores = [.. annulled.Scores.OrderBy(s => s.Id).Select(s => new DrillScore
            {
                CriterionKey = s.CriterionKey, Score = s.Score, Comment = s.Comment, EvidenceClipSlug = s.EvidenceClipSlug, EvidenceAtSeconds = s.EvidenceAtSeconds,
            })],
        };
        db.DrillAttempts.Add(correction);
        if (await UniqueIndex.SaveOnceAsync(db, cancellationToken)) return new(DrillActionStatus.Done, correction.Id);
        return new(DrillActionStatus.AlreadyDone, await CorrectionOfAsync(db, annulledAttemptId, cancellationToken));
    }

    private static Task<int?> CorrectionOfAsync(LmsDbContext db, int annulledAttemptId, CancellationToken cancellationToken) =>
        db.DrillAttempts.Where(a => a.CorrectsAttemptId == annulledAttemptId).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken);

    // Annulments are signed records: their times must read back exactly.
    private DateTime Now => StoredTime.Of(clock.GetUtcNow().UtcDateTime);
}
