using TrainingLms.Domain.Courses;
using TrainingLms.Web.Features.Content;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.Web.Features.Courses;

/// <summary>Stores a new revision of a course and makes it the one learners see.</summary>
public static class CourseRevisions
{
    public static async Task PublishAsync(LmsDbContext db, Course course, CourseRevision revision, string contentHash, DateTime now, CancellationToken cancellationToken = default)
    {
        // Course and revision point at each other, so they are saved in three steps inside one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // Two instances syncing the same new folder at once number their revisions in turn.
        await WriteLock.EnterAsync(db, $"course-revisions:{course.Id}", cancellationToken);
        var lastNumber = await db.CourseRevisions.Where(r => r.CourseId == course.Id).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0;
        revision.CourseId = course.Id;
        revision.Number = lastNumber + 1;
        revision.ContentHash = contentHash;
        revision.CreatedAtUtc = now;
        db.CourseRevisions.Add(revision);
        await db.SaveChangesAsync(cancellationToken);
        course.CurrentRevisionId = revision.Id;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
