using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.Drills;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Data.Configurations.Drills;

public class DrillSessionConfiguration : IEntityTypeConfiguration<DrillSession>
{
    public void Configure(EntityTypeBuilder<DrillSession> session)
    {
        session.HasIndex(s => s.SubmissionKey).IsUnique();
        // Sessions by day: the trainer's list and the home page's upcoming drills.
        session.HasIndex(s => s.HeldOn);
        session.Property(s => s.Note).HasMaxLength(DrillSession.MaxNoteLength);
        session.HasOne<Drill>().WithMany().HasForeignKey(s => s.DrillId).OnDelete(DeleteBehavior.Restrict);
        session.HasOne<Site>().WithMany().HasForeignKey(s => s.SiteId).OnDelete(DeleteBehavior.Restrict);
        session.HasOne<Person>().WithMany().HasForeignKey(s => s.CreatedById).OnDelete(DeleteBehavior.Restrict);
        session.HasMany(s => s.Attempts).WithOne(a => a.Session).HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class DrillAttemptConfiguration : IEntityTypeConfiguration<DrillAttempt>
{
    public void Configure(EntityTypeBuilder<DrillAttempt> attempt)
    {
        // One first attempt per candidate and session, and one correction per annulled attempt: a double tap adds nothing.
        attempt.HasIndex(a => new { a.SessionId, a.CandidateId }).IsUnique().HasFilter("\"CorrectsAttemptId\" IS NULL");
        attempt.HasIndex(a => a.CorrectsAttemptId).IsUnique();
        // A session's attempts, corrections and all: the unique index above leaves corrections out, so the database
        // could not use it to find them and read every attempt for each session a page counts.
        attempt.HasIndex(a => a.SessionId);
        // A person's results: clearance, their home page, their history.
        attempt.HasIndex(a => new { a.CandidateId, a.SignedAtUtc });
        attempt.Property(a => a.Comment).HasMaxLength(DrillAttempt.MaxCommentLength);
        attempt.Property(a => a.ContentHash).HasMaxLength(64);
        attempt.Ignore(a => a.IsSigned);
        attempt.HasOne(a => a.DrillRevision).WithMany().HasForeignKey(a => a.DrillRevisionId).OnDelete(DeleteBehavior.Restrict);
        attempt.HasOne<DrillAttempt>().WithMany().HasForeignKey(a => a.CorrectsAttemptId).OnDelete(DeleteBehavior.Restrict);
        attempt.HasOne<Person>().WithMany().HasForeignKey(a => a.CandidateId).OnDelete(DeleteBehavior.Restrict);
        attempt.HasOne<Person>().WithMany().HasForeignKey(a => a.SignedById).OnDelete(DeleteBehavior.Restrict);
        attempt.HasMany(a => a.Scores).WithOne().HasForeignKey(s => s.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class DrillScoreConfiguration : IEntityTypeConfiguration<DrillScore>
{
    public void Configure(EntityTypeBuilder<DrillScore> score)
    {
        score.Property(s => s.CriterionKey).HasMaxLength(80);
        score.HasIndex(s => new { s.AttemptId, s.CriterionKey }).IsUnique();
        score.Property(s => s.Comment).HasMaxLength(DrillScore.MaxCommentLength);
        score.Property(s => s.EvidenceClipSlug).HasMaxLength(80);
    }
}

public class DrillAnnulmentConfiguration : IEntityTypeConfiguration<DrillAnnulment>
{
    public void Configure(EntityTypeBuilder<DrillAnnulment> annulment)
    {
        // One request per attempt, pending or final.
        annulment.HasIndex(a => a.AttemptId).IsUnique();
        annulment.Property(a => a.Reason).HasMaxLength(DrillAnnulment.MaxReasonLength);
        annulment.HasOne<DrillAttempt>().WithMany().HasForeignKey(a => a.AttemptId).OnDelete(DeleteBehavior.Restrict);
        annulment.HasOne<Person>().WithMany().HasForeignKey(a => a.RequestedById).OnDelete(DeleteBehavior.Restrict);
        annulment.HasOne<Person>().WithMany().HasForeignKey(a => a.CountersignedById).OnDelete(DeleteBehavior.Restrict);
    }
}
