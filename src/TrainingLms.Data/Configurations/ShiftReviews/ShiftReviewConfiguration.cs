using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Data.Configurations.Courses;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.ShiftReviews;

namespace TrainingLms.Data.Configurations.ShiftReviews;

public class ShiftReviewConfiguration : IEntityTypeConfiguration<ShiftReview>
{
    public void Configure(EntityTypeBuilder<ShiftReview> review)
    {
        // One review per team and shift: the database, not the form, makes a double tap or a second device harmless.
        // The same index serves the oversight grid and the trends (a team's days in a range).
        review.HasIndex(r => new { r.TeamId, r.ShiftDate, r.ShiftKey }).IsUnique();
        review.HasIndex(r => r.SubmissionKey).IsUnique();
        // All teams' reviews of one or two days: yesterday's missing reviews across the company.
        review.HasIndex(r => r.ShiftDate);
        review.Property(r => r.ShiftKey).HasMaxLength(TeamShift.MaxKeyLength);
        review.Property(r => r.WentWell).HasMaxLength(ShiftReview.MaxTextLength);
        review.Property(r => r.FellShort).HasMaxLength(ShiftReview.MaxTextLength);
        review.Property(r => r.FollowUps).HasMaxLength(ShiftReview.MaxTextLength);
        review.Property(r => r.AbsentPersonIds).HasJsonConversion();
        review.Ignore(r => r.Content);
        review.HasOne<Team>().WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Restrict);
        review.HasOne<Person>().WithMany().HasForeignKey(r => r.FiledById).OnDelete(DeleteBehavior.Restrict);
        review.HasMany(r => r.Notes).WithOne().HasForeignKey(n => n.ReviewId).OnDelete(DeleteBehavior.Cascade);
        review.HasMany(r => r.Amendments).WithOne().HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ShiftReviewNoteConfiguration : IEntityTypeConfiguration<ShiftReviewNote>
{
    public void Configure(EntityTypeBuilder<ShiftReviewNote> note)
    {
        note.Property(n => n.Text).HasMaxLength(ShiftReviewNote.MaxTextLength);
        // A person's notes by day: the home page's open notes and the monthly summary.
        note.HasIndex(n => new { n.PersonId, n.ShiftDate });
        note.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ShiftReviewAmendmentConfiguration : IEntityTypeConfiguration<ShiftReviewAmendment>
{
    public void Configure(EntityTypeBuilder<ShiftReviewAmendment> amendment)
    {
        amendment.Property(a => a.Reason).HasMaxLength(ShiftReviewAmendment.MaxReasonLength);
        amendment.Property(a => a.Before).HasJsonConversion();
        amendment.HasOne<Person>().WithMany().HasForeignKey(a => a.AmendedById).OnDelete(DeleteBehavior.Restrict);
    }
}
