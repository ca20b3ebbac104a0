using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.People.Import;
using TrainingLms.Web.Features.Courses;
using TrainingLms.Web.Features.Courses.Caching;

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
/// transactions again (<see cref="StagedImports"/>). Until the switch, a failure (or, after a crash, the next
/// start) removes everything staged; after it, the next start finishes what a crash left.
/// </summary>
public sealed class ImportWriter(
    IDbContextFactory<LmsDbContext> dbFactory,
    CourseAssigner courses,
    StagedImports staged,
    LearningChanges learningChanges,
    CacheChangeLog changeLog,
    PendingWrites pendingWrites,
    IOptions<ImportOptions> options,
    ILogger<ImportWriter> logger)
{
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
        await learningChanges.CatchUpAsync(cancellationToken);
        var coursesBefore = learningChanges.CoursesStamp;
        if (!await OpenAsync(batch, plan, cancellationToken)) return ImportFailure.AnotherImportUnderWay;
        try
        {
            await StageAsync(batch.Id, plan, cancellationToken);
            await SwitchAsync(batch, plan, cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogError(e, "People import {Batch} ({File}) failed while writing", batch.Id, batch.FileName);
            await SettleAsync(batch, coursesMayHaveChanged: true);
            if (e is OperationCanceledException) throw;
            return batch.Succeeded ? null : ImportFailure.WriteFailed;
        }
        // A course published while the people were staged did not reach them (they were inactive).
        await learningChanges.CatchUpAsync(cancellationToken);
        await SettleAsync(batch, coursesMayHaveChanged: learningChanges.CoursesStamp != coursesBefore);
        return null;
    }

    /// <summary>Finishes the batch (switched in) or removes what it staged (not switched in); left to the next start if that fails too.</summary>
    private async Task SettleAsync(ImportBatch batch, bool coursesMayHaveChanged)
    {
        try
        {
            batch.Status = await staged.SettleAsync(batch.Id, coursesMayHaveChanged, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "People import {Batch} could not be settled; the next start does it", batch.Id);
        }
    }

    /// <summary>Records the batch as staging, with its new sites, teams and contractor companies (inactive), unless another import is under way.</summary>
    private async Task<bool> OpenAsync(ImportBatch batch, ImportPlan plan, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await WriteLock.EnterAsync(db, StagedImports.ImportLock, cancellationToken);
        if (await db.ImportBatches.AnyAsync(b => b.Status == ImportStatus.Staging || b.Status == ImportStatus.Committed, cancellationToken))
            return false;
        batch.Status = ImportStatus.Staging;
        db.ImportBatches.Add(batch);
        db.Sites.AddRange(plan.NewSites);
        db.Teams.AddRange(plan.NewTeams);
        db.ContractorCompanies.AddRange(plan.NewContractors);
        await db.SaveChangesAsync(cancellationToken);
        batch.NewSiteIds = [.. plan.NewSites.Select(s => s.Id)];
        batch.NewTeamIds = [.. plan.NewTeams.Select(t => t.Id)];
        batch.NewContractorIds = [.. plan.NewContractors.Select(c => c.Id)];
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
                await people.FlushAsync(cancellationToken);
                await roles.FlushAsync(cancellationToken);
                await assignments.FlushAsync(cancellationToken);
                await changeLog.WriteAsync(db, CacheChangeKind.Person, written, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            learningChanges.PeopleChanged(written);
            await pendingWrites.GiveWayAsync(StagedImports.LongestGiveWay, cancellationToken);
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
                ContractorCompanyId = change.Contractor?.Id,
                BecomesOwnStaff = change.BecomesOwnStaff,
                AddedRoleIds = [.. change.AddedRoleIds],
            }));
            await db.SaveChangesAsync(cancellationToken);
            await pendingWrites.GiveWayAsync(StagedImports.LongestGiveWay, cancellationToken);
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
        ContractorCompanyId = planned.Contractor?.Id,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        LockoutEnabled = true,
        PasswordHash = plan.InitialPasswordHash,
        MustChangePassword = true,
        CreatedAtUtc = plan.NowUtc,
        IsActive = false,
        StagedImportId = batchId,
    };

    /// <summary>The one short transaction that makes the import stand: new sites, teams and contractor companies on, changes applied, the batch committed.</summary>
    private async Task SwitchAsync(ImportBatch batch, ImportPlan plan, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await WriteLock.EnterAsync(db, StagedImports.ImportLock, cancellationToken);
        var status = await db.ImportBatches.Where(b => b.Id == batch.Id).Select(b => b.Status).SingleAsync(cancellationToken);
        if (status != ImportStatus.Staging) throw new InvalidOperationException($"Import {batch.Id} is {status}, not staging.");
        if (batch.NewSiteIds.Count > 0)
            await db.Sites.Where(s => batch.NewSiteIds.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(site => site.IsActive, true), cancellationToken);
        if (batch.NewTeamIds.Count > 0)
            await db.Teams.Where(t => batch.NewTeamIds.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(team => team.IsActive, true), cancellationToken);
        if (batch.NewContractorIds.Count > 0)
            await db.ContractorCompanies.Where(c => batch.NewContractorIds.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsActive, true), cancellationToken);
        if (plan.Changes.Count > 0) await StagedChangesSql.ApplyAsync(db, batch.Id, cancellationToken);
        await db.ImportBatches.Where(b => b.Id == batch.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, ImportStatus.Committed), cancellationToken);
        await changeLog.WriteAsync(db, CacheChangeKind.Person, plan.Changes.Select(c => c.PersonId), cancellationToken);
        if (batch.NewSiteIds.Count > 0) await changeLog.WriteAsync(db, CacheChangeKind.Everyone, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Written past the change tracker, so counted here, once committed.
        learningChanges.PeopleChanged(plan.Changes.Select(c => c.PersonId));
        if (batch.NewSiteIds.Count > 0) learningChanges.EveryoneChanged();
    }
}
