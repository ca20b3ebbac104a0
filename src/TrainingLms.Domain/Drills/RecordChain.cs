using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TrainingLms.Domain.Drills;

/// <summary>What a link of the record chain vouches for.</summary>
public enum ChainedRecordKind
{
    /// <summary>A signed drill attempt, keyed by its id; its hash is the signed record's (<see cref="SignedRecord"/>).</summary>
    DrillResult = 1,

    /// <summary>An issued certificate, keyed by its verification code.</summary>
    Certificate = 2,

    /// <summary>A countersigned annulment, keyed by its id; its hash covers the annulment and the mark on its attempt.</summary>
    Annulment = 3,
}

/// <summary>
/// One link of the company's record chain: a signed record's kind, key and content hash, the MAC of the link before
/// it, and its own MAC, an HMAC-SHA256 under a secret kept outside the database. Links are only ever appended.
/// </summary>
public class RecordChainLink
{
    /// <summary>1, 2, 3 … with no gaps: the primary key, so two appends at once cannot both take the same place.</summary>
    public long Sequence { get; set; }
    public ChainedRecordKind Kind { get; set; }
    public required string RecordKey { get; set; }
    public required string ContentHash { get; set; }

    /// <summary>The MAC of link <see cref="Sequence"/> − 1; empty for the first link.</summary>
    public required string PreviousMac { get; set; }
    public required string Mac { get; set; }
    public DateTime AppendedAtUtc { get; set; }
}

/// <summary>A record as it stands now, for the check: the hash stored on it and the hash of what it says now.</summary>
public sealed record ChainedRecordState(ChainedRecordKind Kind, string Key, string? StoredHash, string CurrentHash);

public enum ChainBreakReason
{
    /// <summary>Links are missing before this one: deleted from the chain.</summary>
    LinksMissing = 1,

    /// <summary>The link's MAC does not match: it was changed, forged without the key, or the key is not the chain's.</summary>
    LinkAltered = 2,

    /// <summary>The record the link names is gone.</summary>
    RecordDeleted = 3,

    /// <summary>The record no longer hashes to what was chained: changed after signing (even with its stored hash redone).</summary>
    RecordChanged = 4,

    /// <summary>A signed record the chain does not hold: written behind the app's back.</summary>
    RecordNotChained = 5,

    /// <summary>A record that appears in two links.</summary>
    RecordChainedTwice = 6,
}

/// <param name="Sequence">The link where the chain breaks; null for a record that is in no link.</param>
public sealed record ChainBreak(long? Sequence, ChainedRecordKind Kind, string RecordKey, ChainBreakReason Reason);

/// <summary>
/// The rules of the record chain. Each link's MAC covers its place, the record's kind, key and hash, the time it was
/// appended and the previous link's MAC, so deleting, reordering or editing a link, or editing a record and redoing
/// its SHA-256, breaks the chain at that point; only someone holding the key could write a chain that verifies.
/// </summary>
public static class RecordChain
{
    public const int FormatVersion = 1;

    /// <summary>The secret's length in bytes.</summary>
    public const int KeyBytes = 32;

    public static RecordChainLink Append(RecordChainLink? head, ChainedRecordKind kind, string recordKey, string contentHash, DateTime appendedAtUtc, byte[] key)
    {
        var link = new RecordChainLink
        {
            Sequence = (head?.Sequence ?? 0) + 1,
            Kind = kind,
            RecordKey = recordKey,
            ContentHash = contentHash,
            PreviousMac = head?.Mac ?? "",
            Mac = "",
            AppendedAtUtc = DateTime.SpecifyKind(StoredTime.Of(appendedAtUtc), DateTimeKind.Utc),
        };
        link.Mac = Mac(link, key);
        return link;
    }

    public static string Mac(RecordChainLink link, byte[] key)
    {
        var text = string.Join('\n',
            "traininglms-record-chain", FormatVersion.ToString(CultureInfo.InvariantCulture), link.Sequence.ToString(CultureInfo.InvariantCulture),
            ((int)link.Kind).ToString(CultureInfo.InvariantCulture), link.RecordKey, link.ContentHash, link.PreviousMac,
            Utc(link.AppendedAtUtc));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// The hash of a countersigned annulment together with the mark it put on its attempt: clearing the attempt's
    /// annulment mark behind the app's back (to revive a pass) changes it as much as editing the annulment.
    /// </summary>
    public static string AnnulmentHash(DrillAnnulment annulment, DateTime? attemptAnnulledAtUtc)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("format", FormatVersion);
            json.WriteNumber("annulment", annulment.Id);
            json.WriteNumber("attempt", annulment.AttemptId);
            json.WriteString("reason", annulment.Reason);
            json.WriteString("requestedBy", annulment.RequestedById);
            json.WriteString("requestedAt", Utc(annulment.RequestedAtUtc));
            json.WriteString("countersignedBy", annulment.CountersignedById);
            json.WriteString("countersignedAt", annulment.CountersignedAtUtc is { } countersigned ? Utc(countersigned) : null);
            json.WriteString("attemptAnnulledAt", attemptAnnulledAtUtc is { } annulled ? Utc(annulled) : null);
            json.WriteEndObject();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static string Utc(DateTime time) =>
        DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Every break, in chain order, then the records no link holds. An intact chain gives none.</summary>
    /// <param name="links">The chain, ordered by sequence.</param>
    /// <param name="records">Every record that must be chained, as it stands now.</param>
    public static IReadOnlyList<ChainBreak> Verify(IReadOnlyList<RecordChainLink> links, IReadOnlyCollection<ChainedRecordState> records, byte[] key)
    {
        var breaks = new List<ChainBreak>();
        var byKey = records.ToDictionary(r => (r.Kind, r.Key));
        var chained = new HashSet<(ChainedRecordKind, string)>();
        RecordChainLink? previous = null;
        foreach (var link in links)
        {
            var expected = (previous?.Sequence ?? 0) + 1;
            if (link.Sequence != expected) breaks.Add(new(link.Sequence, link.Kind, link.RecordKey, ChainBreakReason.LinksMissing));
            else if (link.PreviousMac != (previous?.Mac ?? "") || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(link.Mac), Encoding.ASCII.GetBytes(Mac(link, key))))
                breaks.Add(new(link.Sequence, link.Kind, link.RecordKey, ChainBreakReason.LinkAltered));

            if (!chained.Add((link.Kind, link.RecordKey))) breaks.Add(new(link.Sequence, link.Kind, link.RecordKey, ChainBreakReason.RecordChainedTwice));
            else if (!byKey.TryGetValue((link.Kind, link.RecordKey), out var record)) breaks.Add(new(link.Sequence, link.Kind, link.RecordKey, ChainBreakReason.RecordDeleted));
            else if (record.StoredHash != link.ContentHash || record.CurrentHash != link.ContentHash)
                breaks.Add(new(link.Sequence, link.Kind, link.RecordKey, ChainBreakReason.RecordChanged));
            previous = link;
        }
        breaks.AddRange(records.Where(r => !chained.Contains((r.Kind, r.Key)))
            .OrderBy(r => r.Kind).ThenBy(r => r.Key.Length).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new ChainBreak(null, r.Kind, r.Key, ChainBreakReason.RecordNotChained)));
        return breaks;
    }
}
