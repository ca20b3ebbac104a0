using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Data.Configurations.Evaluations;

public class BenchmarkRatingConfiguration : IEntityTypeConfiguration<BenchmarkRating>
{
    public void Configure(EntityTypeBuilder<BenchmarkRating> rating)
    {
        rating.Property(r => r.Comment).HasMaxLength(300);
        rating.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        rating.HasOne<Person>().WithMany().HasForeignKey(r => r.RaterId).OnDelete(DeleteBehavior.Restrict);
        rating.HasOne<Position>().WithMany().HasForeignKey(r => r.PositionId).OnDelete(DeleteBehavior.Restrict);
        rating.HasOne<Site>().WithMany().HasForeignKey(r => r.SiteId).OnDelete(DeleteBehavior.Restrict);
        rating.HasOne<FeedbackCode>().WithMany().HasForeignKey(r => r.FeedbackCodeId).OnDelete(DeleteBehavior.Restrict);
        rating.HasIndex(r => new { r.SiteId, r.Year, r.Quarter });
        rating.HasIndex(r => new { r.PersonId, r.Year, r.Quarter });
        // A colleague's (or one's own) rating is one per quarter, even when the same form is sent twice at once.
        rating.HasIndex(r => new { r.RaterId, r.PersonId, r.Year, r.Quarter }).IsUnique().HasFilter("\"RaterId\" IS NOT NULL");
    }
}

public class FeedbackCodeConfiguration : IEntityTypeConfiguration<FeedbackCode>
{
    public void Configure(EntityTypeBuilder<FeedbackCode> code)
    {
        code.Property(c => c.Code).HasMaxLength(32);
        code.HasIndex(c => c.Code).IsUnique();
        code.Property(c => c.Label).HasMaxLength(200);
        code.HasOne<Site>().WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Restrict);
        code.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        code.HasOne<Position>().WithMany().HasForeignKey(c => c.PositionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class SmileStoryConfiguration : IEntityTypeConfiguration<SmileStory>
{
    public void Configure(EntityTypeBuilder<SmileStory> story)
    {
        story.Property(s => s.Title).HasMaxLength(200);
        story.Property(s => s.Body).HasMaxLength(8000);
        story.HasOne<Site>().WithMany().HasForeignKey(s => s.SiteId).OnDelete(DeleteBehavior.Restrict);
        story.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        story.HasOne<Person>().WithMany().HasForeignKey(s => s.AuthorId).OnDelete(DeleteBehavior.Restrict);
        story.HasOne<Clip>().WithMany().HasForeignKey(s => s.ClipId).OnDelete(DeleteBehavior.Restrict);
        story.HasIndex(s => new { s.SiteId, s.PublishedAtUtc });
        story.HasIndex(s => s.SubmissionKey).IsUnique();
    }
}

public class ServiceStarNominationConfiguration : IEntityTypeConfiguration<ServiceStarNomination>
{
    public void Configure(EntityTypeBuilder<ServiceStarNomination> nomination)
    {
        nomination.Property(n => n.Reason).HasMaxLength(1000);
        nomination.HasOne<Site>().WithMany().HasForeignKey(n => n.SiteId).OnDelete(DeleteBehavior.Restrict);
        nomination.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Restrict);
        nomination.HasOne<Person>().WithMany().HasForeignKey(n => n.NominatedById).OnDelete(DeleteBehavior.Restrict);
        // A person is nominated once per site and quarter.
        nomination.HasIndex(n => new { n.SiteId, n.Year, n.Quarter, n.PersonId }).IsUnique();
    }
}

public class ServiceStarDecisionConfiguration : IEntityTypeConfiguration<ServiceStarDecision>
{
    public void Configure(EntityTypeBuilder<ServiceStarDecision> decision)
    {
        decision.Property(d => d.Reason).HasMaxLength(1000);
        decision.HasOne<Site>().WithMany().HasForeignKey(d => d.SiteId).OnDelete(DeleteBehavior.Restrict);
        decision.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Restrict);
        decision.HasOne<Person>().WithMany().HasForeignKey(d => d.DecidedById).OnDelete(DeleteBehavior.Restrict);
        decision.HasIndex(d => new { d.SiteId, d.Year, d.Quarter }).IsUnique();
    }
}
