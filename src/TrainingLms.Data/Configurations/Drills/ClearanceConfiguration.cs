using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Data.Configurations.Courses;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.Drills;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Data.Configurations.Drills;

public class ClearanceRequirementConfiguration : IEntityTypeConfiguration<ClearanceRequirement>
{
    public void Configure(EntityTypeBuilder<ClearanceRequirement> requirement)
    {
        requirement.Property(r => r.Slug).HasMaxLength(80);
        requirement.HasIndex(r => new { r.PositionId, r.Kind, r.Slug }).IsUnique();
        requirement.HasOne<Position>().WithMany().HasForeignKey(r => r.PositionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> certificate)
    {
        certificate.Property(c => c.Code).HasMaxLength(19);
        certificate.HasIndex(c => c.Code).IsUnique();
        certificate.HasIndex(c => new { c.PersonId, c.BasisKey }).IsUnique();
        certificate.Property(c => c.FullName).HasMaxLength(100);
        certificate.Property(c => c.EmployeeNumber).HasMaxLength(256);
        certificate.Property(c => c.TimeZoneId).HasMaxLength(64);
        certificate.Property(c => c.BasisKey).HasMaxLength(400);
        certificate.Property(c => c.ContentHash).HasMaxLength(64);
        certificate.Property(c => c.RevokedReason).HasMaxLength(DrillAnnulment.MaxReasonLength);
        certificate.Property(c => c.Items).HasJsonConversion();
        certificate.Ignore(c => c.BasisAttemptIds);
        certificate.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
