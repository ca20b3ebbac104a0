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
        attempt.Property(a => a.Answers).HasJsonConversion();
        attempt.HasOne<Course>().WithMany().HasForeignKey(a => a.CourseId).OnDelete(DeleteBehavior.Cascade);
        attempt.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
