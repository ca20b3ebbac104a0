using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Domain.Drills;

namespace TrainingLms.Data.Configurations.Drills;

public class RecordChainLinkConfiguration : IEntityTypeConfiguration<RecordChainLink>
{
    public void Configure(EntityTypeBuilder<RecordChainLink> link)
    {
        link.HasKey(l => l.Sequence);
        link.Property(l => l.Sequence).ValueGeneratedNever();
        link.Property(l => l.RecordKey).HasMaxLength(40);
        link.Property(l => l.ContentHash).HasMaxLength(64);
        link.Property(l => l.PreviousMac).HasMaxLength(64);
        link.Property(l => l.Mac).HasMaxLength(64);
        // No unique index on (Kind, RecordKey): a record chained twice is a break the check reports, not a save to refuse.
        link.HasIndex(l => new { l.Kind, l.RecordKey });
    }
}
