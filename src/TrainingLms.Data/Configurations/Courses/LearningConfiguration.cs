using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.Courses;

namespace TrainingLms.Data.Configurations.Courses;

public class CourseAssignmentConfiguration : IEntityTypeConfiguration<CourseAssignment>
{
    public void Configure(EntityTypeBuilder<CourseAssignment> assignment)
    {
        assignment.HasIndex(a => new { a.PersonId, a.CourseId }).IsUnique();
        assignment.HasIndex(a => new { a.CourseId, a.DueOn });
        // The overdue list, oldest first: walked in due-date order, it stops at the page instead of sorting them all.
        assignment.HasIndex(a => a.DueOn);
        assignment.HasOne(a => a.Course).WithMany().HasForeignKey(a => a.CourseId).OnDelete(DeleteBehavior.Cascade);
        assignment.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class LessonCompletionConfiguration : IEntityTypeConfiguration<LessonCompletion>
{
    public void Configure(EntityTypeBuilder<LessonCompletion> completion)
    {
        completion.Property(c => c.LessonKey).HasMaxLength(80);
        completion.HasIndex(c => new { c.PersonId, c.CourseId, c.LessonKey, c.CourseVersion }).IsUnique();
        completion.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Cascade);
        completion.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class CourseCompletionConfiguration : IEntityTypeConfiguration<CourseCompletion>
{
    public void Configure(EntityTypeBuilder<CourseCompletion> completion)
    {
        completion.HasIndex(c => new { c.PersonId, c.CourseId, c.CourseVersion }).IsUnique();
        completion.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Cascade);
        completion.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class QuizAttemptConfiguration : IEntityTypeConfiguration<QuizAttempt>
{
    public void Configure(EntityTypeBuilder<QuizAttempt> attempt)
    {
        attempt.Property(a => a.LessonKey).HasMaxLength(80);
        attempt.HasIndex(a => new { a.PersonId, a.CourseId, a.LessonKey });
        // One open attempt per learner and check: a second tap on "start" gets the same questions, not a new draw.
        attempt.HasIndex(a => new { a.PersonId, a.CourseId, a.LessonKey, a.CourseVersion })
            .HasDatabaseName("IX_QuizAttempts_Open").IsUnique().HasFilter("\"FinishedAtUtc\" IS NULL");
        attempt.HasIndex(a => new { a.CourseId, a.LessonKey, a.CourseVersion });
        attempt.Property(a => a.Answers).HasJsonConversion();
        attempt.Property(a => a.Shown).HasJsonConversion();
        attempt.HasOne<Course>().WithMany().HasForeignKey(a => a.CourseId).OnDelete(DeleteBehavior.Cascade);
        attempt.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        attempt.HasOne<LessonRevision>().WithMany().HasForeignKey(a => a.LessonRevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class QuizAttemptGrantConfiguration : IEntityTypeConfiguration<QuizAttemptGrant>
{
    public void Configure(EntityTypeBuilder<QuizAttemptGrant> grant)
    {
        grant.Property(g => g.LessonKey).HasMaxLength(80);
        grant.Property(g => g.Reason).HasMaxLength(QuizAttemptGrant.MaxReasonLength);
        grant.HasIndex(g => new { g.PersonId, g.CourseId, g.LessonKey, g.CourseVersion });
        grant.HasOne<Course>().WithMany().HasForeignKey(g => g.CourseId).OnDelete(DeleteBehavior.Cascade);
        grant.HasOne<Person>().WithMany().HasForeignKey(g => g.PersonId).OnDelete(DeleteBehavior.Cascade);
        grant.HasOne<Person>().WithMany().HasForeignKey(g => g.GrantedById).OnDelete(DeleteBehavior.Restrict);
    }
}
