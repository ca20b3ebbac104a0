using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrainingLms.Data.Configurations.Hosting;

public class RateLimitWindowConfiguration : IEntityTypeConfiguration<RateLimitWindow>
{
    public void Configure(EntityTypeBuilder<RateLimitWindow> window)
    {
        window.HasKey(w => w.Key);
        window.Property(w => w.Key).HasMaxLength(RateLimitWindow.MaxKeyLength);
        // Counters of clients gone quiet are pruned by age.
        window.HasIndex(w => w.WindowStartTicks);
    }
}
