using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TrainingLms.Domain.Drills;

/// <summary>One criterion as it was signed: the score and what the rubric said about its scale and weight.</summary>
public sealed record SignedScore(string Key, int Score, int Max, int Weight, bool MustPass, string Comment, string? EvidenceClipSlug, int? EvidenceAtSeconds);

/// <summary>
/// Everything a signature vouches for. Its canonical form is UTF-8 JSON with a fixed field order, no whitespace,
/// scores sorted by criterion key, dates as yyyy-MM-dd and the signing time as UTC with seven fraction digits;
/// the SHA-256 of that text is stored with the attempt. Any later change to a score, a comment, the result, the
/// signer or the rubric revision gives another hash, so a changed row is found on every read.
/// </summary>
public sealed record SignedRecord(
    int AttemptId, int SessionId, string CandidateId, string DrillSlug, int RevisionId, int RubricVersion, string RubricHash,
    DateOnly HeldOn, int PassMark, IReadOnlyList<SignedScore> Scores, string Comment,
    int PercentTenths, bool Passed, DateOnly? ValidThrough, DateOnly? RetakeFrom, int? CorrectsAttemptId,
    string SignedById, DateTime SignedAtUtc)
{
    /// <summary>Written into the canonical form, so the format can change later without old hashes becoming ambiguous.</summary>
    public const int FormatVersion = 1;

    public string Canonical()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("format", FormatVersion);
            json.WriteNumber("attempt", AttemptId);
            json.WriteNumber("session", SessionId);
            json.WriteString("candidate", CandidateId);
            json.WriteString("drill", DrillSlug);
            json.WriteNumber("revision", RevisionId);
            json.WriteNumber("rubricVersion", RubricVersion);
            json.WriteString("rubricHash", RubricHash);
            json.WriteString("heldOn", Day(HeldOn));
            json.WriteNumber("passMark", PassMark);
            json.WriteStartArray("scores");
            foreach (var score in Scores.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("key", score.Key);
                json.WriteNumber("score", score.Score);
                json.WriteNumber("max", score.Max);
                json.WriteNumber("weight", score.Weight);
                json.WriteBoolean("mustPass", score.MustPass);
                json.WriteString("comment", score.Comment);
                json.WriteString("clip", score.EvidenceClipSlug);
                if (score.EvidenceAtSeconds is { } at) json.WriteNumber("at", at);
                else json.WriteNull("at");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteString("comment", Comment);
            json.WriteNumber("percentTenths", PercentTenths);
            json.WriteBoolean("passed", Passed);
            json.WriteString("validThrough", ValidThrough is { } valid ? Day(valid) : null);
            json.WriteString("retakeFrom", RetakeFrom is { } retake ? Day(retake) : null);
            if (CorrectsAttemptId is { } corrects) json.WriteNumber("corrects", corrects);
            else json.WriteNull("corrects");
            json.WriteString("signedBy", SignedById);
            json.WriteString("signedAt", DateTime.SpecifyKind(SignedAtUtc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical())));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
