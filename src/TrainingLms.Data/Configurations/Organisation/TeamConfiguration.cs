using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Data.Configurations.Courses;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Data.Configurations.Organisation;

public class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> team)
    {
        team.Property(t => t.Name).HasMaxLength(100).UseCollation("NOCASE");
        team.HasIndex(t => new { t.SiteId, t.Name }).IsUnique();
        team.HasOne(t => t.Site).WithMany(s => s.Teams).HasForeignKey(t => t.SiteId).OnDelete(DeleteBehavior.Restrict);
        team.HasOne<Person>().WithMany().HasForeignKey(t => t.ClassLeaderId).OnDelete(DeleteBehavior.SetNull);
        team.Property(t => t.Shifts).HasJsonConversion();
    }
}
