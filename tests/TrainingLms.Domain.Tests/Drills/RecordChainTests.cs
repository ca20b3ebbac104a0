using System.Security.Cryptography;
using TrainingLms.Domain.Drills;

namespace TrainingLms.Domain.Tests.Drills;

public class RecordChainTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(RecordChain.KeyBytes);
    private static readonly DateTime Now = new(2026, 12, 6, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>Three results and a certificate, chained in that order, and the records as they stand.</summary>
    private static (List<RecordChainLink> Links, List<ChainedRecordState> Records) Chain()
    {
        var records = new List<ChainedRecordState>
        {
            new(ChainedRecordKind.DrillResult, "1", "h1", "h1"),
            new(ChainedRecordKind.DrillResult, "2", "h2", "h2"),
            new(ChainedRecordKind.Certificate, "ABCD-EFGH-JKMN-PQRS", "hc", "hc"),
            new(ChainedRecordKind.DrillResult, "3", "h3", "h3"),
        };
        var links = new List<RecordChainLink>();
        RecordChainLink? head = null;
        foreach (var record in records) links.Add(head = RecordChain.Append(head, record.Kind, record.Key, record.StoredHash!, Now, Key));
        return (links, records);
    }

    [Fact]
    public void Verify_IntactChain_NoBreaks()
    {
        var (links, records) = Chain();

        Assert.Empty(RecordChain.Verify(links, records, Key));
        Assert.Equal([1L, 2, 3, 4], links.Select(l => l.Sequence));
        Assert.Equal(links[1].Mac, links[2].PreviousMac);
    }

    [Fact]
    public void Verify_RecordEdited_BreaksAtItsLink()
    {
        var (links, records) = Chain();
        records[1] = records[1] with { CurrentHash = "edited" };

        Assert.Equal([new ChainBreak(2, ChainedRecordKind.DrillResult, "2", ChainBreakReason.RecordChanged)], RecordChain.Verify(links, records, Key));
    }

    [Fact]
    public void Verify_RecordEditedAndItsOwnHashRedone_StillBreaksAtItsLink()
    {
        var (links, records) = Chain();
        records[1] = records[1] with { StoredHash = "redone", CurrentHash = "redone" };

        Assert.Equal(ChainBreakReason.RecordChanged, Assert.Single(RecordChain.Verify(links, records, Key)).Reason);
    }

    [Fact]
    public void Verify_LinkRewrittenWithoutTheKey_BreaksAsAltered()
    {
        var (links, records) = Chain();
        records[1] = records[1] with { StoredHash = "redone", CurrentHash = "redone" };
        links[1].ContentHash = "redone";
        links[1].Mac = RecordChain.Mac(links[1], RandomNumberGenerator.GetBytes(RecordChain.KeyBytes));
        links[2].PreviousMac = links[1].Mac;

        var breaks = RecordChain.Verify(links, records, Key);

        Assert.Equal([(2L, ChainBreakReason.LinkAltered), (3L, ChainBreakReason.LinkAltered)], breaks.Select(b => (b.Sequence!.Value, b.Reason)));
    }

    [Fact]
    public void Verify_RecordDeleted_BreaksAtItsLink()
    {
        var (links, records) = Chain();
        records.RemoveAt(2);

        Assert.Equal([new ChainBreak(3, ChainedRecordKind.Certificate, "ABCD-EFGH-JKMN-PQRS", ChainBreakReason.RecordDeleted)], RecordChain.Verify(links, records, Key));
    }

    [Fact]
    public void Verify_RecordAndItsLinkDeleted_BreaksWhereLinksAreMissing()
    {
        var (links, records) = Chain();
        records.RemoveAt(1);
        links.RemoveAt(1);

        Assert.Equal([new ChainBreak(3, ChainedRecordKind.Certificate, "ABCD-EFGH-JKMN-PQRS", ChainBreakReason.LinksMissing)], RecordChain.Verify(links, records, Key));
    }

    [Fact]
    public void Verify_RecordNobodyChained_IsABreakAfterTheChain()
    {
        var (links, records) = Chain();
        records.Add(new(ChainedRecordKind.DrillResult, "9", "h9", "h9"));

        Assert.Equal([new ChainBreak(null, ChainedRecordKind.DrillResult, "9", ChainBreakReason.RecordNotChained)], RecordChain.Verify(links, records, Key));
    }

    [Fact]
    public void Verify_AnotherKey_BreaksAtTheFirstLink()
    {
        var (links, records) = Chain();

        var breaks = RecordChain.Verify(links, records, RandomNumberGenerator.GetBytes(RecordChain.KeyBytes));

        Assert.Equal(1, breaks[0].Sequence);
        Assert.All(breaks, b => Assert.Equal(ChainBreakReason.LinkAltered, b.Reason));
    }

    [Fact]
    public void AnnulmentHash_CoversTheMarkOnTheAttempt()
    {
        var annulment = new DrillAnnulment { Id = 4, AttemptId = 2, Reason = "误记", RequestedById = "t-1", RequestedAtUtc = Now, CountersignedById = "t-2", CountersignedAtUtc = Now };

        Assert.NotEqual(RecordChain.AnnulmentHash(annulment, Now), RecordChain.AnnulmentHash(annulment, null));
        Assert.Equal(RecordChain.AnnulmentHash(annulment, Now), RecordChain.AnnulmentHash(annulment, Now));
    }
}
