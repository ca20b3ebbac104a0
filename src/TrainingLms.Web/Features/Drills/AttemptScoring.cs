using TrainingLms.Web.Features.Account;
using TrainingLms.Web.Features.Drills.Certificates;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.Web.Features.Drills;

public enum DrillActionStatus
{
    Done = 1,

    /// <summary>The same action already happened (a double tap, a retry): nothing new was done.</summary>
    AlreadyDone = 2,
    Invalid = 3,
    Forbidden = 4,
    NotFound = 5,

    /// <summary>The record is signed: nothing may change it.</summary>
    Signed = 6,
    PasswordWrong = 7,
    LockedOut = 8,
}

/// <summary>
/// The trainer's scoring of one attempt: saving a draft as often as needed, then signing it with their password.
/// Only people with the Trainer role score and sign (administrators organise, they do not assess); nobody signs
/// their own attempt; a signed attempt is never changed.
/// </summary>
public sealed class AttemptScoring(IDbContextFactory<LmsDbContext> dbFactory, PasswordConfirmation passwords, CertificateIssuer certificates, TimeProvider clock)
{
    public async Task<Outcome<DrillActionStatus>> SaveAsync(DrillViewer actor, int attemptId, ScoreInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await AttemptRecords.Query(db, a => a.Id == attemptId).SingleOrDefaultAsync(cancellationToken) is not { } row) return Outcome.Of(DrillActionStatus.NotFound);
        if (!actor.IsTrainer) return Outcome.Of(DrillActionStatus.Forbidden);
        if (row.IsSigned) return new(DrillActionStatus.Signed, attemptId);
        var errors = await DrillEvidence.ValidateAsync(db, input, row.Rubric.Criteria, cancellationToken);
        if (errors.Count > 0) return Outcome.Refused(DrillActionStatus.Invalid, errors);
        return await SaveDraftAsync(db, attemptId, input, row, cancellationToken) ? new(DrillActionStatus.Done, attemptId) : new(DrillActionStatus.Signed, attemptId);
    }

    /// <summary>
    /// Saves what was typed (so nothing is lost whatever happens next), then signs if every criterion is scored and
    /// the password is right. The result is the rule's; there is no field to override it.
    /// </summary>
    public async Task<Outcome<DrillActionStatus>> SignAsync(DrillViewer actor, int attemptId, ScoreInput input, string? password, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await AttemptRecords.Query(db, a => a.Id == attemptId).SingleOrDefaultAsync(cancellationToken) is not { } row) return Outcome.Of(DrillActionStatus.NotFound);
        if (!actor.IsTrainer) return Outcome.Of(DrillActionStatus.Forbidden);
        if (row.IsSigned) return AlreadySigned(row, actor, input, attemptId);
        var errors = await DrillEvidence.ValidateAsync(db, input, row.Rubric.Criteria, cancellationToken);
        if (errors.Count > 0) return Outcome.Refused(DrillActionStatus.Invalid, errors);
        if (row.CandidateId == actor.PersonId) return Outcome.Refused(DrillActionStatus.Invalid, "", "Drills.Sign.OwnAttempt");
        var zone = await db.Sites.Where(s => s.Id == row.SiteId).Select(s => s.TimeZoneId).SingleAsync(cancellationToken);
        if (SiteTime.Today(clock.GetUtcNow().UtcDateTime, zone) < row.HeldOn) return Outcome.Refused(DrillActionStatus.Invalid, "", "Drills.Sign.NotYet");

        // Another tap of the same button may have signed it since the row was read: that is this sign-off, done.
        if (!await SaveDraftAsync(db, attemptId, input, row, cancellationToken))
            return AlreadySigned(await AttemptRecords.Query(db, a => a.Id == attemptId).SingleAsync(cancellationToken), actor, input, attemptId);
        var unscored = input.Scores(row.Rubric.Criteria).Where(s => s.Value is null).Select(s => s.Key).ToList();
        if (unscored.Count > 0) return Outcome.Refused(DrillActionStatus.Invalid, unscored.ToDictionary(key => $"score.{key}", _ => "Drills.Validation.Unscored"));

        // Identity's password check writes to the database on its own connection: it runs before the signing transaction.
        if (await passwords.CheckAsync(actor.PersonId, password) is not PasswordCheck.Confirmed and var check) return PasswordRefusal.Of(check);

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await WriteLock.EnterAsync(db, $"drill-attempt:{attemptId}", cancellationToken);
            db.ChangeTracker.Clear();
            var attempt = await db.DrillAttempts.Include(a => a.Scores).Include(a => a.Session).SingleAsync(a => a.Id == attemptId, cancellationToken);
            // Another tap or device signed it while the password was being checked.
            if (attempt.IsSigned) return new(DrillActionStatus.AlreadyDone, attemptId);
            input.ApplyTo(attempt, row.Rubric.Criteria);
            AttemptRecords.Seal(attempt, attempt.Session!, row.Rubric, actor.PersonId, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await certificates.IssueIfClearedAsync(row.CandidateId, cancellationToken);
        return new(DrillActionStatus.Done, attemptId);
    }

    /// <summary>A signed attempt: the same scores signed by the same trainer are this sign-off again (a double tap); anything else is refused.</summary>
    private static Outcome<DrillActionStatus> AlreadySigned(AttemptRow signed, DrillViewer actor, ScoreInput input, int attemptId) =>
        input.SameAs(signed) && signed.SignedById == actor.PersonId ? new(DrillActionStatus.AlreadyDone, attemptId) : new(DrillActionStatus.Signed, attemptId);

    /// <returns>False when the attempt turned out to be signed already.</returns>
    private async Task<bool> SaveDraftAsync(LmsDbContext db, int attemptId, ScoreInput input, AttemptRow row, CancellationToken cancellationToken)
    {
        var attempt = await db.DrillAttempts.Include(a => a.Scores).SingleAsync(a => a.Id == attemptId, cancellationToken);
        if (attempt.IsSigned) return false;
        input.ApplyTo(attempt, row.Rubric.Criteria);
        attempt.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>A password re-entry that did not confirm, as the outcome of the action it guarded.</summary>
public static class PasswordRefusal
{
    public static Outcome<DrillActionStatus> Of(PasswordCheck check) => check switch
    {
        PasswordCheck.Throttled => Outcome.Refused(DrillActionStatus.LockedOut, "password", "Drills.Sign.LockedOut"),
        PasswordCheck.Missing => Outcome.Refused(DrillActionStatus.Invalid, "password", "Drills.Sign.PasswordRequired"),
        _ => Outcome.Refused(DrillActionStatus.PasswordWrong, "password", "Drills.Sign.PasswordWrong"),
    };
}
