using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.FollowUps;
using TrainingLms.Domain.FootageSessions;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Data.Configurations.FootageSessions;

public class FootageSessionConfiguration : IEntityTypeConfiguration<FootageSession>
{
    public void Configure(EntityTypeBuilder<FootageSession> session)
    {
        // One session per submission: the database, not the form, makes a double tap or a retry harmless.
        session.HasIndex(s => s.SubmissionKey).IsUnique();
        // A site's and a team's sessions by day: the list.
        session.HasIndex(s => new { s.SiteId, s.HeldOn });
        session.HasIndex(s => new { s.TeamId, s.HeldOn });
        session.HasOne<Site>().WithMany().HasForeignKey(s => s.SiteId).OnDelete(DeleteBehavior.Restrict);
        session.HasOne<Team>().WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Restrict);
        session.HasOne<Clip>().WithMany().HasForeignKey(s => s.ClipId).OnDelete(DeleteBehavior.Restrict);
        session.HasOne<Person>().WithMany().HasForeignKey(s => s.RecordedById).OnDelete(DeleteBehavior.Restrict);
        session.HasMany(s => s.Attendees).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        session.HasMany(s => s.Faults).WithOne().HasForeignKey(f => f.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class FootageAttendeeConfiguration : IEntityTypeConfiguration<FootageAttendee>
{
    public void Configure(EntityTypeBuilder<FootageAttendee> attendee)
    {
        attendee.HasKey(a => new { a.SessionId, a.PersonId });
        attendee.HasIndex(a => a.PersonId);
        attendee.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class FootageFaultConfiguration : IEntityTypeConfiguration<FootageFault>
{
    public void Configure(EntityTypeBuilder<FootageFault> fault)
    {
        // Every move (done, verify, reopen) is saved only from the state it was judged in: two devices cannot both move it.
        fault.Property(f => f.Status).IsConcurrencyToken();
        fault.Property(f => f.Description).HasMaxLength(FollowUp.MaxTextLength);
        fault.Property(f => f.Causes).HasMaxLength(FollowUp.MaxTextLength);
        fault.Property(f => f.Correction).HasMaxLength(FollowUp.MaxTextLength);
        fault.Property(f => f.WhatWasDone).HasMaxLength(FollowUp.MaxTextLength);
        fault.Property(f => f.ReopenReason).HasMaxLength(FollowUp.MaxTextLength);
        // An owner's open corrections (the home page) and a site's overdue ones (the manager's home page).
        fault.HasIndex(f => new { f.OwnerId, f.Status });
        fault.HasIndex(f => new { f.SiteId, f.Status, f.DueAtUtc });
        fault.HasIndex(f => new { f.TeamId, f.Status });
        fault.HasOne<Team>().WithMany().HasForeignKey(f => f.TeamId).OnDelete(DeleteBehavior.Restrict);
        fault.HasOne<Person>().WithMany().HasForeignKey(f => f.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
