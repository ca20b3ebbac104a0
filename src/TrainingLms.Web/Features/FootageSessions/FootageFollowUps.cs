using TrainingLms.Domain.FollowUps;
using TrainingLms.Domain.FootageSessions;

namespace TrainingLms.Web.Features.FootageSessions;

/// <summary>
/// The corrections agreed in footage sessions, followed up like rectifications: the owner says it is done, the session's
/// recorder or the site's manager verifies or reopens it; each move only from the state it was judged in.
/// </summary>
public sealed class FootageFollowUps(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Outcome<FootageOutcome>> CloseAsync(FootageViewer viewer, int faultId, string whatWasDone, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.FootageFaults.SingleOrDefaultAsync(f => f.Id == faultId, cancellationToken) is not { } fault) return Outcome.Of(FootageOutcome.NotFound);
        var actor = await FootageScope.ActorAsync(db, viewer, fault.SiteId, cancellationToken);
        if (!FootageRules.MayClose(actor, fault.OwnerId)) return Outcome.Of(FootageOutcome.Forbidden);
        if (fault.Status != FollowUpStatus.Open) return Outcome.Of(FootageOutcome.Moved, faultId);
        var text = FollowUp.Clean(whatWasDone);
        if (FollowUpMoves.Refusal(text, "Rectifications.Validation.WhatWasDone") is { } refused) return Outcome.Refused(FootageOutcome.Invalid, "whatWasDone", refused);
        fault.Close(viewer.PersonId, text, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(db, fault, FollowUpStatus.Open, cancellationToken);
    }

    public Task<Outcome<FootageOutcome>> VerifyAsync(FootageViewer viewer, int faultId, CancellationToken cancellationToken = default) =>
        JudgeAsync(viewer, faultId, reopenReason: null, cancellationToken);

    public Task<Outcome<FootageOutcome>> ReopenAsync(FootageViewer viewer, int faultId, string reason, CancellationToken cancellationToken = default) =>
        JudgeAsync(viewer, faultId, FollowUp.Clean(reason), cancellationToken);

    private async Task<Outcome<FootageOutcome>> JudgeAsync(FootageViewer viewer, int faultId, string? reopenReason, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.FootageFaults.SingleOrDefaultAsync(f => f.Id == faultId, cancellationToken) is not { } fault) return Outcome.Of(FootageOutcome.NotFound);
        var recordedById = await db.FootageSessions.Where(s => s.Id == fault.SessionId).Select(s => s.RecordedById).SingleAsync(cancellationToken);
        if (!FootageRules.MayJudge(await FootageScope.ActorAsync(db, viewer, fault.SiteId, cancellationToken), recordedById)) return Outcome.Of(FootageOutcome.Forbidden);
        if (fault.Status != FollowUpStatus.Closed) return Outcome.Of(FootageOutcome.Moved, faultId);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        if (reopenReason is null) fault.Verify(viewer.PersonId, nowUtc);
        else
        {
            if (FollowUpMoves.Refusal(reopenReason, "Rectifications.Validation.Reason") is { } refused) return Outcome.Refused(FootageOutcome.Invalid, "reason", refused);
            fault.Reopen(reopenReason, nowUtc);
        }
        return await SaveAsync(db, fault, FollowUpStatus.Closed, cancellationToken);
    }

    private static async Task<Outcome<FootageOutcome>> SaveAsync(LmsDbContext db, FootageFault fault, FollowUpStatus from, CancellationToken cancellationToken) =>
        Outcome.Of(await FollowUpMoves.SaveFromAsync(db, fault, from, cancellationToken) ? FootageOutcome.Done : FootageOutcome.Moved, fault.Id);
}
