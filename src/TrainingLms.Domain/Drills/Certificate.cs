using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TrainingLms.Domain.Courses;

namespace TrainingLms.Domain.Drills;

/// <summary>One line of what a certificate certifies: a drill passed (with its trainer) or a course completed.</summary>
public sealed record CertifiedItem(RequirementKind Kind, string Slug, LocalizedText Title, DateOnly On, int Version, string? TrainerName = null, int? PercentTenths = null);

public enum CertificateStatus
{
    Valid = 1,
    Expired = 2,
    Revoked = 3,

    /// <summary>The stored certificate or a result it rests on no longer matches its hash: it was changed after issue.</summary>
    Invalid = 4,
}

/// <summary>
/// Issued when a person is cleared on the strength of one or more drill passes. What it says is fixed at issue (and
/// hashed); whether it still holds is worked out whenever it is checked, so an edited PDF cannot pass as valid.
/// </summary>
public class Certificate
{
    public int Id { get; set; }

    /// <summary>The public verification code (see <see cref="VerificationCode"/>).</summary>
    public required string Code { get; set; }
    public required string PersonId { get; set; }
    public required string FullName { get; set; }
    public required string EmployeeNumber { get; set; }
    public DateTime IssuedAtUtc { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateOnly ValidThrough { get; set; }
    public required string TimeZoneId { get; set; }
    public List<CertifiedItem> Items { get; set; } = [];

    /// <summary>The drill attempts it rests on, as ",12,40,": one certificate per set of passes, found again by it.</summary>
    public required string BasisKey { get; set; }
    public required string ContentHash { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public string? RevokedReason { get; set; }

    public IReadOnlyList<int> BasisAttemptIds =>
        [.. BasisKey.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture))];

    public static string KeyOf(IEnumerable<int> attemptIds) => "," + string.Join(",", attemptIds.Order()) + ",";

    /// <summary>SHA-256 over the certificate's content as JSON in a fixed order.</summary>
    public string ComputeHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        format = 1, Code, PersonId, FullName, EmployeeNumber,
        IssuedAtUtc = DateTime.SpecifyKind(IssuedAtUtc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
        IssuedOn, ValidThrough, TimeZoneId, Items, BasisKey,
    }))));

    /// <param name="basisIntact">Whether every result it rests on is still signed, unannulled and matches its hash.</param>
    public CertificateStatus StatusAt(DateTime utcNow, bool basisIntact) =>
        RevokedAtUtc is not null ? CertificateStatus.Revoked
        : !basisIntact || ContentHash != ComputeHash() ? CertificateStatus.Invalid
        : DrillDates.IsValid(ValidThrough, utcNow, TimeZoneId) ? CertificateStatus.Valid
        : CertificateStatus.Expired;
}

/// <summary>
/// Verification codes: 16 symbols of Crockford's base 32 (80 random bits), shown in four groups. Typed codes are
/// read leniently: any case, with or without dashes or spaces, O read as 0 and I or L as 1.
/// </summary>
public static class VerificationCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Symbols = 16;

    public static string New()
    {
        Span<byte> random = stackalloc byte[Symbols];
        RandomNumberGenerator.Fill(random);
        var code = new StringBuilder(Symbols + 3);
        for (var i = 0; i < Symbols; i++)
        {
            if (i > 0 && i % 4 == 0) code.Append('-');
            // 256 is a multiple of 32, so taking the low five bits of each byte keeps every symbol equally likely.
            code.Append(Alphabet[random[i] & 31]);
        }
        return code.ToString();
    }

    /// <summary>The code in its stored form, or null when the text cannot be one.</summary>
    public static string? Normalise(string? typed)
    {
        if (typed is null || typed.Length > 40) return null;
        var symbols = new StringBuilder(Symbols);
        foreach (var c in typed.ToUpperInvariant())
        {
            if (c is '-' or ' ') continue;
            var mapped = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (!Alphabet.Contains(mapped, StringComparison.Ordinal)) return null;
            symbols.Append(mapped);
        }
        if (symbols.Length != Symbols) return null;
        for (var at = 12; at > 0; at -= 4) symbols.Insert(at, '-');
        return symbols.ToString();
    }
}
