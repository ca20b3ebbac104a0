using TrainingLms.Domain.Drills;

namespace TrainingLms.Web.Features.Drills.Certificates;

/// <summary>
/// What the public verification page may say about a certificate: the name on it, what it certifies and when,
/// and whether it holds now. Nothing else about the person (no employee number, phone, site or trainer).
/// </summary>
public sealed record VerifiedCertificate(string Code, string FullName, string CompanyName, IReadOnlyList<CertifiedItem> Items, DateOnly IssuedOn, DateOnly ValidThrough, CertificateStatus Status);

public sealed class CertificateVerification(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock)
{
    public async Task<VerifiedCertificate?> VerifyAsync(string? typedCode, CancellationToken cancellationToken = default)
    {
        if (VerificationCode.Normalise(typedCode) is not { } code) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, cancellationToken) is not { } certificate) return null;
        var intact = await IntactBasesAsync(db, [certificate], cancellationToken);
        var company = await db.Companies.OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        return new VerifiedCertificate(certificate.Code, certificate.FullName, company, certificate.Items, certificate.IssuedOn, certificate.ValidThrough,
            certificate.StatusAt(clock.GetUtcNow().UtcDateTime, intact.Contains(certificate.Id)));
    }

    public async Task<(Certificate Certificate, CertificateStatus Status)?> FindAsync(string? typedCode, CancellationToken cancellationToken = default)
    {
        if (VerificationCode.Normalise(typedCode) is not { } code) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, cancellationToken) is not { } certificate) return null;
        var intact = await IntactBasesAsync(db, [certificate], cancellationToken);
        return (certificate, certificate.StatusAt(clock.GetUtcNow().UtcDateTime, intact.Contains(certificate.Id)));
    }

    /// <summary>The certificates whose every drill result is still a signed, unannulled pass matching its hash.</summary>
    internal static async Task<HashSet<int>> IntactBasesAsync(LmsDbContext db, IReadOnlyList<Certificate> certificates, CancellationToken cancellationToken)
    {
        var attemptIds = certificates.SelectMany(c => c.BasisAttemptIds).Distinct().ToList();
        if (attemptIds.Count == 0) return IntactBases(certificates, []);
        return IntactBases(certificates, await AttemptRecords.Query(db, a => attemptIds.Contains(a.Id)).ToListAsync(cancellationToken));
    }

    /// <param name="attempts">The attempts the certificates rest on (more do no harm), as the caller has read them.</param>
    internal static HashSet<int> IntactBases(IReadOnlyList<Certificate> certificates, IEnumerable<AttemptRow> attempts)
    {
        var sound = attempts.Where(a => a.IsValidPass).Select(a => a.Id).ToHashSet();
        return [.. certificates.Where(c => c.BasisAttemptIds.All(sound.Contains)).Select(c => c.Id)];
    }
}
