using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Data.Configurations.Organisation;

public class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> company)
    {
        company.Property(c => c.Name).HasMaxLength(100);
        company.Property(c => c.DefaultTimeZoneId).HasMaxLength(64);
    }
}
