using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Domain.People;

namespace TrainingLms.Data.Configurations.People;

public class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> throttle)
    {
        throttle.HasKey(t => new { t.Address, t.Identifier });
        throttle.Property(t => t.Address).HasMaxLength(SignInThrottle.MaxAddressLength);
        throttle.Property(t => t.Identifier).HasMaxLength(SignInThrottle.MaxIdentifierLength);
        throttle.Property(t => t.Version).IsConcurrencyToken();
        throttle.Ignore(t => t.IsWholeAddress);
        // The administrator's view looks counters up by identifier across addresses; pruning by age.
        throttle.HasIndex(t => t.Identifier);
        throttle.HasIndex(t => t.CountedAtUtc);
    }
}
