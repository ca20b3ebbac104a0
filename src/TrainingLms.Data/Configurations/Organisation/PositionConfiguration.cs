using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Data.Configurations.Organisation;

public class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> position)
    {
        position.Property(p => p.Name).HasMaxLength(100).UseCollation("NOCASE");
        position.HasIndex(p => p.Name).IsUnique();
    }
}
