using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.Clips;
using TrainingLms.Data.Configurations.Drills;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Drills;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Domain.FootageSessions;
using TrainingLms.Domain.Inspections;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.People;
using TrainingLms.Domain.People.Import;
using TrainingLms.Domain.ShiftReviews;
using TrainingLms.Domain.TrainingRecords;

namespace TrainingLms.Data;

/// <summary>
/// The LMS database, on SQLite or PostgreSQL (<see cref="DatabaseProvider"/>): one model, one migration set per provider.
/// Every model change needs a migration in both sets, made from the repository root (after <c>dotnet tool restore</c>):
/// <list type="bullet">
/// <item>SQLite (<c>Migrations/</c>): <c>dotnet ef migrations add NAME --project src/TrainingLms.Data --startup-project src/TrainingLms.Data --context LmsDbContext</c></item>
/// <item>PostgreSQL (<c>Migrations/PostgreSQL/</c>): <c>dotnet ef migrations add NAMEPostgreSQL --project src/TrainingLms.Data --startup-project src/TrainingLms.Data --context PostgreSqlLmsDbContext --output-dir Migrations/PostgreSQL</c></item>
/// </list>
/// The app's contexts are always this type; <see cref="PostgreSqlLmsDbContext"/> only migrates PostgreSQL
/// (<see cref="LmsDatabase.MigrateAsync"/>). What differs between the providers is set in <see cref="PostgreSqlModel"/>.
/// </summary>
public class LmsDbContext(DbContextOptions<LmsDbContext> options) : IdentityDbContext<Person>(options), IDataProtectionKeyContext
{
    /// <summary>The data-protection keys on PostgreSQL, so every app instance reads the cookies the others wrote.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<RateLimitWindow> RateLimitWindows => Set<RateLimitWindow>();
    public DbSet<CacheChange> CacheChanges => Set<CacheChange>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<ContractorCompany> ContractorCompanies => Set<ContractorCompany>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    public DbSet<SignInUnlock> SignInUnlocks => Set<SignInUnlock>();
    public DbSet<ImportStagedChange> ImportStagedChanges => Set<ImportStagedChange>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<CourseRevision> CourseRevisions => Set<CourseRevision>();
    public DbSet<LessonRevision> LessonRevisions => Set<LessonRevision>();
    public DbSet<CourseAssignment> CourseAssignments => Set<CourseAssignment>();
    public DbSet<LessonCompletion> LessonCompletions => Set<LessonCompletion>();
    public DbSet<CourseCompletion> CourseCompletions => Set<CourseCompletion>();
    public DbSet<QuizAttempt> QuizAttempts => Set<QuizAttempt>();
    public DbSet<QuizAttemptGrant> QuizAttemptGrants => Set<QuizAttemptGrant>();
    public DbSet<ShiftReview> ShiftReviews => Set<ShiftReview>();
    public DbSet<ShiftReviewNote> ShiftReviewNotes => Set<ShiftReviewNote>();
    public DbSet<ShiftReviewAmendment> ShiftReviewAmendments => Set<ShiftReviewAmendment>();
    public DbSet<TrainingRecord> TrainingRecords => Set<TrainingRecord>();
    public DbSet<TrainingAttendee> TrainingAttendees => Set<TrainingAttendee>();
    public DbSet<TrainingRecordStep> TrainingRecordSteps => Set<TrainingRecordStep>();
    public DbSet<Clip> Clips => Set<Clip>();
    public DbSet<ClipMoment> ClipMoments => Set<ClipMoment>();
    public DbSet<ClipFeaturedPerson> ClipFeaturedPeople => Set<ClipFeaturedPerson>();
    public DbSet<TranscodeJob> TranscodeJobs => Set<TranscodeJob>();
    public DbSet<ClipUpload> ClipUploads => Set<ClipUpload>();
    public DbSet<ClipView> ClipViews => Set<ClipView>();
    public DbSet<Drill> Drills => Set<Drill>();
    public DbSet<DrillRevision> DrillRevisions => Set<DrillRevision>();
    public DbSet<DrillSession> DrillSessions => Set<DrillSession>();
    public DbSet<DrillAttempt> DrillAttempts => Set<DrillAttempt>();
    public DbSet<DrillScore> DrillScores => Set<DrillScore>();
    public DbSet<DrillAnnulment> DrillAnnulments => Set<DrillAnnulment>();
    public DbSet<ClearanceRequirement> ClearanceRequirements => Set<ClearanceRequirement>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<RecordChainLink> RecordChainLinks => Set<RecordChainLink>();
    public DbSet<EvaluationForm> EvaluationForms => Set<EvaluationForm>();
    public DbSet<EvaluationFormRevision> EvaluationFormRevisions => Set<EvaluationFormRevision>();
    public DbSet<EvaluationPeriod> EvaluationPeriods => Set<EvaluationPeriod>();
    public DbSet<EvaluationTarget> EvaluationTargets => Set<EvaluationTarget>();
    public DbSet<EvaluatorAssignment> EvaluatorAssignments => Set<EvaluatorAssignment>();
    public DbSet<Evaluation> Evaluations => Set<Evaluation>();
    public DbSet<RankingPublication> RankingPublications => Set<RankingPublication>();
    public DbSet<RankingAppeal> RankingAppeals => Set<RankingAppeal>();
    public DbSet<BenchmarkRating> BenchmarkRatings => Set<BenchmarkRating>();
    public DbSet<FeedbackCode> FeedbackCodes => Set<FeedbackCode>();
    public DbSet<SmileStory> SmileStories => Set<SmileStory>();
    public DbSet<ServiceStarNomination> ServiceStarNominations => Set<ServiceStarNomination>();
    public DbSet<ServiceStarDecision> ServiceStarDecisions => Set<ServiceStarDecision>();
    public DbSet<InspectionForm> InspectionForms => Set<InspectionForm>();
    public DbSet<InspectionFormRevision> InspectionFormRevisions => Set<InspectionFormRevision>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<InspectionPhoto> InspectionPhotos => Set<InspectionPhoto>();
    public DbSet<Rectification> Rectifications => Set<Rectification>();
    public DbSet<FootageSession> FootageSessions => Set<FootageSession>();
    public DbSet<FootageAttendee> FootageAttendees => Set<FootageAttendee>();
    public DbSet<FootageFault> FootageFaults => Set<FootageFault>();

    /// <summary>The app's contexts come from a pooled factory whose options carry the guard already (a pooled context may
    /// not change its options here); a context made any other way, such as at design time, gets it here.</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.Interceptors?.Contains(SignedAttemptGuard.Instance) != true)
            optionsBuilder.AddInterceptors(SignedAttemptGuard.Instance);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsNpgsql()) PostgreSqlModel.ConfigureConventions(configurationBuilder);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LmsDbContext).Assembly);
        if (Database.IsNpgsql()) PostgreSqlModel.Adapt(builder);
    }
}
