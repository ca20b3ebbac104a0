using TrainingLms.Domain.FollowUps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Data.Configurations.Courses;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.Inspections;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Data.Configurations.Inspections;

public class InspectionFormConfiguration : IEntityTypeConfiguration<InspectionForm>
{
    public void Configure(EntityTypeBuilder<InspectionForm> form)
    {
        form.Property(f => f.Slug).HasMaxLength(80);
        form.HasIndex(f => f.Slug).IsUnique();
        form.Property(f => f.SourceHash).HasMaxLength(64);
        form.Property(f => f.SourceFile).HasMaxLength(200);
        // Inspections point at revisions, so a form's revisions are never deleted with it.
        form.HasMany(f => f.Revisions).WithOne().HasForeignKey(r => r.FormId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class InspectionFormRevisionConfiguration : IEntityTypeConfiguration<InspectionFormRevision>
{
    public void Configure(EntityTypeBuilder<InspectionFormRevision> revision)
    {
        revision.HasIndex(r => new { r.FormId, r.Number }).IsUnique();
        revision.Property(r => r.ContentHash).HasMaxLength(64);
        revision.ComplexProperty(r => r.Title);
        revision.ComplexProperty(r => r.Summary);
        revision.Property(r => r.Items).HasJsonConversion();
    }
}

public class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> inspection)
    {
        // The database, not the form, makes a double tap or a retry after a lost answer harmless.
        inspection.HasIndex(i => i.SubmissionKey).IsUnique();
        inspection.HasIndex(i => new { i.SiteId, i.InspectedAtUtc });
        // The oversight: the inspections of the teams in the viewer's scope over a period.
        inspection.HasIndex(i => new { i.TeamId, i.InspectedAtUtc });
        inspection.Property(i => i.Results).HasJsonConversion();
        inspection.Property(i => i.Verdicts);
        inspection.HasOne<InspectionFormRevision>().WithMany().HasForeignKey(i => i.FormRevisionId).OnDelete(DeleteBehavior.Restrict);
        inspection.HasOne<Site>().WithMany().HasForeignKey(i => i.SiteId).OnDelete(DeleteBehavior.Restrict);
        inspection.HasOne<Team>().WithMany().HasForeignKey(i => i.TeamId).OnDelete(DeleteBehavior.Restrict);
        inspection.HasOne<Person>().WithMany().HasForeignKey(i => i.InspectorId).OnDelete(DeleteBehavior.Restrict);
        inspection.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class InspectionPhotoConfiguration : IEntityTypeConfiguration<InspectionPhoto>
{
    public void Configure(EntityTypeBuilder<InspectionPhoto> photo)
    {
        photo.Property(p => p.ItemKey).HasMaxLength(80);
        photo.Property(p => p.StoredName).HasMaxLength(64);
        photo.Property(p => p.ContentType).HasMaxLength(32);
        photo.HasIndex(p => p.InspectionId);
        photo.HasIndex(p => p.RectificationId);
        photo.HasOne<Inspection>().WithMany().HasForeignKey(p => p.InspectionId).OnDelete(DeleteBehavior.Cascade);
        photo.HasOne<Rectification>().WithMany().HasForeignKey(p => p.RectificationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class RectificationConfiguration : IEntityTypeConfiguration<Rectification>
{
    public void Configure(EntityTypeBuilder<Rectification> rectification)
    {
        rectification.Property(r => r.ItemKey).HasMaxLength(80);
        // Every move (close, verify, reopen) is saved only from the state it was judged in: two devices cannot both move it.
        rectification.Property(r => r.Status).IsConcurrencyToken();
        rectification.Property(r => r.WhatWasDone).HasMaxLength(FollowUp.MaxTextLength);
        rectification.Property(r => r.ReopenReason).HasMaxLength(FollowUp.MaxTextLength);
        // A team's, a site's and a person's open rectifications: the lists and the home pages.
        rectification.HasIndex(r => new { r.TeamId, r.Status });
        rectification.HasIndex(r => new { r.SiteId, r.Status, r.DueAtUtc });
        rectification.HasIndex(r => new { r.PersonId, r.Status });
        rectification.HasOne<Inspection>().WithMany().HasForeignKey(r => r.InspectionId).OnDelete(DeleteBehavior.Cascade);
        rectification.HasOne<Team>().WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Restrict);
        rectification.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        rectification.HasOne<Person>().WithMany().HasForeignKey(r => r.AssigneeId).OnDelete(DeleteBehavior.SetNull);
    }
}
