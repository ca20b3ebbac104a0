using TrainingLms.Domain.Drills;

namespace TrainingLms.Web.Features.Drills.Records;

/// <param name="KeyFound">False when the key file is missing: the chain cannot be checked at all.</param>
/// <param name="Records">How many signed records (results, annulments, certificates) the database holds.</param>
/// <param name="Head">The last link: worth noting down elsewhere, since removing the newest links with their records leaves a shorter chain that still holds.</param>
public sealed record RecordChainReport(string KeyPath, bool KeyFound, int Links, int Records, IReadOnlyList<ChainBreak> Breaks, RecordChainLink? Head)
{
    public bool IsIntact => KeyFound && Breaks.Count == 0;
}

/// <summary>Checks the record chain against the signed records as they are now (the `verify-records` command, the clearance board).</summary>
public sealed class RecordChainVerifier(IDbContextFactory<LmsDbContext> dbFactory, RecordChainKey key)
{
    /// <summary>The key of the mark on an attempt annulled with no countersigned annulment behind it.</summary>
    public const string AnnulmentMarkPrefix = "attempt-";

    public async Task<RecordChainReport> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var links = await db.RecordChainLinks.AsNoTracking().OrderBy(l => l.Sequence).ToListAsync(cancellationToken);
        var records = await CurrentRecordsAsync(db, cancellationToken);
        if (!key.Exists) return new(key.FilePath, false, links.Count, records.Count, [], links.LastOrDefault());
        return new(key.FilePath, true, links.Count, records.Count, RecordChain.Verify(links, records, key.Value), links.LastOrDefault());
    }

    /// <summary>Every record that must be in the chain, with the hash it stores and the hash of what it says now, oldest first.</summary>
    internal static async Task<List<ChainedRecordState>> CurrentRecordsAsync(LmsDbContext db, CancellationToken cancellationToken)
    {
        var records = new List<(DateTime At, ChainedRecordState State)>();
        foreach (var attempt in await AttemptRecords.Query(db, a => a.SignedAtUtc != null).ToListAsync(cancellationToken))
            records.Add((attempt.SignedAtUtc!.Value, new(ChainedRecordKind.DrillResult, Key(attempt.Id), attempt.ContentHash, attempt.Record()?.Hash() ?? "")));

        var annulments = await db.DrillAnnulments.AsNoTracking().Where(a => a.CountersignedAtUtc != null)
            .Select(a => new { Annulment = a, AttemptAnnulledAt = db.DrillAttempts.Where(t => t.Id == a.AttemptId).Select(t => t.AnnulledAtUtc).SingleOrDefault() })
            .ToListAsync(cancellationToken);
        foreach (var a in annulments)
        {
            var hash = RecordChain.AnnulmentHash(a.Annulment, a.AttemptAnnulledAt);
            records.Add((a.Annulment.CountersignedAtUtc!.Value, new(ChainedRecordKind.Annulment, Key(a.Annulment.Id), hash, hash)));
        }
        var marked = await db.DrillAttempts.AsNoTracking()
            .Where(t => t.AnnulledAtUtc != null && !db.DrillAnnulments.Any(a => a.AttemptId == t.Id && a.CountersignedAtUtc != null))
            .Select(t => new { t.Id, t.AnnulledAtUtc }).ToListAsync(cancellationToken);
        records.AddRange(marked.Select(t => (t.AnnulledAtUtc!.Value, new ChainedRecordState(ChainedRecordKind.Annulment, AnnulmentMarkPrefix + Key(t.Id), "", ""))));

        foreach (var certificate in await db.Certificates.AsNoTracking().ToListAsync(cancellationToken))
            records.Add((certificate.IssuedAtUtc, new(ChainedRecordKind.Certificate, certificate.Code, certificate.ContentHash, certificate.ComputeHash())));
        return [.. records.OrderBy(r => r.At).ThenBy(r => r.State.Kind).ThenBy(r => r.State.Key, StringComparer.Ordinal).Select(r => r.State)];
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
