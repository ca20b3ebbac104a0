using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.People;

namespace TrainingLms.Data.Configurations.People;

public class SignInUnlockConfiguration : IEntityTypeConfiguration<SignInUnlock>
{
    public void Configure(EntityTypeBuilder<SignInUnlock> unlock)
    {
        unlock.HasIndex(u => new { u.PersonId, u.UnlockedAtUtc });
        unlock.HasOne<Person>().WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.Cascade);
        unlock.HasOne<Person>().WithMany().HasForeignKey(u => u.UnlockedById).OnDelete(DeleteBehavior.SetNull);
    }
}
