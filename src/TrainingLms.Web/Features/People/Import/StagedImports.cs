using System.Data.Common;
using TrainingLms.Domain.People.Import;
using TrainingLms.Web.Features.Courses;
using TrainingLms.Web.Features.Courses.Caching;

namespace TrainingLms.Web.Features.People.Import;

/// <summary>
/// Brings an import that stopped part-way to one end or the other, a short transaction at a time, so that however
/// it stopped, nobody from the file is in, or everyone is, with their courses: an import switched in is finished
/// (its people switched on), one that was not is removed. Safe to run again; at start-up it repairs what a crash left.
/// </summary>
public sealed class StagedImports(
    IDbContextFactory<LmsDbContext> dbFactory,
    CourseAssigner courses,
    LearningChanges learningChanges,
    CacheChangeLog changeLog,
    PendingWrites pendingWrites,
    IOptions<ImportOptions> options,
    ILogger<StagedImports> logger)
{
    /// <summary>The write lock of starting and switching in an import (<see cref="WriteLock"/>): one import at a time.</summary>
    public const string ImportLock = "people-import";

    /// <summary>The longest an import waits, between two of its transactions, for other saves to go first.</summary>
    public static readonly TimeSpan LongestGiveWay = TimeSpan.FromSeconds(1);

    private int BatchSize => options.Value.BatchSize;

    /// <summary>At start-up: settles every import a crash interrupted. The app starts even if one cannot be settled.</summary>
    public async Task RepairAsync(CancellationToken cancellationToken = default)
    {
        List<int> interrupted;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            interrupted = await db.ImportBatches.Where(b => b.Status == ImportStatus.Staging || b.Status == ImportStatus.Committed)
                .OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(cancellationToken);
        foreach (var batchId in interrupted)
        {
            try
            {
                var settled = await SettleAsync(batchId, coursesMayHaveChanged: true, cancellationToken);
                logger.LogWarning("People import {Batch} had been interrupted: {Status}", batchId, settled);
            }
            catch (Exception e) when (e is DbUpdateException or DbException)
            {
                // Its people stay hidden, and the next start tries again.
                logger.LogError(e, "People import {Batch} had been interrupted and could not be settled", batchId);
            }
        }
    }

    /// <summary>Finishes the batch when it was switched in, otherwise removes what it staged.</summary>
    /// <returns>Where the batch stands now.</returns>
    public async Task<ImportStatus> SettleAsync(int batchId, bool coursesMayHaveChanged, CancellationToken cancellationToken)
    {
        ImportStatus status;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            status = await db.ImportBatches.Where(b => b.Id == batchId).Select(b => b.Status).SingleAsync(cancellationToken);
        switch (status)
        {
            case ImportStatus.Staging:
                await RollBackAsync(batchId, cancellationToken);
                return ImportStatus.RolledBack;
            case ImportStatus.Committed:
                await FinishAsync(batchId, coursesMayHaveChanged, cancellationToken);
                return ImportStatus.Completed;
            default:
                return status;
        }
    }

    /// <summary>
    /// Switches the batch's people on, a short transaction at a time, each with any course their audience gained
    /// meanwhile; then gives the changed people the courses their new post or roles bring. Safe to run again.
    /// </summary>
    private async Task FinishAsync(int batchId, bool coursesMayHaveChanged, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var ids = await db.Users.Where(p => p.StagedImportId == batchId).Select(p => p.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0) break;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                if (coursesMayHaveChanged)
                {
                    await courses.AddByAudienceAsync(db, ids, evenIfInactive: true, cancellationToken: cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                }
                await db.Users.Where(p => ids.Contains(p.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, true).SetProperty(p => p.StagedImportId, (int?)null), cancellationToken);
                await changeLog.WriteAsync(db, CacheChangeKind.Person, ids, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            learningChanges.PeopleChanged(ids);
            await pendingWrites.GiveWayAsync(LongestGiveWay, cancellationToken);
        }
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var changes = await db.ImportStagedChanges.Where(c => c.BatchId == batchId).OrderBy(c => c.Id).Take(BatchSize)
                .Select(c => new { c.Id, c.PersonId }).ToListAsync(cancellationToken);
            if (changes.Count == 0) break;
            var changeIds = changes.Select(c => c.Id).ToList();
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await courses.AddByAudienceAsync(db, [.. changes.Select(c => c.PersonId)], cancellationToken: cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await db.ImportStagedChanges.Where(c => changeIds.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            await pendingWrites.GiveWayAsync(LongestGiveWay, cancellationToken);
        }
        await SetStatusAsync(batchId, ImportStatus.Completed, cancellationToken);
    }

    /// <summary>Removes everything a batch staged, a short transaction at a time. Safe to run again.</summary>
    private async Task RollBackAsync(int batchId, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var ids = await db.Users.Where(p => p.StagedImportId == batchId).Select(p => p.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0) break;
            // Their roles and course assignments go with them (the keys cascade).
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await db.Users.Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
                await changeLog.WriteAsync(db, CacheChangeKind.Person, ids, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            learningChanges.PeopleChanged(ids);
            await pendingWrites.GiveWayAsync(LongestGiveWay, cancellationToken);
        }
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            while (await db.ImportStagedChanges.Where(c => c.BatchId == batchId).OrderBy(c => c.Id).Take(BatchSize).ExecuteDeleteAsync(cancellationToken) > 0)
                await pendingWrites.GiveWayAsync(LongestGiveWay, cancellationToken);
            var batch = await db.ImportBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, cancellationToken);
            try
            {
                var teams = await db.Teams.Where(t => batch.NewTeamIds.Contains(t.Id) && !t.IsActive && !db.Users.Any(p => p.TeamId == t.Id))
                    .ExecuteDeleteAsync(cancellationToken);
                var sites = await db.Sites.Where(s => batch.NewSiteIds.Contains(s.Id) && !s.IsActive && !db.Teams.Any(t => t.SiteId == s.Id) && !db.Users.Any(p => p.SiteId == s.Id))
                    .ExecuteDeleteAsync(cancellationToken);
                // Nothing learns through a contractor company, so its removal needs no change counted.
                await db.ContractorCompanies.Where(c => batch.NewContractorIds.Contains(c.Id) && !c.IsActive && !db.Users.Any(p => p.ContractorCompanyId == c.Id))
                    .ExecuteDeleteAsync(cancellationToken);
                if (teams + sites > 0)
                {
                    // Right after the deletes, which stand on their own (a site still in use keeps its team deleted).
                    await changeLog.WriteAsync(db, CacheChangeKind.Everyone, cancellationToken);
                    learningChanges.EveryoneChanged();
                }
            }
            catch (DbException e)
            {
                // Something was attached to a new, still inactive site or team by hand meanwhile: it stays, inactive.
                logger.LogWarning(e, "People import {Batch}: a site or team it created is in use and was left inactive", batchId);
            }
        }
        await SetStatusAsync(batchId, ImportStatus.RolledBack, cancellationToken);
    }

    private async Task SetStatusAsync(int batchId, ImportStatus status, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.ImportBatches.Where(b => b.Id == batchId).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, status), cancellationToken);
    }
}
