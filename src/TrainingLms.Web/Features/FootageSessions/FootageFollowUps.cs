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
        switch (FollowUpMoves.Close(fault, viewer.PersonId, whatWasDone, "Rectifications.Validation.WhatWasDone", clock.GetUtcNow().UtcDateTime, out var refused))
        {
            case FollowUpMove.Moved: return Outcome.Of(FootageOutcome.Moved, faultId);
            case FollowUpMove.Refused: return Outcome.Refused(FootageOutcome.Invalid, "whatWasDone", refused!);
        }
        return await SaveAsync(db, fault, FollowUpStatus.Open, cancellationToken);
    }

    public Task<Outcome<FootageOutcome>> VerifyAsync(FootageViewer viewer, int faultId, CancellationToken cancellationToken = default) =>
        JudgeAsync(viewer, faultId, reopenReason: null, cancellationToken);

    public Task<Outcome<FootageOutcome>> ReopenAsync(FootageViewer viewer, int faultId, string reason, CancellationToken cancellationToken = default) =>
        JudgeAsync(viewer, faultId, reason, cancellationToken);

    private async Task<Outcome<FootageOutcome>> JudgeAsync(FootageViewer viewer, int faultId, string? reopenReason, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.FootageFaults.SingleOrDefaultAsync(f => f.Id == faultId, cancellationToken) is not { } fault) return Outcome.Of(FootageOutcome.NotFound);
        var recordedById = await db.FootageSessions.Where(s => s.Id == fault.SessionId).Select(s => s.RecordedById).SingleAsync(cancellationToken);
        if (!FootageRules.MayJudge(await FootageScope.ActorAsync(db, viewer, fault.SiteId, cancellationToken), recordedById)) return Outcome.Of(FootageOutcome.Forbidden);
        switch (FollowUpMoves.Judge(fault, viewer.PersonId, reopenReason, clock.GetUtcNow().UtcDateTime, out var refused))
        {
            case FollowUpMove.Moved: return Outcome.Of(FootageOutcome.Moved, faultId);
            case FollowUpMove.Refused: return Outcome.Refused(FootageOutcome.Invalid, "reason", refused!);
        }
        return await SaveAsync(db, fault, FollowUpStatus.Closed, cancellationToken);
    }

    private static async Task<Outcome<FootageOutcome>> SaveAsync(LmsDbContext db, FootageFault fault, FollowUpStatus from, CancellationToken cancellationToken) =>
        Outcome.Of(await FollowUpMoves.SaveFromAsync(db, fault, from, cancellationToken) ? FootageOutcome.Done : FootageOutcome.Moved, fault.Id);
}
