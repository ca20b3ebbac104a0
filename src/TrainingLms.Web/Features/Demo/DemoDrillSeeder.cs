using TrainingLms.Domain.Drills;
using TrainingLms.Web.Features.Drills;
using TrainingLms.Web.Features.Drills.Certificates;

namespace TrainingLms.Web.Features.Demo;

/// <summary>
/// Gives the demo company drill history once the rubrics are published: clearance rules for four posts (security guards
/// and cleaners also need their post's drill), past sessions at 翠湖花园 with signed passes and fails (some passes about
/// to run out, one guard and one cleaner failed on a minimum action despite a high total), certificates for those
/// cleared, a session today in which the demo manager M0001 is still to be scored — so he is not cleared yet — and one
/// in three days for the demo new hire. Results are sealed with the same code the trainer's sign-off uses.
/// </summary>
public sealed class DemoDrillSeeder(IDbContextFactory<LmsDbContext> dbFactory, IOptions<DrillOptions> options, CertificateIssuer certificates, TimeProvider clock, ILogger<DemoDrillSeeder> logger)
{
    public const string PreJobDrill = "pre-job-meet-smile-greet-rise";
    public const string SecurityPostDrill = "security-post";
    public const string CleaningPostDrill = "cleaning-post";
    private const string PreJobCourse = "meet-smile-greet-rise";
    private const string Guard = "秩序维护员";
    private const string Cleaner = "保洁员";

    /// <summary>A minimum action missed: its score, the trainer's comment on it and on the whole attempt.</summary>
    private sealed record Miss(string Key, int Score, string Comment, string Summary);

    private static readonly Miss SmileShort = new("smile", 1, "笑容僵硬，嘴角没有上扬，需要对镜练习", "微笑未达标，三天后可补考");
    private static readonly Miss StayedSeated = new("rise", 0, "访客走到门岗时仍坐着隔窗问话", "其余动作到位，但没有起身接待，起身是必须达标的动作，三天后补考");
    private static readonly Miss NoGreeting = new("greet", 0, "业主经过时背对着继续拖地，没有开口问好", "让行和警示牌都做得好，但没有问好，问好是必须达标的动作，三天后补考");

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.DrillSessions.AnyAsync(cancellationToken) || await db.ClearanceRequirements.AnyAsync(cancellationToken)) return;
        var rubrics = await AttemptRecords.Rubrics(db, r => true).ToListAsync(cancellationToken);
        var prePosting = rubrics.Where(r => r.DrillSlug == options.Value.PrePostingDrill).MaxBy(r => r.RevisionId);
        var preJob = rubrics.Where(r => r.DrillSlug == PreJobDrill).MaxBy(r => r.RevisionId);
        var securityPost = rubrics.Where(r => r.DrillSlug == SecurityPostDrill).MaxBy(r => r.RevisionId);
        var cleaningPost = rubrics.Where(r => r.DrillSlug == CleaningPostDrill).MaxBy(r => r.RevisionId);
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Code == "CH", cancellationToken);
        var people = await db.Users.AsNoTracking().Select(p => new { p.Id, p.UserName, p.SiteId, Position = p.Position!.Name, p.ContractorCompanyId }).ToListAsync(cancellationToken);
        string Id(string number) => people.Single(p => p.UserName == number).Id;
        if (prePosting is null || preJob is null || site is null || !people.Any(p => p.UserName == "T0001")) return;

        var positions = await db.Positions.ToDictionaryAsync(p => p.Name, p => p.Id, cancellationToken);
        db.ClearanceRequirements.AddRange(
            new ClearanceRequirement { PositionId = positions["项目经理"], Kind = RequirementKind.Drill, Slug = prePosting.DrillSlug },
            new ClearanceRequirement { PositionId = positions["客服前台"], Kind = RequirementKind.Drill, Slug = preJob.DrillSlug },
            new ClearanceRequirement { PositionId = positions["客服前台"], Kind = RequirementKind.Course, Slug = PreJobCourse },
            new ClearanceRequirement { PositionId = positions[Guard], Kind = RequirementKind.Drill, Slug = preJob.DrillSlug },
            new ClearanceRequirement { PositionId = positions[Guard], Kind = RequirementKind.Course, Slug = PreJobCourse });
        if (securityPost is not null)
            db.ClearanceRequirements.Add(new ClearanceRequirement { PositionId = positions[Guard], Kind = RequirementKind.Drill, Slug = securityPost.DrillSlug });
        if (cleaningPost is not null)
            db.ClearanceRequirements.Add(new ClearanceRequirement { PositionId = positions[Cleaner], Kind = RequirementKind.Drill, Slug = cleaningPost.DrillSlug });

        // Customer-facing staff at 翠湖花园 who finished the course (the learning seeder's), then those who did not.
        var accounts = DemoSeeder.Accounts.Select(a => a.EmployeeNumber).ToList();
        var finished = await db.CourseCompletions.Where(c => db.Courses.Any(k => k.Id == c.CourseId && k.Slug == PreJobCourse)).Select(c => c.PersonId).ToListAsync(cancellationToken);
        var staff = people.Where(p => p.SiteId == site.Id && p.Position is "客服前台" or Guard && !accounts.Contains(p.UserName!))
            .OrderBy(p => !finished.Contains(p.Id)).ThenBy(p => p.UserName).Select(p => p.Id).ToList();

        var trainer = Id("T0001");
        var now = clock.GetUtcNow().UtcDateTime;
        var today = SiteTime.Today(now, site.TimeZoneId);
        // A year ago less eleven days: these passes run out in ten days, so they show as expiring.
        var nearlyAYearAgo = Session(db, preJob, site.Id, today.AddMonths(-preJob.ValidityMonths).AddDays(11), trainer, now, "翠湖花园客服、秩序岗前演练");
        var twoMonthsAgo = Session(db, preJob, site.Id, today.AddMonths(-2), trainer, now, "新员工岗前演练");
        var scheduled = Session(db, prePosting, site.Id, today, trainer, now, "项目经理上岗前考核", SessionKind.Scheduled);
        var soon = Session(db, preJob, site.Id, today.AddDays(3), trainer, now, "新员工岗前演练（李娜）", SessionKind.Scheduled);
        var guardsDrill = securityPost is null ? null : Session(db, securityPost, site.Id, today.AddMonths(-1), trainer, now, "秩序班岗位演练");
        var cleanersDrill = cleaningPost is null ? null : Session(db, cleaningPost, site.Id, today.AddDays(-20), trainer, now, "保洁班岗位演练");
        await db.SaveChangesAsync(cancellationToken);

        var signedOn = new List<(DrillAttempt Attempt, DrillSession Session, RubricContext Rubric, Miss? Miss)>();
        foreach (var (personId, i) in staff.Take(5).Select((id, i) => (id, i)))
        {
            var session = i < 2 ? nearlyAYearAgo : twoMonthsAgo;
            signedOn.Add((Attempt(db, session, preJob, personId, now), session, preJob, i == 4 ? SmileShort : null));
        }
        // Four guards (those who passed the pre-job drill first, so some end up cleared) and four cleaners (two of them the contractor's); the last of each misses a minimum action.
        var passedPreJob = staff.Take(4).ToHashSet();
        void PostDrill(DrillSession? session, RubricContext? rubric, IEnumerable<string> candidates, Miss miss)
        {
            if (session is null || rubric is null) return;
            foreach (var (personId, i) in candidates.Take(4).Select((id, i) => (id, i)))
                signedOn.Add((Attempt(db, session, rubric, personId, now), session, rubric, i == 3 ? miss : null));
        }
        PostDrill(guardsDrill, securityPost, people.Where(p => p.SiteId == site.Id && p.Position == Guard && !accounts.Contains(p.UserName!))
            .OrderBy(p => !passedPreJob.Contains(p.Id)).ThenBy(p => p.UserName).Select(p => p.Id), StayedSeated);
        // Two of the company's own cleaners and two of the contractor's drilled together: the same drill, the same standard.
        var cleaners = people.Where(p => p.SiteId == site.Id && p.Position == Cleaner && !accounts.Contains(p.UserName!)).OrderBy(p => p.UserName).ToList();
        PostDrill(cleanersDrill, cleaningPost, cleaners.Where(p => p.ContractorCompanyId == null).Take(2)
            .Concat(cleaners.Where(p => p.ContractorCompanyId != null)).Select(p => p.Id), NoGreeting);
        Attempt(db, scheduled, prePosting, Id("M0001"), now);
        Attempt(db, soon, preJob, Id("E0001"), now);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (attempt, session, rubric, miss) in signedOn)
        {
            Score(attempt, rubric, miss);
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

    /// <summary>One point short on the first criterion and full marks elsewhere — a pass — unless a must-pass action was missed: a fail whatever the total.</summary>
    private static void Score(DrillAttempt attempt, RubricContext rubric, Miss? miss)
    {
        foreach (var (score, criterion) in attempt.Scores.Zip(rubric.Criteria))
        {
            score.Score = criterion.Scale.Max - (criterion == rubric.Criteria[0] && criterion.Scale.Max > 1 ? 1 : 0);
            if (criterion.Key == miss?.Key)
            {
                score.Score = miss.Score;
                score.Comment = miss.Comment;
            }
        }
        attempt.Comment = miss?.Summary ?? "动作规范，继续保持";
    }
}
