using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.Drills;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.ShiftReviews;
using TrainingLms.Web.Features.Demo;
using TrainingLms.Web.Features.Drills;
using TrainingLms.Web.Features.Drills.Certificates;

namespace TrainingLms.IntegrationTests.Performance;

/// <summary>Drill sessions with signed, chained results and the certificates they earn; clip rows.</summary>
internal sealed partial class LargeCompanyBuild
{
    private const int SessionsPerSite = 6, CandidatesPerSession = 6, Clips = 300;

    /// <summary>How recent a pass must be to be looked at for a certificate, as the sign-off does (earlier passes would be looked at when the person's clearance is).</summary>
    private const int CertificateDays = 90;

    /// <summary>
    /// Every two months or so at each new site, one post's drill for a team's line of work (the front desk and others
    /// the pre-job drill, guards and cleaners their post's): six candidates scored, signed by the trainer at the end of
    /// the day with the sign-off's own seal, saved so that the record chain's interceptor links each result.
    /// </summary>
    public async Task DrillsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rubrics = (await AttemptRecords.Rubrics(db, r => true).ToListAsync(cancellationToken))
            .GroupBy(r => r.DrillSlug).ToDictionary(g => g.Key, g => g.MaxBy(r => r.RevisionId)!);
        if (!rubrics.TryGetValue(DemoDrillSeeder.PreJobDrill, out var preJob)) return;
        RubricContext For(LineOfWork line) => line switch
        {
            LineOfWork.Security => rubrics.GetValueOrDefault(DemoDrillSeeder.SecurityPostDrill) ?? preJob,
            LineOfWork.Cleaning => rubrics.GetValueOrDefault(DemoDrillSeeder.CleaningPostDrill) ?? preJob,
            _ => preJob,
        };

        var held = new List<(DrillSession Session, RubricContext Rubric, string Zone, string Trainer, List<string> Candidates)>();
        foreach (var site in sites)
        {
            var siteTeams = teams.Where(t => t.Team.SiteId == site.Id).ToList();
            for (var s = 0; s < SessionsPerSite; s++)
            {
                var team = Pick(siteTeams);
                var rubric = For(team.Team.LineOfWork);
                var heldOn = Today.AddDays(-(s * 60 + random.Next(1, 50)));
                var trainer = Pick(trainers);
                var session = new DrillSession
                {
                    DrillId = rubric.DrillId, SiteId = site.Id, HeldOn = heldOn, Kind = SessionKind.Scheduled, Note = team.Team.Name + "岗位演练",
                    CreatedById = trainer, CreatedAtUtc = At(heldOn.AddDays(-7), 10, 0, site.TimeZoneId), SubmissionKey = NextGuid(),
                };
                db.DrillSessions.Add(session);
                held.Add((session, rubric, site.TimeZoneId, trainer, Sample(team.Members.Select(m => m.Id).ToList(), CandidatesPerSession)));
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        var attempts = new List<(DrillAttempt Attempt, DrillSession Session, RubricContext Rubric, string Zone, string Trainer)>();
        foreach (var (session, rubric, zone, trainer, candidates) in held)
            foreach (var candidate in candidates)
            {
                var attempt = new DrillAttempt
                {
                    SessionId = session.Id, CandidateId = candidate, DrillRevisionId = rubric.RevisionId, CreatedAtUtc = session.CreatedAtUtc, UpdatedAtUtc = session.CreatedAtUtc,
                    Scores = [.. rubric.Criteria.Select(c => new DrillScore { CriterionKey = c.Key })],
                };
                db.DrillAttempts.Add(attempt);
                attempts.Add((attempt, session, rubric, zone, trainer));
            }
        // Saved as drafts first: a signed record names its attempt's id.
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (attempt, session, rubric, zone, trainer) in attempts)
        {
            // Most reach the standard; about one in eight misses a must-pass action (a fail whatever the total).
            var missed = random.Next(8) == 0 ? Pick(rubric.Criteria.Where(c => c.MustPass).DefaultIfEmpty(rubric.Criteria[0]).ToList()) : null;
            foreach (var (score, criterion) in attempt.Scores.Zip(rubric.Criteria))
            {
                score.Score = criterion == missed ? 0 : Math.Max(criterion.MeetsAt, criterion.Scale.Max - random.Next(2));
                if (criterion == missed) score.Comment = "没有做到，需要补考";
            }
            attempt.Comment = missed is null ? "动作规范，继续保持" : "必须达标的动作未做到，按规定补考";
            var signedAt = At(session.HeldOn, 17, 30, zone);
            AttemptRecords.Seal(attempt, session, rubric, trainer, signedAt);
            if (attempt.Passed == true && random.Next(4) != 0) attempt.AcknowledgedAtUtc = signedAt.AddHours(16);
        }
        await db.SaveChangesAsync(cancellationToken);

        passed.AddRange(attempts.Where(a => a.Attempt.Passed == true && a.Session.HeldOn >= Today.AddDays(-CertificateDays))
            .Select(a => a.Attempt.CandidateId).Distinct());
    }

    private readonly List<string> passed = [];

    /// <summary>The certificates the recent passes earn, issued as right after a sign-off, by the real issuer (it chains them).</summary>
    public async Task CertificatesAsync(CancellationToken cancellationToken)
    {
        var certificates = services.GetRequiredService<CertificateIssuer>();
        foreach (var candidate in passed) await certificates.IssueIfClearedAsync(candidate, cancellationToken);
    }

    /// <summary>Clip rows of every kind, as the library lists them once transcoded, without their files (no page here streams them).</summary>
    public async Task ClipsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var uploaders = trainers.Concat(teams.Select(t => t.LeaderId)).ToList();
        for (var i = 0; i < Clips; i++)
        {
            var kind = ClipKinds.All[i % ClipKinds.All.Count];
            var site = Pick(sites);
            var recorded = Today.AddDays(-random.Next(1, LargeCompanyGenerator.ReviewDays));
            var seconds = 20 + random.Next(160);
            var uploaded = At(recorded, 19, 0, site.TimeZoneId);
            var clip = new Clip
            {
                Slug = $"large-{i + 1:000}", Title = $"{Topics[i % Topics.Length]}现场录像 {i + 1}", Description = "班组现场录制，供培训和讲评使用。", Kind = kind,
                SiteId = kind == ClipKind.TrainingDv ? null : site.Id, RecordedOn = recorded, Status = ClipStatus.Ready,
                IsPublished = kind.NeedsPublishing() && random.Next(3) != 0, OriginalFileName = $"VID_{i + 1:0000}.mp4", OriginalExtension = ".mp4",
                OriginalBytes = seconds * 1_500_000L, Source = new VideoFacts(1920, 1080, 1, 0, false, seconds, true), DurationSeconds = seconds,
                DisplayWidth = 1920, DisplayHeight = 1080, Renditions = [new ClipRendition(854, 480, seconds * 120_000L), new ClipRendition(1280, 720, seconds * 250_000L)],
                UploadedById = kind == ClipKind.TrainingDv ? Pick(trainers) : Pick(uploaders), UploadedAtUtc = uploaded,
                Moments = [.. Enumerable.Range(0, random.Next(4)).Select(m => new ClipMoment
                {
                    AtSeconds = random.Next(seconds), Kind = m % 2 == 0 ? MomentKind.GoodExample : MomentKind.ToCorrect, Point = EtiquettePoint.Smile, Note = "注意这里的动作",
                })],
            };
            if (clip.IsPublished) clip.PublishedAtUtc = uploaded.AddDays(1);
            db.Clips.Add(clip);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary><paramref name="count"/> of the items, chosen at random (a partial shuffle).</summary>
    private List<T> Sample<T>(List<T> items, int count)
    {
        var copy = items.ToList();
        for (var i = 0; i < Math.Min(count, copy.Count); i++)
        {
            var j = random.Next(i, copy.Count);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy.Take(count).ToList();
    }
}
