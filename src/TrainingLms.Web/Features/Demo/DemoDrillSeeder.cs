using TrainingLms.Domain.Drills;
using TrainingLms.Web.Features.Drills;
using TrainingLms.Web.Features.Drills.Certificates;

namespace TrainingLms.Web.Features.Demo;

/// <summary>
/// Gives the demo company drill history once the rubrics are published: clearance rules for three posts, two past
/// sessions at 翠湖花园 with signed passes and fails (some passes about to run out), certificates for those cleared, a
/// session today in which the demo manager M0001 is still to be scored — so he is not cleared yet — and one in three
/// days for the demo new hire. Results are sealed with the same code the trainer's sign-off uses.
/// </summary>
public sealed class DemoDrillSeeder(IDbContextFactory<LmsDbContext> dbFactory, IOptions<DrillOptions> options, CertificateIssuer certificates, TimeProvider clock, ILogger<DemoDrillSeeder> logger)
{
    public const string PreJobDrill = "pre-job-meet-smile-greet-rise";
    private const string PreJobCourse = "meet-smile-greet-rise";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.DrillSessions.AnyAsync(cancellationToken) || await db.ClearanceRequirements.AnyAsync(cancellationToken)) return;
        var rubrics = await AttemptRecords.Rubrics(db, r => true).ToListAsync(cancellationToken);
        var prePosting = rubrics.Where(r => r.DrillSlug == options.Value.PrePostingDrill).MaxBy(r => r.RevisionId);
        var preJob = rubrics.Where(r => r.DrillSlug == PreJobDrill).MaxBy(r => r.RevisionId);
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Code == "CH", cancellationToken);
        var people = await db.Users.AsNoTracking().Select(p => new { p.Id, p.UserName, p.SiteId, Position = p.Position!.Name }).ToListAsync(cancellationToken);
        string Id(string number) => people.Single(p => p.UserName == number).Id;
        if (prePosting is null || preJob is null || site is null || !people.Any(p => p.UserName == "T0001")) return;

        var positions = await db.Positions.ToDictionaryAsync(p => p.Name, p => p.Id, cancellationToken);
        db.ClearanceRequirements.AddRange(
            new ClearanceRequirement { PositionId = positions["项目经理"], Kind = RequirementKind.Drill, Slug = prePosting.DrillSlug },
            new ClearanceRequirement { PositionId = positions["客服前台"], Kind = RequirementKind.Drill, Slug = preJob.DrillSlug },
            new ClearanceRequirement { PositionId = positions["客服前台"], Kind = RequirementKind.Course, Slug = PreJobCourse },
            new ClearanceRequirement { PositionId = positions["秩序维护员"], Kind = RequirementKind.Drill, Slug = preJob.DrillSlug },
            new ClearanceRequirement { PositionId = positions["秩序维护员"], Kind = RequirementKind.Course, Slug = PreJobCourse });

        // Customer-facing staff at 翠湖花园 who finished the course (the learning seeder's), then those who did not.
        var accounts = DemoSeeder.Accounts.Select(a => a.EmployeeNumber).ToList();
        var finished = await db.CourseCompletions.Where(c => db.Courses.Any(k => k.Id == c.CourseId && k.Slug == PreJobCourse)).Select(c => c.PersonId).ToListAsync(cancellationToken);
        var staff = people.Where(p => p.SiteId == site.Id && p.Position is "客服前台" or "秩序维护员" && !accounts.Contains(p.UserName!))
            .OrderBy(p => !finished.Contains(p.Id)).ThenBy(p => p.UserName).Select(p => p.Id).ToList();

        var trainer = Id("T0001");
        var now = clock.GetUtcNow().UtcDateTime;
        var today = SiteTime.Today(now, site.TimeZoneId);
        // A year ago less eleven days: these passes run out in ten days, so they show as expiring.
        var nearlyAYearAgo = Session(db, preJob, site.Id, today.AddMonths(-preJob.ValidityMonths).AddDays(11), trainer, now, "翠湖花园客服、秩序岗前演练");
        var twoMonthsAgo = Session(db, preJob, site.Id, today.AddMonths(-2), trainer, now, "新员工岗前演练");
        var scheduled = Session(db, prePosting, site.Id, today, trainer, now, "项目经理上岗前考核", SessionKind.Scheduled);
        var soon = Session(db, preJob, site.Id, today.AddDays(3), trainer, now, "新员工岗前演练（李娜）", SessionKind.Scheduled);
        await db.SaveChangesAsync(cancellationToken);

        var signedOn = new List<(DrillAttempt Attempt, DrillSession Session, RubricContext Rubric, bool Pass)>();
        foreach (var (personId, i) in staff.Take(5).Select((id, i) => (id, i)))
        {
            var session = i < 2 ? nearlyAYearAgo : twoMonthsAgo;
            signedOn.Add((Attempt(db, session, preJob, personId, now), session, preJob, Pass: i != 4));
        }
        Attempt(db, scheduled, prePosting, Id("M0001"), now);
        Attempt(db, soon, preJob, Id("E0001"), now);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (attempt, session, rubric, pass) in signedOn)
        {
            Score(attempt, rubric, pass);
            var signedAt = SiteTime.ToUtc(session.HeldOn.ToDateTime(new TimeOnly(17, 30)), site.TimeZoneId);
            AttemptRecords.Seal(attempt, session, rubric, trainer, signedAt);
            if (attempt.Passed == true) attempt.AcknowledgedAtUtc = signedAt.AddHours(16);
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (attempt, _, _, _) in signedOn) await certificates.IssueIfClearedAsync(attempt.CandidateId, cancellationToken);
        logger.LogInformation("Demo drills seeded: {Signed} signed results, M0001 to be scored today", signedOn.Count);
    }

    private static DrillSession Session(LmsDbContext db, RubricContext rubric, int siteId, DateOnly heldOn, string trainerId, DateTime now, string note, SessionKind kind = SessionKind.AdHoc)
    {
        var session = new DrillSession
        {
            DrillId = rubric.DrillId, SiteId = siteId, HeldOn = heldOn, Kind = kind, Note = note, CreatedById = trainerId,
            CreatedAtUtc = now, SubmissionKey = Guid.NewGuid(),
        };
        db.DrillSessions.Add(session);
        return session;
    }

    private static DrillAttempt Attempt(LmsDbContext db, DrillSession session, RubricContext rubric, string candidateId, DateTime now)
    {
        var attempt = new DrillAttempt
        {
            SessionId = session.Id, CandidateId = candidateId, DrillRevisionId = rubric.RevisionId, CreatedAtUtc = now, UpdatedAtUtc = now,
            Scores = [.. rubric.Criteria.Select(c => new DrillScore { CriterionKey = c.Key })],
        };
        db.DrillAttempts.Add(attempt);
        return attempt;
    }

    /// <summary>A pass with one point short on the first criterion; a fail that misses the smile, a must-pass point.</summary>
    private static void Score(DrillAttempt attempt, RubricContext rubric, bool pass)
    {
        foreach (var (score, criterion) in attempt.Scores.Zip(rubric.Criteria))
        {
            score.Score = criterion.Scale.Max - (criterion == rubric.Criteria[0] && criterion.Scale.Max > 1 ? 1 : 0);
            if (!pass && criterion.Key == "smile")
            {
                score.Score = 1;
                score.Comment = "笑容僵硬，嘴角没有上扬，需要对镜练习";
            }
        }
        attempt.Comment = pass ? "动作规范，继续保持" : "微笑未达标，三天后可补考";
    }
}
