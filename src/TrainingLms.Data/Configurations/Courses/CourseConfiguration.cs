using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Domain.Courses;

namespace TrainingLms.Data.Configurations.Courses;

public class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> course)
    {
        course.Property(c => c.Slug).HasMaxLength(80);
        course.HasIndex(c => c.Slug).IsUnique();
        course.Property(c => c.SourceHash).HasMaxLength(64);
        course.Property(c => c.SourceFolder).HasMaxLength(200);
        course.HasOne(c => c.CurrentRevision).WithMany().HasForeignKey(c => c.CurrentRevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class CourseRevisionConfiguration : IEntityTypeConfiguration<CourseRevision>
{
    public void Configure(EntityTypeBuilder<CourseRevision> revision)
    {
        revision.HasOne<Course>().WithMany().HasForeignKey(r => r.CourseId).OnDelete(DeleteBehavior.Cascade);
        revision.HasIndex(r => new { r.CourseId, r.Number }).IsUnique();
        revision.Property(r => r.ContentHash).HasMaxLength(64);
        revision.ComplexProperty(r => r.Title);
        revision.ComplexProperty(r => r.Summary);
        revision.ComplexProperty(r => r.Introduction);
        revision.Property(r => r.Audience).HasJsonConversion();
        revision.HasMany(r => r.Lessons).WithOne().HasForeignKey(l => l.CourseRevisionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class LessonRevisionConfiguration : IEntityTypeConfiguration<LessonRevision>
{
    public void Configure(EntityTypeBuilder<LessonRevision> lesson)
    {
        lesson.Property(l => l.Key).HasMaxLength(80);
        lesson.HasIndex(l => new { l.CourseRevisionId, l.Key }).IsUnique();
        lesson.ComplexProperty(l => l.Title);
        lesson.Property(l => l.Quiz).HasJsonConversion();
        lesson.Property(l => l.RequiredClips).HasJsonConversion();
        lesson.Property(l => l.ContentHash).HasMaxLength(64);
    }
}
