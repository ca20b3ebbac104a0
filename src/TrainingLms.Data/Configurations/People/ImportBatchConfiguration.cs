using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.People.Import;

namespace TrainingLms.Data.Configurations.People;

public class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> batch)
    {
        batch.Property(b => b.FileName).HasMaxLength(260);
        batch.Property(b => b.Encoding).HasMaxLength(20);
        batch.Ignore(b => b.Succeeded);
        batch.HasIndex(b => b.ImportedAtUtc);
        batch.HasIndex(b => b.Status);
        batch.HasOne<Person>().WithMany().HasForeignKey(b => b.ImportedById).OnDelete(DeleteBehavior.SetNull);
    }
}
