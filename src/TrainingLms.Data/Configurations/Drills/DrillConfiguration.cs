using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Data.Configurations.Courses;
using TrainingLms.Domain.Drills;

namespace TrainingLms.Data.Configurations.Drills;

public class DrillConfiguration : IEntityTypeConfiguration<Drill>
{
    public void Configure(EntityTypeBuilder<Drill> drill)
    {
        drill.Property(d => d.Slug).HasMaxLength(80);
        drill.HasIndex(d => d.Slug).IsUnique();
        drill.Property(d => d.SourceHash).HasMaxLength(64);
        drill.Property(d => d.SourceFile).HasMaxLength(200);
        // Results point at revisions, so a drill's revisions are never deleted with it.
        drill.HasMany(d => d.Revisions).WithOne().HasForeignKey(r => r.DrillId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class DrillRevisionConfiguration : IEntityTypeConfiguration<DrillRevision>
{
    public void Configure(EntityTypeBuilder<DrillRevision> revision)
    {
        revision.HasIndex(r => new { r.DrillId, r.Number }).IsUnique();
        revision.Property(r => r.ContentHash).HasMaxLength(64);
        revision.ComplexProperty(r => r.Title);
        revision.ComplexProperty(r => r.Summary);
        revision.ComplexProperty(r => r.Briefing);
        revision.Property(r => r.Criteria).HasJsonConversion();
    }
}
