using TrainingLms.Domain.Clips;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.Web.Features.Clips;

/// <summary>A job a worker holds: what it needs to run it and to prove it still holds it.</summary>
public sealed record ClaimedJob(int JobId, int ClipId, int Attempt, string Owner);

/// <summary>What a lease renewal learned: whether the worker still holds the job, and whether a trainer asked to cancel.</summary>
public sealed record LeaseCheck(bool StillHeld, bool CancelRequested);

/// <summary>
/// The durable transcoding queue in the database. A worker claims the oldest job that is queued (or running under a
/// lease nobody renewed: its worker died) and renews the lease while ffmpeg runs; every state change checks that the
/// worker still holds the lease, so a worker that was presumed dead cannot overwrite its successor's work. Workers may
/// run in several processes on several machines (<c>Hosting:Role</c>), all on one database.
/// </summary>
public sealed class TranscodeQueue(IDbContextFactory<LmsDbContext> dbFactory, ClipAccessCache access, IOptions<ClipOptions> options, TimeProvider clock)
{
    private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<ClaimedJob?> TryClaimAsync(string owner, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        while (true)
        {
            var job = db.Database.IsNpgsql() ? await ClaimOnPostgreSqlAsync(db, owner, cancellationToken) : await ClaimOnSqliteAsync(db, owner, cancellationToken);
            if (job is null) return null;
            if (job.Attempts <= job.MaxAttempts) return new ClaimedJob(job.Id, job.ClipId, job.Attempts, owner);
            // Interrupted again and again (each crash or restart took an attempt): give up with what is known.
            await FinishAsync(db, new ClaimedJob(job.Id, job.ClipId, job.Attempts, owner), TranscodeStatus.Failed, ClipStatus.Failed,
                job.Error ?? $"Stopped after {job.MaxAttempts} interrupted attempts.", cancellationToken);
        }
    }

    /// <summary>The claimed job's row as the claim left it.</summary>
    private sealed class ClaimedRow
    {
        public int Id { get; set; }
        public int ClipId { get; set; }
        public int Attempts { get; set; }
        public int MaxAttempts { get; set; }
        public string? Error { get; set; }
    }

    /// <summary>
    /// SQLite has one writer at a time: the oldest candidate is read, then taken with the same condition in the update,
    /// so that of two workers racing for one job one changes the row and the other changes nothing and looks again.
    /// </summary>
    private async Task<ClaimedRow?> ClaimOnSqliteAsync(LmsDbContext db, string owner, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = Now;
            var candidate = await db.TranscodeJobs
                .Where(j => (j.Status == TranscodeStatus.Queued && j.NotBeforeUtc <= now) || (j.Status == TranscodeStatus.Running && j.LeaseExpiresAtUtc < now))
                .OrderBy(j => j.Id).Select(j => new { j.Id, j.Status, j.LeaseExpiresAtUtc }).FirstOrDefaultAsync(cancellationToken);
            if (candidate is null) return null;

            var claimed = await db.TranscodeJobs
                .Where(j => j.Id == candidate.Id && j.Status == candidate.Status && j.LeaseExpiresAtUtc == candidate.LeaseExpiresAtUtc)
                .ExecuteUpdateAsync(j => j
                    .SetProperty(x => x.Status, TranscodeStatus.Running)
                    .SetProperty(x => x.LeaseOwner, owner)
                    .SetProperty(x => x.LeaseExpiresAtUtc, now + Lease)
                    .SetProperty(x => x.Attempts, x => x.Attempts + 1)
                    .SetProperty(x => x.StartedAtUtc, now), cancellationToken);
            if (claimed == 0) continue;
            return await db.TranscodeJobs.AsNoTracking().Where(j => j.Id == candidate.Id)
                .Select(j => new ClaimedRow { Id = j.Id, ClipId = j.ClipId, Attempts = j.Attempts, MaxAttempts = j.MaxAttempts, Error = j.Error })
                .SingleAsync(cancellationToken);
        }
    }

    /// <summary>
    /// PostgreSQL: one statement finds the oldest candidate, locks it and takes it. <c>SKIP LOCKED</c> passes over a row
    /// another worker is taking at that moment, so workers on many machines never wait on one another's job; a row
    /// that another worker took meanwhile no longer matches when it is locked, and is passed over too.
    /// </summary>
    private async Task<ClaimedRow?> ClaimOnPostgreSqlAsync(LmsDbContext db, string owner, CancellationToken cancellationToken)
    {
        var now = Now;
        var lease = now + Lease;
        const int queued = (int)TranscodeStatus.Queued, running = (int)TranscodeStatus.Running;
        var rows = await db.Database.SqlQuery<ClaimedRow>($"""
            UPDATE "TranscodeJobs"
            SET "Status" = {running}, "LeaseOwner" = {owner}, "LeaseExpiresAtUtc" = {lease}, "Attempts" = "Attempts" + 1, "StartedAtUtc" = {now}
            WHERE "Id" = (
                SELECT "Id" FROM "TranscodeJobs"
                WHERE ("Status" = {queued} AND "NotBeforeUtc" <= {now}) OR ("Status" = {running} AND "LeaseExpiresAtUtc" < {now})
                ORDER BY "Id" LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING "Id", "ClipId", "Attempts", "MaxAttempts", "Error"
            """).ToListAsync(cancellationToken);
        return rows.SingleOrDefault();
    }

    /// <summary>Renews the lease and records progress.</summary>
    public async Task<LeaseCheck> RenewAsync(ClaimedJob job, int progressPercent, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now;
        var renewed = await Held(db, job).ExecuteUpdateAsync(j => j
            .SetProperty(x => x.LeaseExpiresAtUtc, now + Lease)
            .SetProperty(x => x.ProgressPercent, Math.Clamp(progressPercent, 0, 99)), cancellationToken);
        var cancel = renewed > 0 && await db.TranscodeJobs.AnyAsync(j => j.Id == job.JobId && j.CancelRequested, cancellationToken);
        return new LeaseCheck(renewed > 0, cancel);
    }

    public async Task<bool> SucceedAsync(ClaimedJob job, IReadOnlyList<ClipRendition> renditions, double durationSeconds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await FinishAsync(db, job, TranscodeStatus.Succeeded, ClipStatus.Ready, null, cancellationToken)) return false;
        await db.Clips.Where(c => c.Id == job.ClipId).ExecuteUpdateAsync(c => c
            .SetProperty(x => x.Renditions, [.. renditions])
            .SetProperty(x => x.HasPoster, true)
            .SetProperty(x => x.DurationSeconds, durationSeconds), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        access.Forget(job.ClipId);
        return true;
    }

    /// <summary>An attempt failed: queued again after a pause while attempts remain, else failed for good with ffmpeg's words.</summary>
    public async Task FailAttemptAsync(ClaimedJob job, string error, CancellationToken cancellationToken = default)
    {
        error = error.Length <= TranscodeJob.MaxErrorLength ? error : error[^TranscodeJob.MaxErrorLength..];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var maxAttempts = await db.TranscodeJobs.Where(j => j.Id == job.JobId).Select(j => j.MaxAttempts).SingleAsync(cancellationToken);
        if (job.Attempt >= maxAttempts)
        {
            await FinishAsync(db, job, TranscodeStatus.Failed, ClipStatus.Failed, error, cancellationToken);
            return;
        }
        var retryAt = Now + TimeSpan.FromSeconds(options.Value.RetryDelaySeconds * job.Attempt);
        await Held(db, job).ExecuteUpdateAsync(j => j
            .SetProperty(x => x.Status, TranscodeStatus.Queued)
            .SetProperty(x => x.LeaseOwner, (string?)null)
            .SetProperty(x => x.LeaseExpiresAtUtc, (DateTime?)null)
            .SetProperty(x => x.NotBeforeUtc, retryAt)
            .SetProperty(x => x.Error, error), cancellationToken);
    }

    public async Task CancelledAsync(ClaimedJob job, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await FinishAsync(db, job, TranscodeStatus.Cancelled, ClipStatus.Cancelled, null, cancellationToken);
    }

    /// <summary>The app is stopping: the job goes back to the queue, and the interrupted attempt does not count.</summary>
    public async Task ReleaseAsync(ClaimedJob job, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await Held(db, job).ExecuteUpdateAsync(j => j
            .SetProperty(x => x.Status, TranscodeStatus.Queued)
            .SetProperty(x => x.LeaseOwner, (string?)null)
            .SetProperty(x => x.LeaseExpiresAtUtc, (DateTime?)null)
            .SetProperty(x => x.Attempts, x => x.Attempts - 1)
            .SetProperty(x => x.ProgressPercent, 0), cancellationToken);
    }

    /// <summary>A trainer's cancel: a queued job ends at once; a running one is stopped by its worker at the next renewal.</summary>
    public async Task<bool> RequestCancelAsync(int clipId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var queued = await db.TranscodeJobs.Where(j => j.ClipId == clipId && j.Status == TranscodeStatus.Queued)
            .ExecuteUpdateAsync(j => j.SetProperty(x => x.Status, TranscodeStatus.Cancelled).SetProperty(x => x.FinishedAtUtc, Now), cancellationToken);
        if (queued > 0) await SetClipStatusAsync(db, clipId, ClipStatus.Cancelled, cancellationToken);
        var running = await db.TranscodeJobs.Where(j => j.ClipId == clipId && j.Status == TranscodeStatus.Running)
            .ExecuteUpdateAsync(j => j.SetProperty(x => x.CancelRequested, true), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (queued > 0) access.Forget(clipId);
        return queued + running > 0;
    }

    /// <summary>A new job for a clip whose transcoding failed or was cancelled; the old jobs stay as its history.</summary>
    public async Task<bool> RequeueAsync(int clipId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await WriteLock.EnterAsync(db, $"clip-transcode:{clipId}", cancellationToken);
        if (await db.TranscodeJobs.AnyAsync(j => j.ClipId == clipId && (j.Status == TranscodeStatus.Queued || j.Status == TranscodeStatus.Running), cancellationToken)
            || !await db.Clips.AnyAsync(c => c.Id == clipId, cancellationToken))
            return false;
        var now = Now;
        db.TranscodeJobs.Add(new TranscodeJob { ClipId = clipId, MaxAttempts = options.Value.MaxAttempts, CreatedAtUtc = now, NotBeforeUtc = now });
        await db.SaveChangesAsync(cancellationToken);
        await SetClipStatusAsync(db, clipId, ClipStatus.Processing, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        access.Forget(clipId);
        return true;
    }

    private static IQueryable<TranscodeJob> Held(LmsDbContext db, ClaimedJob job) =>
        db.TranscodeJobs.Where(j => j.Id == job.JobId && j.Status == TranscodeStatus.Running && j.LeaseOwner == job.Owner && j.Attempts == job.Attempt);

    private async Task<bool> FinishAsync(LmsDbContext db, ClaimedJob job, TranscodeStatus status, ClipStatus clipStatus, string? error, CancellationToken cancellationToken)
    {
        var finished = await Held(db, job).ExecuteUpdateAsync(j => j
            .SetProperty(x => x.Status, status)
            .SetProperty(x => x.LeaseOwner, (string?)null)
            .SetProperty(x => x.LeaseExpiresAtUtc, (DateTime?)null)
            .SetProperty(x => x.ProgressPercent, x => status == TranscodeStatus.Succeeded ? 100 : x.ProgressPercent)
            .SetProperty(x => x.Error, x => error ?? x.Error)
            .SetProperty(x => x.FinishedAtUtc, Now), cancellationToken);
        if (finished > 0) await SetClipStatusAsync(db, job.ClipId, clipStatus, cancellationToken);
        return finished > 0;
    }

    private async Task SetClipStatusAsync(LmsDbContext db, int clipId, ClipStatus status, CancellationToken cancellationToken)
    {
        await db.Clips.Where(c => c.Id == clipId).ExecuteUpdateAsync(c => c.SetProperty(x => x.Status, status), cancellationToken);
        await access.WriteChangeAsync(db, clipId, cancellationToken);
        // Inside a transaction the caller forgets again after the commit: a read between this and the commit would
        // otherwise keep the old status as new.
        access.Forget(clipId);
    }
}
