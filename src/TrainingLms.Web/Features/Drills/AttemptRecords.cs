using System.Linq.Expressions;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain;
using TrainingLms.Domain.Drills;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Features.Drills;

/// <summary>The rubric revision an attempt is scored against, and the drill it belongs to.</summary>
public sealed record RubricContext(
    int DrillId, string DrillSlug, int RevisionId, int Version, string RubricHash, LocalizedText Title,
    int PassMark, int ValidityMonths, int RetakeWaitDays, IReadOnlyList<DrillCriterion> Criteria);

public sealed record ScoreRow(string CriterionKey, int? Score, string Comment, string? EvidenceClipSlug, int? EvidenceAtSeconds);

/// <summary>An attempt as stored, with what it takes to recompute its canonical form: every read checks the hash.</summary>
public sealed record AttemptRow(
    int Id, int SessionId, DateOnly HeldOn, int SiteId, string CandidateId, int? CorrectsAttemptId, string Comment, IReadOnlyList<ScoreRow> Scores,
    int? PercentTenths, bool? Passed, DateOnly? ValidThrough, DateOnly? RetakeFrom, string? SignedById, DateTime? SignedAtUtc, string? ContentHash,
    DateTime? AnnulledAtUtc, DateTime? AcknowledgedAtUtc, RubricContext Rubric)
{
    public bool IsSigned => SignedAtUtc is not null;

    public bool IsAnnulled => AnnulledAtUtc is not null;

    /// <summary>
    /// Signed, and the stored hash still matches the stored content; a draft has nothing to check. A row marked signed
    /// without the rest of a signed record (changed behind the app's back) is not intact.
    /// </summary>
    public bool IsIntact => intact ??= !IsSigned || (Record() is { } record && ContentHash == record.Hash());

    // Worked out once a row: the hash is computed afresh from the stored content, and a page asks several times a row.
    // A row is read for one request and never changed (nothing copies it with `with`), so the answer cannot go stale.
    private bool? intact;

    /// <summary>Counts for clearance: signed, passed, not annulled, intact.</summary>
    public bool IsValidPass => IsSigned && Passed == true && !IsAnnulled && IsIntact;

    public IReadOnlyDictionary<string, int?> ScoreByKey => Scores.ToDictionary(s => s.CriterionKey, s => s.Score);

    /// <summary>The rule's verdict on the scores as they are (for a draft: so far).</summary>
    public DrillOutcome Outcome() => DrillScoring.Evaluate(Rubric.Criteria, Rubric.PassMark, ScoreByKey);

    public SignedRecord? Record()
    {
        if (SignedAtUtc is not { } signedAt || SignedById is null) return null;
        var criteria = Rubric.Criteria.ToDictionary(c => c.Key);
        return new SignedRecord(
            Id, SessionId, CandidateId, Rubric.DrillSlug, Rubric.RevisionId, Rubric.Version, Rubric.RubricHash, HeldOn, Rubric.PassMark,
            [.. Scores.Select(s => criteria.TryGetValue(s.CriterionKey, out var c)
                ? new SignedScore(s.CriterionKey, s.Score ?? -1, c.Scale.Max, c.Weight, c.MustPass, s.Comment, s.EvidenceClipSlug, s.EvidenceAtSeconds)
                : new SignedScore(s.CriterionKey, s.Score ?? -1, 0, 0, false, s.Comment, s.EvidenceClipSlug, s.EvidenceAtSeconds))],
            Comment, PercentTenths ?? -1, Passed ?? false, ValidThrough, RetakeFrom, CorrectsAttemptId, SignedById, signedAt);
    }

    public static AttemptRow From(DrillAttempt attempt, DrillSession session, RubricContext rubric) => new(
        attempt.Id, session.Id, session.HeldOn, session.SiteId, attempt.CandidateId, attempt.CorrectsAttemptId, attempt.Comment,
        [.. attempt.Scores.Select(s => new ScoreRow(s.CriterionKey, s.Score, s.Comment, s.EvidenceClipSlug, s.EvidenceAtSeconds))],
        attempt.PercentTenths, attempt.Passed, attempt.ValidThrough, attempt.RetakeFrom, attempt.SignedById, attempt.SignedAtUtc, attempt.ContentHash,
        attempt.AnnulledAtUtc, attempt.AcknowledgedAtUtc, rubric);
}

public static class AttemptRecords
{
    /// <summary>The attempts matching <paramref name="filter"/>, as rows (filter here: the projection cannot be filtered afterwards).</summary>
    public static IQueryable<AttemptRow> Query(LmsDbContext db, Expression<Func<DrillAttempt, bool>> filter) =>
        from a in db.DrillAttempts.AsNoTracking().Where(filter)
        join drill in db.Drills on a.DrillRevision!.DrillId equals drill.Id
        select new AttemptRow(
            a.Id, a.SessionId, a.Session!.HeldOn, a.Session.SiteId, a.CandidateId, a.CorrectsAttemptId, a.Comment,
            a.Scores.OrderBy(s => s.Id).Select(s => new ScoreRow(s.CriterionKey, s.Score, s.Comment, s.EvidenceClipSlug, s.EvidenceAtSeconds)).ToList(),
            a.PercentTenths, a.Passed, a.ValidThrough, a.RetakeFrom, a.SignedById, a.SignedAtUtc, a.ContentHash, a.AnnulledAtUtc, a.AcknowledgedAtUtc,
            new RubricContext(drill.Id, drill.Slug, a.DrillRevisionId, a.DrillRevision!.Version, a.DrillRevision!.ContentHash,
                new LocalizedText(a.DrillRevision!.Title.Zh, a.DrillRevision!.Title.En),
                a.DrillRevision!.PassMark, a.DrillRevision!.ValidityMonths, a.DrillRevision!.RetakeWaitDays, a.DrillRevision!.Criteria));

    public static IQueryable<RubricContext> Rubrics(LmsDbContext db, Expression<Func<DrillRevision, bool>> filter) =>
        from revision in db.DrillRevisions.AsNoTracking().Where(filter)
        join drill in db.Drills on revision.DrillId equals drill.Id
        select new RubricContext(drill.Id, drill.Slug, revision.Id, revision.Version, revision.ContentHash, new LocalizedText(revision.Title.Zh, revision.Title.En),
            revision.PassMark, revision.ValidityMonths, revision.RetakeWaitDays, revision.Criteria);

    /// <summary>
    /// Signs a complete draft: the rule's result, the dates that follow from it, the signer, the time, and the hash
    /// over all of it. Nothing else ever sets these fields.
    /// </summary>
    internal static void Seal(DrillAttempt attempt, DrillSession session, RubricContext rubric, string signerId, DateTime nowUtc)
    {
        nowUtc = StoredTime.Of(nowUtc);
        var outcome = DrillScoring.Evaluate(rubric.Criteria, rubric.PassMark, attempt.Scores.ToDictionary(s => s.CriterionKey, s => s.Score));
        if (!outcome.Complete) throw new InvalidOperationException($"Attempt {attempt.Id} is not fully scored.");
        attempt.PercentTenths = outcome.PercentTenths;
        attempt.Passed = outcome.Passed;
        attempt.ValidThrough = outcome.Passed ? DrillDates.ValidThrough(session.HeldOn, rubric.ValidityMonths) : null;
        attempt.RetakeFrom = outcome.Passed ? null : DrillDates.RetakeFrom(session.HeldOn, rubric.RetakeWaitDays);
        attempt.SignedById = signerId;
        attempt.SignedAtUtc = nowUtc;
        attempt.UpdatedAtUtc = nowUtc;
        attempt.ContentHash = AttemptRow.From(attempt, session, rubric).Record()!.Hash();
    }
}
