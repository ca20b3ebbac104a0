using TrainingLms.Domain.Drills;
using TrainingLms.Web.Features.Drills.Clearance;
using TrainingLms.Web.Features.Content;
using TrainingLms.Web.Features.Courses.Caching;

namespace TrainingLms.Web.Features.Drills.Certificates;

public sealed record CertificateSummary(int Id, string Code, DateOnly IssuedOn, DateOnly ValidThrough, CertificateStatus Status);

/// <summary>
/// Issues a certificate when a person is cleared on drill passes — right after the sign-off that clears them, or
/// the next time their clearance is looked at when the last missing course was finished later. One certificate per
/// set of passes; annulling a pass revokes the certificates resting on it.
/// </summary>
public sealed class CertificateIssuer(
    IDbContextFactory<LmsDbContext> dbFactory, ClearanceService clearance, LearningChanges learningChanges, CacheChangeLog changeLog, TimeProvider clock, ILogger<CertificateIssuer> logger)
{
    public async Task<Certificate?> IssueIfClearedAsync(string personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if ((await clearance.EvaluateAsync(db, db.Users.Where(p => p.Id == personId && p.IsActive), cancellationToken)).SingleOrDefault() is not { Result: { IsCleared: true, Basis.Count: > 0 } result } person)
            return null;
        var basisKey = Certificate.KeyOf(result.Basis.Select(b => b.AttemptId));
        if (await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.PersonId == personId && c.BasisKey == basisKey, cancellationToken) is { } existing) return existing;

        var now = StoredTime.Of(clock.GetUtcNow().UtcDateTime);
        var zone = person.Person.TimeZoneId ?? SiteTime.DefaultTimeZoneId;
        var certificate = new Certificate
        {
            Code = VerificationCode.New(),
            PersonId = personId,
            FullName = person.Person.FullName,
            EmployeeNumber = person.Person.EmployeeNumber,
            IssuedAtUtc = now,
            IssuedOn = SiteTime.Today(now, zone),
            ValidThrough = result.ValidThrough!.Value,
            TimeZoneId = zone,
            Items = await ItemsAsync(db, personId, person.Required, result, now, cancellationToken),
            BasisKey = basisKey,
            ContentHash = "",
        };
        certificate.ContentHash = certificate.ComputeHash();
        db.Certificates.Add(certificate);
        if (await UniqueIndex.SaveOnceAsync(db, cancellationToken))
        {
            logger.LogInformation("Certificate {Code} issued to {Person}", certificate.Code, personId);
            return certificate;
        }
        // Issued at the same moment by another request (the sign-off and the person's page): that one stands.
        return await db.Certificates.AsNoTracking().SingleAsync(c => c.PersonId == personId && c.BasisKey == basisKey, cancellationToken);
    }

    public async Task RevokeForAttemptAsync(int attemptId, string reason, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = $",{attemptId},";
        var revoked = await db.Certificates.Where(c => c.RevokedAtUtc == null && c.BasisKey.Contains(key))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedAtUtc, clock.GetUtcNow().UtcDateTime).SetProperty(c => c.RevokedReason, reason), cancellationToken);
        // Past the change tracker, so counted here: the home pages keep their people's certificates (DrillHomeQueries.MineAsync).
        if (revoked == 0) return;
        learningChanges.ClearanceChanged();
        await changeLog.WriteAsync(db, CacheChangeKind.Clearance, cancellationToken);
    }

    public async Task<IReadOnlyList<CertificateSummary>> OfPersonAsync(string personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var certificates = await StoredOfPersonAsync(db, personId, cancellationToken);
        return Summaries(certificates, await CertificateVerification.IntactBasesAsync(db, certificates, cancellationToken));
    }

    /// <summary>The person's certificates, newest first, as stored.</summary>
    public static async Task<IReadOnlyList<Certificate>> StoredOfPersonAsync(LmsDbContext db, string personId, CancellationToken cancellationToken = default) =>
        await db.Certificates.AsNoTracking().Where(c => c.PersonId == personId).OrderByDescending(c => c.IssuedAtUtc).ToListAsync(cancellationToken);

    /// <summary>The person's certificates and their status, judged on the person's signed results as the caller has read them.</summary>
    public IReadOnlyList<CertificateSummary> OfPerson(IReadOnlyList<Certificate> certificates, IReadOnlyList<AttemptRow> signedRows) =>
        Summaries(certificates, CertificateVerification.IntactBases(certificates, signedRows));

    private List<CertificateSummary> Summaries(IReadOnlyList<Certificate> certificates, HashSet<int> intact)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return [.. certificates.Select(c => new CertificateSummary(c.Id, c.Code, c.IssuedOn, c.ValidThrough, c.StatusAt(now, intact.Contains(c.Id))))];
    }

    /// <summary>The drills the clearance rests on (with trainer and result) and the required courses (with the version completed).</summary>
    private static async Task<List<CertifiedItem>> ItemsAsync(LmsDbContext db, string personId, IReadOnlyList<Requirement> required, ClearanceResult result, DateTime now, CancellationToken cancellationToken)
    {
        var attemptIds = result.Basis.Select(b => b.AttemptId).ToList();
        var drills = await AttemptRecords.Query(db, a => attemptIds.Contains(a.Id)).ToListAsync(cancellationToken);
        var signers = drills.Select(d => d.SignedById).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(p => signers.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
        var courseSlugs = required.Where(r => r.Kind == RequirementKind.Course).Select(r => r.Slug).ToList();
        var courses = await db.Courses.AsNoTracking().Where(c => courseSlugs.Contains(c.Slug) && c.CurrentRevisionId != null)
            .Select(c => new
            {
                c.Slug, c.CurrentRevision!.Title, c.CurrentRevision.Version,
                Completed = db.CourseCompletions.Where(d => d.CourseId == c.Id && d.PersonId == personId).Max(d => (DateTime?)d.CompletedAtUtc),
            })
            .OrderBy(c => c.Slug).ToListAsync(cancellationToken);
        var zone = await db.Users.Where(p => p.Id == personId).Select(p => p.Site!.TimeZoneId).SingleOrDefaultAsync(cancellationToken);
        return
        [
            .. drills.OrderBy(d => d.Rubric.DrillSlug).Select(d => new CertifiedItem(RequirementKind.Drill, d.Rubric.DrillSlug, d.Rubric.Title, d.HeldOn, d.Rubric.Version,
                names.GetValueOrDefault(d.SignedById!), d.PercentTenths)),
            .. courses.Select(c => new CertifiedItem(RequirementKind.Course, c.Slug, c.Title,
                SiteTime.Today(c.Completed ?? now, zone), c.Version)),
        ];
    }
}
