using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Data.Configurations.Organisation;

public class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> site)
    {
        site.Property(s => s.Code).HasMaxLength(32).UseCollation("NOCASE");
        site.Property(s => s.Name).HasMaxLength(100).UseCollation("NOCASE");
        site.Property(s => s.Address).HasMaxLength(200);
        site.Property(s => s.TimeZoneId).HasMaxLength(64);
        site.HasIndex(s => s.Code).IsUnique();
        site.HasIndex(s => s.Name).IsUnique();
    }
}
