using TrainingLms.Domain.TrainingRecords;

namespace TrainingLms.Web.Features.TrainingRecords;

/// <summary>A site manager or a trainer oversees a training's quality: countersigns it, or returns it with a comment.</summary>
public sealed class TrainingOversight(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock)
{
    public Task<Outcome<TrainingOutcome>> CountersignAsync(TrainingViewer viewer, int recordId, CancellationToken cancellationToken = default) =>
        StepAsync(viewer, recordId, TrainingStepKind.Countersigned, null, cancellationToken);

    public Task<Outcome<TrainingOutcome>> ReturnAsync(TrainingViewer viewer, int recordId, string comment, CancellationToken cancellationToken = default)
    {
        comment = comment.Trim();
        if (comment.Length == 0) return Task.FromResult(Outcome.Refused(TrainingOutcome.Invalid, "comment", "TrainingRecords.Validation.Comment"));
        if (comment.Length > TrainingRecord.MaxCommentLength)
            return Task.FromResult(Outcome.Refused(TrainingOutcome.Invalid, "comment",
                ErrorKey.With("TrainingRecords.Validation.TooLong", TrainingRecord.MaxCommentLength.ToString(CultureInfo.InvariantCulture))));
        return StepAsync(viewer, recordId, TrainingStepKind.Returned, comment, cancellationToken);
    }

    private async Task<Outcome<TrainingOutcome>> StepAsync(TrainingViewer viewer, int recordId, TrainingStepKind step, string? comment, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.TrainingRecords.AsNoTracking().Where(r => r.Id == recordId)
            .Select(r => new { r.Status, r.RecordedById, r.TeamId, SiteId = db.Teams.Where(t => t.Id == r.TeamId).Select(t => t.SiteId).Single(),
                LeaderId = db.Teams.Where(t => t.Id == r.TeamId).Select(t => t.ClassLeaderId).Single() })
            .SingleOrDefaultAsync(cancellationToken);
        if (record is null) return Outcome.Of(TrainingOutcome.NotFound);
        var actor = await TrainingScope.ActorAsync(db, viewer, record.SiteId, record.LeaderId, cancellationToken);
        switch (TrainingRules.CanOversee(record.Status, record.RecordedById, actor))
        {
            case TrainingVerdict.Forbidden: return Outcome.Of(TrainingOutcome.Forbidden);
            case TrainingVerdict.OwnRecord: return Outcome.Of(TrainingOutcome.OwnRecord, recordId);
            case TrainingVerdict.WrongState: return Outcome.Of(TrainingOutcome.WrongState, recordId);
        }

        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var next = TrainingRules.After(TrainingRecordStatus.Submitted, step);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Only from Submitted: a manager and a trainer at once, or a double tap, move it once.
        var moved = await db.TrainingRecords.Where(r => r.Id == recordId && r.Status == TrainingRecordStatus.Submitted)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, next).SetProperty(x => x.UpdatedAtUtc, nowUtc), cancellationToken);
        if (moved == 0) return Outcome.Of(TrainingOutcome.WrongState, recordId);
        db.TrainingRecordSteps.Add(new TrainingRecordStep { RecordId = recordId, Kind = step, ById = viewer.PersonId, AtUtc = nowUtc, Comment = comment });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Of(step == TrainingStepKind.Countersigned ? TrainingOutcome.Countersigned : TrainingOutcome.Returned, recordId);
    }
}
