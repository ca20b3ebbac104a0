using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.People.Import;

namespace TrainingLms.Data.Configurations.People;

public class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.Ignore(p => p.EmployeeNumber);
        person.Property(p => p.FullName).HasMaxLength(50);
        person.Property(p => p.PreferredCulture).HasMaxLength(10);
        person.Property(p => p.PhoneNumber).HasMaxLength(20);
        // Phone numbers are sign-in names, so they must be unique; SQLite allows many NULLs in a unique index.
        person.HasIndex(p => p.PhoneNumber).IsUnique();
        person.HasIndex(p => p.NormalizedEmail).IsUnique();
        person.HasIndex(p => p.FullName);
        // The trainers' new hires (hired in the last 30 days) are a few dozen of thousands.
        person.HasIndex(p => p.HireDate);
        // Almost everyone has none: the index holds only the people of an import under way.
        person.HasIndex(p => p.StagedImportId).HasFilter("\"StagedImportId\" IS NOT NULL");
        person.HasOne<ImportBatch>().WithMany().HasForeignKey(p => p.StagedImportId).OnDelete(DeleteBehavior.Restrict);
        person.HasOne(p => p.Site).WithMany().HasForeignKey(p => p.SiteId).OnDelete(DeleteBehavior.Restrict);
        person.HasOne(p => p.Team).WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.Restrict);
        person.HasOne(p => p.Position).WithMany().HasForeignKey(p => p.PositionId).OnDelete(DeleteBehavior.Restrict);
        person.HasOne(p => p.ContractorCompany).WithMany().HasForeignKey(p => p.ContractorCompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}
