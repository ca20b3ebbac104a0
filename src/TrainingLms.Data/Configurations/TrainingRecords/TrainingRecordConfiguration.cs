using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.TrainingRecords;

namespace TrainingLms.Data.Configurations.TrainingRecords;

public class TrainingRecordConfiguration : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> record)
    {
        // One record per submission: the database, not the form, makes a double tap or a retry harmless.
        record.HasIndex(r => r.SubmissionKey).IsUnique();
        // A team's records by day (the list, filtered by team and month) and the records waiting for a countersignature.
        record.HasIndex(r => new { r.TeamId, r.TrainedOn });
        record.HasIndex(r => new { r.Status, r.TrainedOn });
        record.Property(r => r.ShiftKey).HasMaxLength(TeamShift.MaxKeyLength);
        record.Property(r => r.Topic).HasMaxLength(TrainingRecord.MaxTopicLength);
        record.Property(r => r.LessonKey).HasMaxLength(TrainingRecord.MaxLessonKeyLength);
        record.HasOne<Team>().WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Restrict);
        record.HasOne<Person>().WithMany().HasForeignKey(r => r.RecordedById).OnDelete(DeleteBehavior.Restrict);
        record.HasOne<Course>().WithMany().HasForeignKey(r => r.CourseId).OnDelete(DeleteBehavior.Restrict);
        record.HasOne<Clip>().WithMany().HasForeignKey(r => r.ClipId).OnDelete(DeleteBehavior.SetNull);
        record.HasMany(r => r.Attendees).WithOne().HasForeignKey(a => a.RecordId).OnDelete(DeleteBehavior.Cascade);
        record.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.RecordId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class TrainingAttendeeConfiguration : IEntityTypeConfiguration<TrainingAttendee>
{
    public void Configure(EntityTypeBuilder<TrainingAttendee> attendee)
    {
        attendee.HasKey(a => new { a.RecordId, a.PersonId });
        // A person's trainings by day: their page and their learning page.
        attendee.HasIndex(a => new { a.PersonId, a.TrainedOn });
        attendee.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class TrainingRecordStepConfiguration : IEntityTypeConfiguration<TrainingRecordStep>
{
    public void Configure(EntityTypeBuilder<TrainingRecordStep> step)
    {
        step.Property(s => s.Comment).HasMaxLength(TrainingRecord.MaxCommentLength);
        step.HasOne<Person>().WithMany().HasForeignKey(s => s.ById).OnDelete(DeleteBehavior.Restrict);
    }
}
