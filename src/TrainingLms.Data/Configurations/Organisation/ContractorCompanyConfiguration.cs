using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Data.Configurations.Organisation;

public class ContractorCompanyConfiguration : IEntityTypeConfiguration<ContractorCompany>
{
    public void Configure(EntityTypeBuilder<ContractorCompany> contractor)
    {
        contractor.Property(c => c.Name).HasMaxLength(ContractorCompany.MaxNameLength).UseCollation("NOCASE");
        contractor.HasIndex(c => c.Name).IsUnique();
    }
}
