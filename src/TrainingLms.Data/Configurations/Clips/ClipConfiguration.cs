using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Data.Configurations.Courses;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Data.Configurations.Clips;

public class ClipConfiguration : IEntityTypeConfiguration<Clip>
{
    public void Configure(EntityTypeBuilder<Clip> clip)
    {
        clip.HasIndex(c => c.Slug).IsUnique();
        clip.HasIndex(c => new { c.Kind, c.Status });
        clip.Property(c => c.Slug).HasMaxLength(Clip.MaxSlugLength);
        clip.Property(c => c.Title).HasMaxLength(Clip.MaxTitleLength);
        clip.Property(c => c.Description).HasMaxLength(Clip.MaxDescriptionLength);
        clip.Property(c => c.OriginalFileName).HasMaxLength(ClipUpload.MaxFileNameLength);
        clip.Property(c => c.OriginalExtension).HasMaxLength(16);
        clip.Property(c => c.Renditions).HasJsonConversion();
        clip.Property(c => c.Source).HasJsonConversion();
        clip.HasOne<Site>().WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.SetNull);
        clip.HasOne<Person>().WithMany().HasForeignKey(c => c.UploadedById).OnDelete(DeleteBehavior.Restrict);
        clip.HasMany(c => c.Moments).WithOne().HasForeignKey(m => m.ClipId).OnDelete(DeleteBehavior.Cascade);
        clip.HasMany(c => c.FeaturedPeople).WithOne().HasForeignKey(f => f.ClipId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ClipMomentConfiguration : IEntityTypeConfiguration<ClipMoment>
{
    public void Configure(EntityTypeBuilder<ClipMoment> moment)
    {
        moment.Property(m => m.Note).HasMaxLength(ClipMoment.MaxNoteLength);
        moment.HasIndex(m => new { m.ClipId, m.AtSeconds });
    }
}

public class ClipFeaturedPersonConfiguration : IEntityTypeConfiguration<ClipFeaturedPerson>
{
    public void Configure(EntityTypeBuilder<ClipFeaturedPerson> featured)
    {
        featured.HasKey(f => new { f.ClipId, f.PersonId });
        // "My clips": the clips a person is in.
        featured.HasIndex(f => f.PersonId);
        featured.HasOne<Person>().WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class TranscodeJobConfiguration : IEntityTypeConfiguration<TranscodeJob>
{
    public void Configure(EntityTypeBuilder<TranscodeJob> job)
    {
        // The worker's question: the oldest job that is queued, or running under a lease that ran out.
        job.HasIndex(j => new { j.Status, j.NotBeforeUtc });
        job.HasIndex(j => j.ClipId);
        job.Property(j => j.LeaseOwner).HasMaxLength(64);
        job.Property(j => j.Error).HasMaxLength(TranscodeJob.MaxErrorLength);
        job.Ignore(j => j.IsOpen);
        job.HasOne<Clip>().WithMany().HasForeignKey(j => j.ClipId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ClipUploadConfiguration : IEntityTypeConfiguration<ClipUpload>
{
    public void Configure(EntityTypeBuilder<ClipUpload> upload)
    {
        upload.Property(u => u.FileName).HasMaxLength(ClipUpload.MaxFileNameLength);
        upload.HasIndex(u => u.UpdatedAtUtc);
        upload.Ignore(u => u.IsComplete);
        upload.Property(u => u.Details).HasJsonConversion();
        upload.HasOne<Person>().WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ClipViewConfiguration : IEntityTypeConfiguration<ClipView>
{
    public void Configure(EntityTypeBuilder<ClipView> view)
    {
        view.HasIndex(v => new { v.PersonId, v.ClipId }).IsUnique();
        view.HasIndex(v => v.ClipId);
        view.Property(v => v.Watched).HasJsonConversion();
        view.Property(v => v.Revision).IsConcurrencyToken();
        view.HasOne<Person>().WithMany().HasForeignKey(v => v.PersonId).OnDelete(DeleteBehavior.Cascade);
        view.HasOne<Clip>().WithMany().HasForeignKey(v => v.ClipId).OnDelete(DeleteBehavior.Cascade);
    }
}
