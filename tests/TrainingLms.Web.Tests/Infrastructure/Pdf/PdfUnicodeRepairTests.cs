using TrainingLms.Web.Infrastructure.Pdf;

namespace TrainingLms.Web.Tests.Infrastructure.Pdf;

public class PdfUnicodeRepairTests
{
    private static readonly Dictionary<char, char> LookAlikes = new() { ['⼯'] = '工', ['⻅'] = '见', ['⼀'] = '一' };

    private static string Cmap(string mappings) =>
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<<  /Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n" +
        "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n" + mappings + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend";

    [Fact]
    public void RepairCmap_RadicalInACharMapping_ReadsAsTheIdeograph()
    {
        var repaired = PdfUnicodeRepair.RepairCmap(Cmap("2 beginbfchar\n<45> <2F2F>\n<46> <53F7>\nendbfchar\n"), LookAlikes);

        Assert.NotNull(repaired);
        Assert.Contains("<45> <5DE5>", repaired);
        Assert.Contains("<46> <53F7>", repaired);
        Assert.DoesNotContain("2F2F", repaired);
        Assert.EndsWith("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend", repaired);
    }

    [Fact]
    public void RepairCmap_RangesAndListsWithARadical_WrittenOutOneByOne()
    {
        var repaired = PdfUnicodeRepair.RepairCmap(Cmap("2 beginbfrange\n<01> <03> <2EFF>\n<10> <11> [<2EC5> <9762>]\nendbfrange\n"), LookAlikes);

        Assert.NotNull(repaired);
        // 2EFF, 2F00 (⼀ → 一), 2F01 from the range; ⻅ → 见 and 面 from the list.
        Assert.Contains("<01> <2EFF>", repaired);
        Assert.Contains("<02> <4E00>", repaired);
        Assert.Contains("<03> <2F01>", repaired);
        Assert.Contains("<10> <89C1>", repaired);
        Assert.Contains("<11> <9762>", repaired);
        Assert.DoesNotContain("bfrange", repaired);
    }

    [Fact]
    public void RepairCmap_NoRadical_LeftAlone()
    {
        Assert.Null(PdfUnicodeRepair.RepairCmap(Cmap("1 beginbfchar\n<45> <5DE5>\nendbfchar\n"), LookAlikes));
    }

    [Fact]
    public void LookAlikes_RadicalSharingAGlyphWithAnIdeograph_Paired()
    {
        // A pretend font: 工 and ⼯ share glyph 7; ⼈ has a glyph of its own.
        var map = PdfUnicodeRepair.LookAlikes(text => [.. text.Select(c => c switch { '工' or '⼯' => (ushort)7, '⼈' => (ushort)9, _ => (ushort)0 })]);

        Assert.Equal(new Dictionary<char, char> { ['⼯'] = '工' }, map);
    }
}
