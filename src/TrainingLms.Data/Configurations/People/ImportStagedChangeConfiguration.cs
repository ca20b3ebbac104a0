using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.People.Import;

namespace TrainingLms.Data.Configurations.People;

public class ImportStagedChangeConfiguration : IEntityTypeConfiguration<ImportStagedChange>
{
    public void Configure(EntityTypeBuilder<ImportStagedChange> change)
    {
        change.Property(c => c.FullName).HasMaxLength(50);
        change.Property(c => c.PhoneNumber).HasMaxLength(20);
        change.HasIndex(c => c.BatchId);
        change.HasOne<ImportBatch>().WithMany().HasForeignKey(c => c.BatchId).OnDelete(DeleteBehavior.Cascade);
        change.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
