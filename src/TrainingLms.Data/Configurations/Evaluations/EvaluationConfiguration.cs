using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingLms.Data.Configurations.Courses;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Data.Configurations.Evaluations;

public class EvaluationFormConfiguration : IEntityTypeConfiguration<EvaluationForm>
{
    public void Configure(EntityTypeBuilder<EvaluationForm> form)
    {
        form.Property(f => f.Slug).HasMaxLength(80);
        form.HasIndex(f => f.Slug).IsUnique();
        form.Property(f => f.SourceHash).HasMaxLength(64);
        form.Property(f => f.SourceFile).HasMaxLength(200);
        // Targets point at revisions, so a form's revisions are never deleted with it.
        form.HasMany(f => f.Revisions).WithOne().HasForeignKey(r => r.FormId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class EvaluationFormRevisionConfiguration : IEntityTypeConfiguration<EvaluationFormRevision>
{
    public void Configure(EntityTypeBuilder<EvaluationFormRevision> revision)
    {
        revision.HasIndex(r => new { r.FormId, r.Number }).IsUnique();
        revision.Property(r => r.ContentHash).HasMaxLength(64);
        revision.ComplexProperty(r => r.Title);
        revision.ComplexProperty(r => r.Summary);
        revision.Property(r => r.Criteria).HasJsonConversion();
    }
}

public class EvaluationPeriodConfiguration : IEntityTypeConfiguration<EvaluationPeriod>
{
    public void Configure(EntityTypeBuilder<EvaluationPeriod> period)
    {
        period.HasIndex(p => new { p.Year, p.Month }).IsUnique();
        period.Property(p => p.ClosedById).HasMaxLength(450);
        period.HasMany(p => p.Targets).WithOne().HasForeignKey(t => t.PeriodId).OnDelete(DeleteBehavior.Restrict);
        period.Ignore(p => p.IsClosed);
        period.Ignore(p => p.FirstDay);
        period.Ignore(p => p.LastDay);
    }
}

public class EvaluationTargetConfiguration : IEntityTypeConfiguration<EvaluationTarget>
{
    public void Configure(EntityTypeBuilder<EvaluationTarget> target)
    {
        target.Property(t => t.SubjectName).HasMaxLength(200);
        target.Property(t => t.SiteName).HasMaxLength(200);
        target.HasOne(t => t.FormRevision).WithMany().HasForeignKey(t => t.FormRevisionId).OnDelete(DeleteBehavior.Restrict);
        target.HasOne<Person>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Restrict);
        target.HasOne<Team>().WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.Restrict);
        target.HasOne<Site>().WithMany().HasForeignKey(t => t.SiteId).OnDelete(DeleteBehavior.Restrict);
        // Each supervisor and team is listed once per period and form.
        target.HasIndex(t => new { t.PeriodId, t.FormRevisionId, t.PersonId, t.TeamId }).IsUnique();
        // The open periods' first target, found without reading their targets (an evaluator's count starts there).
        target.HasIndex(t => new { t.PeriodId, t.Id });
        target.HasMany(t => t.Evaluators).WithOne().HasForeignKey(a => a.TargetId).OnDelete(DeleteBehavior.Cascade);
        target.HasMany(t => t.Evaluations).WithOne().HasForeignKey(e => e.TargetId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class EvaluatorAssignmentConfiguration : IEntityTypeConfiguration<EvaluatorAssignment>
{
    public void Configure(EntityTypeBuilder<EvaluatorAssignment> assignment)
    {
        assignment.Property(a => a.EvaluatorName).HasMaxLength(200);
        assignment.HasOne<Person>().WithMany().HasForeignKey(a => a.EvaluatorId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasIndex(a => new { a.TargetId, a.EvaluatorId }).IsUnique();
        // An evaluator's targets in order: the open periods' are the last, so counting them need not read the closed ones'.
        assignment.HasIndex(a => new { a.EvaluatorId, a.TargetId });
    }
}

public class EvaluationEntityConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> evaluation)
    {
        evaluation.Property(e => e.EvaluatorName).HasMaxLength(200);
        evaluation.Property(e => e.Comment).HasMaxLength(1000);
        evaluation.Property(e => e.Scores).HasJsonConversion();
        evaluation.HasOne<Person>().WithMany().HasForeignKey(e => e.EvaluatorId).OnDelete(DeleteBehavior.Restrict);
        // One evaluation per evaluator and target: a second submission corrects the first.
        evaluation.HasIndex(e => new { e.TargetId, e.EvaluatorId }).IsUnique();
    }
}
