using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingLms.Data;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.People.Import;
using TrainingLms.Web.Features.Courses;
using TrainingLms.Web.Features.Courses.Caching;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.Web.Features.People.Import;

public enum ImportFailure
{
    /// <summary>Another import is still writing; only one runs at a time.</summary>
    AnotherImportUnderWay = 1,

    /// <summary>Writing failed part-way; what had been written was removed.</summary>
    WriteFailed = 2,
}

/// <summary>
/// Writes an import's plan without holding the company up: the new people are written in short transactions,
/// inactive and marked as the batch's (staged), with their roles and courses; changes to people who exist are
/// staged beside them. One short transaction then switches the import in, and the people are switched on in short
/// transactions again. Until the switch, a failure (or, at the next start, a crash) removes everything staged;
/// after it, the next start finishes what a crash left.
/// </summary>
public sealed class ImportWriter(
    IDbContextFactory<LmsDbContext> dbFactory,
    CourseAssigner courses,
    LearningChanges learningChanges,
    PendingWrites pendingWrites,
    IOptions<ImportOptions> options,
    ILogger<ImportWriter> logger)
{
    /// <summary>The longest an import waits, between two of its transactions, for other saves to go first.</summary>
    private static readonly TimeSpan LongestGiveWay = TimeSpan.FromSeconds(1);

    private int BatchSize => options.Value.BatchSize;

    private TimeSpan TransactionTime => TimeSpan.FromMilliseconds(options.Value.TransactionMilliseconds);

    public async Task RecordRefusedAsync(ImportBatch batch, CancellationToken cancellationToken)
    {
        batch.Status = ImportStatus.Refused;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ImportFailure?> WriteAsync(ImportBatch batch, ImportPlan plan, CancellationToken cancellationToken)
    {
        var coursesBefore = learningChanges.CoursesStamp;
        if (!await OpenAsync(batch, plan, cancellationToken)) return ImportFailure.AnotherImportUnderWay;
        try
        {
            await StageAsync(batch.Id, plan, cancellationToken);
            await SwitchAsync(batch, plan, cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogError(e, "People import {Batch} ({File}) failed while writing; removing what it wrote", batch.Id, batch.FileName);
            try
            {
                await RollBackAsync(batch.Id, CancellationToken.None);
                batch.Status = ImportStatus.RolledBack;
            }
            catch (Exception again)
            {
                logger.LogError(again, "People import {Batch} could not remove what it wrote; the next start removes it", batch.Id);
            }
            if (e is OperationCanceledException) throw;
            return ImportFailure.WriteFailed;
        }
        batch.Status = ImportStatus.Committed;
        try
        {
            // A course published while the people were staged did not reach them (they were inactive).
            await FinishAsync(batch.Id, coursesMayHaveChanged: learningChanges.CoursesStamp != coursesBefore, CancellationToken.None);
            batch.Status = ImportStatus.Completed;
        }
        catch (Exception e)
        {
            logger.LogError(e, "People import {Batch} is in but could not switch everyone on; the next start finishes it", batch.Id);
        }
        return null;
    }

    /// <summary>At start-up: removes what an interrupted import staged, and finishes an import that was switched in.</summary>
    public async Task RepairAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var interrupted = await db.ImportBatches.AsNoTracking().Where(b => b.Status == ImportStatus.Staging || b.Status == ImportStatus.Committed)
            .OrderBy(b => b.Id).Select(b => new { b.Id, b.Status }).ToListAsync(cancellationToken);
        foreach (var batch in interrupted)
        {
            try
            {
                if (batch.Status == ImportStatus.Staging)
                {
                    logger.LogWarning("People import {Batch} was interrupted before it was in: removing what it had written", batch.Id);
                    await RollBackAsync(batch.Id, cancellationToken);
                }
                else
                {
                    logger.LogWarning("People import {Batch} was interrupted after it was in: switching the rest of its people on", batch.Id);
                    await FinishAsync(batch.Id, coursesMayHaveChanged: true, cancellationToken);
                }
            }
            catch (Exception e) when (e is DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
            {
                // The app starts all the same; the batch's people stay hidden and the next start tries again.
                logger.LogError(e, "People import {Batch} could not be repaired", batch.Id);
            }
        }
    }

    /// <summary>Records the batch as staging, with its new sites and teams (inactive), unless another import is under way.</summary>
    private async Task<bool> OpenAsync(ImportBatch batch, ImportPlan plan, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.ImportBatches.AnyAsync(b => b.Status == ImportStatus.Staging || b.Status == ImportStatus.Committed, cancellationToken))
            return false;
        batch.Status = ImportStatus.Staging;
        db.ImportBatches.Add(batch);
        db.Sites.AddRange(plan.NewSites);
        db.Teams.AddRange(plan.NewTeams);
        await db.SaveChangesAsync(cancellationToken);
        batch.NewSiteIds = [.. plan.NewSites.Select(s => s.Id)];
        batch.NewTeamIds = [.. plan.NewTeams.Select(t => t.Id)];
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task StageAsync(int batchId, ImportPlan plan, CancellationToken cancellationToken)
    {
        CourseAudiences audiences;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            audiences = await courses.AudiencesAsync(db, cancellationToken: cancellationToken);
        var next = 0;
        while (next < plan.NewPeople.Count)
        {
            var written = new List<string>();
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await using var people = await BulkInsert<Person>.PrepareAsync(db, cancellationToken);
                await using var roles = await BulkInsert<IdentityUserRole<string>>.PrepareAsync(db, cancellationToken);
                await using var assignments = await BulkInsert<CourseAssignment>.PrepareAsync(db, cancellationToken);
                // A transaction ends at BatchSize people or once it has held the lock for TransactionMilliseconds,
                // whichever comes first: on a busy machine each row takes longer, and others must not wait longer.
                var started = Stopwatch.GetTimestamp();
                do
                {
                    var planned = plan.NewPeople[next++];
                    var person = NewPerson(planned, batchId, plan);
                    await people.InsertAsync(person, cancellationToken);
                    foreach (var roleId in planned.RoleIds)
                        await roles.InsertAsync(new IdentityUserRole<string> { UserId = person.Id, RoleId = roleId }, cancellationToken);
                    foreach (var assignment in audiences.For(person.Id, planned.Profile, planned.Site?.TimeZoneId))
                        await assignments.InsertAsync(assignment, cancellationToken);
                    written.Add(person.Id);
                }
                while (next < plan.NewPeople.Count && written.Count < BatchSize && Stopwatch.GetElapsedTime(started) < TransactionTime);
                await transaction.CommitAsync(cancellationToken);
            }
            learningChanges.PeopleChanged(written);
            await pendingWrites.GiveWayAsync(LongestGiveWay, cancellationToken);
        }
        foreach (var chunk in plan.Changes.Chunk(BatchSize))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.ImportStagedChanges.AddRange(chunk.Select(change => new ImportStagedChange
            {
                BatchId = batchId,
                PersonId = change.PersonId,
                FullName = change.Row.FullName,
                PhoneNumber = change.Row.Phone,
                Email = change.Row.Email,
                NormalizedEmail = change.NormalizedEmail,
                HireDate = change.Row.HireDate,
                SiteId = change.Site?.Id,
                TeamId = change.Team?.Id,
                PositionId = change.PositionId,
                AddedRoleIds = [.. change.AddedRoleIds],
            }));
            await db.SaveChangesAsync(cancellationToken);
            await pendingWrites.GiveWayAsync(LongestGiveWay, cancellationToken);
        }
    }

    private static Person NewPerson(PlannedPerson planned, int batchId, ImportPlan plan) => new()
    {
        FullName = planned.Row.FullName,
        UserName = planned.Row.EmployeeNumber,
        NormalizedUserName = planned.NormalizedUserName,
        PhoneNumber = planned.Row.Phone,
        Email = planned.Row.Email,
        NormalizedEmail = planned.NormalizedEmail,
        HireDate = planned.Row.HireDate,
        SiteId = planned.Site?.Id,
        TeamId = planned.Team?.Id,
        PositionId = planned.PositionId,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        LockoutEnabled = true,
        PasswordHash = plan.InitialPasswordHash,
        MustChangePassword = true,
        CreatedAtUtc = plan.NowUtc,
        IsActive = false,
        StagedImportId = batchId,
    };

    /// <summary>The one short transaction that makes the import stand: new sites and teams on, changes applied, the batch committed.</summary>
    private async Task SwitchAsync(ImportBatch batch, ImportPlan plan, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var status = await db.ImportBatches.Where(b => b.Id == batch.Id).Select(b => b.Status).SingleAsync(cancellationToken);
        if (status != ImportStatus.Staging) throw new InvalidOperationException($"Import {batch.Id} is {status}, not staging.");
        if (batch.NewSiteIds.Count > 0)
            await db.Sites.Where(s => batch.NewSiteIds.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(site => site.IsActive, true), cancellationToken);
        if (batch.NewTeamIds.Count > 0)
            await db.Teams.Where(t => batch.NewTeamIds.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(team => team.IsActive, true), cancellationToken);
        if (plan.Changes.Count > 0) await StagedChangesSql.ApplyAsync(db, batch.Id, cancellationToken);
        await db.ImportBatches.Where(b => b.Id == batch.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, ImportStatus.Committed), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Written past the change tracker, so counted here, once committed.
        learningChanges.PeopleChanged(plan.Changes.Select(c => c.PersonId));
        if (batch.NewSiteIds.Count > 0) learningChanges.EveryoneChanged();
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
            await db.Users.Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
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
                if (teams + sites > 0) learningChanges.EveryoneChanged();
            }
            catch (Microsoft.Data.Sqlite.SqliteException e)
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
