using TrainingLms.Domain.Drills;

namespace TrainingLms.Domain.Tests.Drills;

public class SignedRecordTests
{
    private static readonly SignedRecord Record = new(
        AttemptId: 7, SessionId: 3, CandidateId: "p-1", DrillSlug: "pre-posting", RevisionId: 2, RubricVersion: 1, RubricHash: "abc",
        HeldOn: new DateOnly(2026, 6, 1), PassMark: 80,
        Scores: [new("smile", 4, 4, 2, true, "自然", null, null), new("greet", 3, 4, 2, true, "", "smile-demo", 95)],
        Comment: "良好", PercentTenths: 875, Passed: true, ValidThrough: new DateOnly(2027, 5, 31), RetakeFrom: null, CorrectsAttemptId: null,
        SignedById: "t-1", SignedAtUtc: new DateTime(2026, 6, 1, 9, 30, 0, DateTimeKind.Utc).AddTicks(1234567));

    [Fact]
    public void Hash_IsSha256Hex_AndStable()
    {
        var hash = Record.Hash();

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, (Record with { }).Hash());
        Assert.Contains("\"signedAt\":\"2026-06-01T09:30:00.1234567Z\"", Record.Canonical());
    }

    [Fact]
    public void Hash_DoesNotDependOnTheOrderScoresWereRead()
    {
        var reordered = Record with { Scores = [.. Record.Scores.Reverse()] };

        Assert.Equal(Record.Hash(), reordered.Hash());
    }

    [Fact]
    public void Hash_TimeReadBackWithoutKind_IsTheSame()
    {
        // SQLite gives times back without a kind.
        var readBack = Record with { SignedAtUtc = DateTime.SpecifyKind(Record.SignedAtUtc, DateTimeKind.Unspecified) };

        Assert.Equal(Record.Hash(), readBack.Hash());
    }

    public static TheoryData<string, SignedRecord> Changes => new()
    {
        { "a score", Record with { Scores = [Record.Scores[0] with { Score = 3 }, Record.Scores[1]] } },
        { "a criterion comment", Record with { Scores = [Record.Scores[0] with { Comment = "自然!" }, Record.Scores[1]] } },
        { "the evidence time", Record with { Scores = [Record.Scores[0], Record.Scores[1] with { EvidenceAtSeconds = 96 }] } },
        { "the evidence clip", Record with { Scores = [Record.Scores[0], Record.Scores[1] with { EvidenceClipSlug = null }] } },
        { "the overall comment", Record with { Comment = "优秀" } },
        { "the result", Record with { Passed = false } },
        { "the percent", Record with { PercentTenths = 876 } },
        { "the validity", Record with { ValidThrough = new DateOnly(2027, 6, 30) } },
        { "the signer", Record with { SignedById = "t-2" } },
        { "the signing time", Record with { SignedAtUtc = Record.SignedAtUtc.AddTicks(1) } },
        { "the candidate", Record with { CandidateId = "p-2" } },
        { "the rubric revision", Record with { RevisionId = 3 } },
        { "the rubric's content", Record with { RubricHash = "abd" } },
        { "a criterion's weight", Record with { Scores = [Record.Scores[0] with { Weight = 1 }, Record.Scores[1]] } },
        { "the date held", Record with { HeldOn = new DateOnly(2026, 6, 2) } },
        { "what it corrects", Record with { CorrectsAttemptId = 6 } },
        { "a criterion dropped", Record with { Scores = [Record.Scores[0]] } },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Hash_AnyChange_GivesAnotherHash(string change, SignedRecord changed)
    {
        Assert.True(Record.Hash() != changed.Hash(), $"changing {change} kept the hash");
    }
}
