using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Drills;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.ShiftReviews;

namespace TrainingLms.Web.Features.Courses.Caching;

/// <summary>
/// Counts in <see cref="LearningChanges"/> what a save through EF changed for the learning caches, once it is
/// committed: counting earlier would let a page read the old rows after the count and keep them. A save inside a
/// transaction is counted when the transaction commits. On PostgreSQL it adds the changes to the save as
/// <see cref="CacheChangeLog"/> rows instead, for every instance (those of clips too, for <c>ClipAccessCache</c>).
/// </summary>
public sealed class LearningChangeInterceptor(LearningChanges learningChanges, CacheChangeLog log) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Changes> beingSaved = new();
    private readonly ConditionalWeakTable<DbTransaction, Changes> awaitingCommit = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // A failed save is rolled back (its own transaction, or the caller's), so nothing needs forgetting.
    public void SaveChangesFailed(DbContextErrorEventData eventData) => Discard(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Discard(eventData.Context);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null) return;
        var changes = new Changes();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                case CourseAssignment or LessonCompletion or CourseCompletion:
                    changes.People.Add((string)entry.Property(nameof(CourseAssignment.PersonId)).CurrentValue!);
                    if (entry.State == EntityState.Modified) changes.People.Add((string)entry.Property(nameof(CourseAssignment.PersonId)).OriginalValue!);
                    break;
                case Person person:
                    changes.People.Add(person.Id);
                    break;
                case Site when entry.State != EntityState.Added:
                    changes.Everyone = true;
                    break;
                // The company's time zone is kept in memory (CompanyTimeZone); set up, the company is there at last.
                case Company:
                    changes.Everyone = true;
                    break;
                case Course:
                    changes.Courses = true;
                    // Deleting a course deletes its learners' rows in the database, where EF does not see them.
                    if (entry.State == EntityState.Deleted) changes.Everyone = true;
                    break;
                case Clip clip when entry.State != EntityState.Added:
                    changes.Clips.Add(clip.Id);
                    break;
                case ClipFeaturedPerson featured:
                    changes.Clips.Add(featured.ClipId);
                    break;
                // What the person's home page shows of their drills (PersonCache<MyDrills>): results, certificates,
                // and the roles that decide what they must pass.
                case DrillAttempt attempt:
                    changes.People.Add(attempt.CandidateId);
                    break;
                case Certificate certificate:
                    changes.People.Add(certificate.PersonId);
                    break;
                case IdentityUserRole<string> role:
                    changes.People.Add(role.UserId);
                    break;
                // The notes on the person's home page (StaffNotes).
                case ShiftReviewNote note:
                    changes.People.Add(note.PersonId);
                    break;
                // Rare, and the candidates are not on the entry: counted for everyone.
                case DrillSession when entry.State != EntityState.Added:
                case DrillAnnulment:
                case Drill or DrillRevision or ClearanceRequirement:
                    changes.Clearance = true;
                    break;
                // Deleting a position deletes its clearance rules in the database, where EF does not see them.
                case Position when entry.State == EntityState.Deleted:
                    changes.Clearance = true;
                    break;
            }
        }
        if (log.IsShared)
        {
            beingSaved.Remove(context);
            Write(context, changes);
            return;
        }
        if (changes.Any) beingSaved.AddOrUpdate(context, changes);
        else beingSaved.Remove(context);
    }

    private void Write(DbContext context, Changes changes)
    {
        log.Add(context, CacheChangeKind.Person, changes.People);
        if (changes.Everyone) log.Add(context, CacheChangeKind.Everyone, [""]);
        if (changes.Courses) log.Add(context, CacheChangeKind.Courses, [""]);
        if (changes.Clearance) log.Add(context, CacheChangeKind.Clearance, [""]);
        log.Add(context, CacheChangeKind.Clip, changes.Clips.Select(id => id.ToString(CultureInfo.InvariantCulture)));
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !beingSaved.TryGetValue(context, out var changes)) return;
        beingSaved.Remove(context);
        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
            awaitingCommit.GetValue(transaction, _ => new Changes()).Add(changes);
        else
            Count(changes);
    }

    private void Discard(DbContext? context)
    {
        if (context is not null) beingSaved.Remove(context);
    }

    private void Committed(DbTransaction transaction)
    {
        if (!awaitingCommit.TryGetValue(transaction, out var changes)) return;
        awaitingCommit.Remove(transaction);
        Count(changes);
    }

    private void Count(Changes changes)
    {
        if (changes.Everyone) learningChanges.EveryoneChanged();
        else learningChanges.PeopleChanged(changes.People);
        if (changes.Courses) learningChanges.CoursesChanged();
        if (changes.Clearance) learningChanges.ClearanceChanged();
    }

    private sealed class Changes
    {
        public HashSet<string> People { get; } = [];
        // Only written for other instances: this one forgets a clip where it changes it (ClipAccessCache.Forget).
        public HashSet<int> Clips { get; } = [];
        public bool Everyone { get; set; }
        public bool Courses { get; set; }
        public bool Clearance { get; set; }
        public bool Any => People.Count > 0 || Everyone || Courses || Clearance;

        public void Add(Changes other)
        {
            People.UnionWith(other.People);
            Everyone |= other.Everyone;
            Courses |= other.Courses;
            Clearance |= other.Clearance;
        }
    }
}
