using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrainingLms.Data.Configurations.Caching;

public class CacheChangeConfiguration : IEntityTypeConfiguration<CacheChange>
{
    /// <summary>The longest key: a person's id (a GUID) or a clip's number.</summary>
    public const int KeyLength = 64;

    public void Configure(EntityTypeBuilder<CacheChange> change)
    {
        change.Property(c => c.Key).HasMaxLength(KeyLength);
        // For trimming. On PostgreSQL the table also has "TxId", the writing transaction's id, which the model does not
        // map: the migration adds it with its default and index, and only CacheChangeLog's SQL reads it.
        change.HasIndex(c => c.CreatedAtUtc);
    }
}
