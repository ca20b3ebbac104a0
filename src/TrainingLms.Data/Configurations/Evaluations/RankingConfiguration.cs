using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Data.Configurations.Courses;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.Evaluations;

namespace TrainingLms.Data.Configurations.Evaluations;

public class RankingPublicationConfiguration : IEntityTypeConfiguration<RankingPublication>
{
    public void Configure(EntityTypeBuilder<RankingPublication> publication)
    {
        publication.HasOne<EvaluationPeriod>().WithMany().HasForeignKey(p => p.PeriodId).OnDelete(DeleteBehavior.Restrict);
        publication.HasIndex(p => new { p.PeriodId, p.Subject, p.Revision }).IsUnique();
        publication.Property(p => p.Entries).HasJsonConversion();
        publication.Property(p => p.PublishedByName).HasMaxLength(200);
        publication.Property(p => p.AmendmentNote).HasMaxLength(1000);
        publication.HasOne<Person>().WithMany().HasForeignKey(p => p.PublishedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public class RankingAppealConfiguration : IEntityTypeConfiguration<RankingAppeal>
{
    public void Configure(EntityTypeBuilder<RankingAppeal> appeal)
    {
        appeal.HasOne<RankingPublication>().WithMany().HasForeignKey(a => a.PublicationId).OnDelete(DeleteBehavior.Restrict);
        appeal.HasOne<EvaluationTarget>().WithMany().HasForeignKey(a => a.TargetId).OnDelete(DeleteBehavior.Restrict);
        appeal.HasOne<Person>().WithMany().HasForeignKey(a => a.AppellantId).OnDelete(DeleteBehavior.Restrict);
        appeal.Property(a => a.AppellantName).HasMaxLength(200);
        appeal.Property(a => a.Reason).HasMaxLength(2000);
        appeal.Property(a => a.DecidedById).HasMaxLength(450);
        appeal.Property(a => a.DecidedByName).HasMaxLength(200);
        appeal.Property(a => a.Decision).HasMaxLength(2000);
        appeal.HasIndex(a => new { a.TargetId, a.Status });
    }
}
