using Microsoft.Extensions.Options;
using TrainingLms.Web.Features.Printables.Rendering;
using TrainingLms.Web.Infrastructure.Pdf;

namespace TrainingLms.Web.Tests.Features.Printables;

/// <summary>The layout measured with the real Noto CJK font: text that does not fit shrinks; nothing is set below the footer.</summary>
public sealed class PrintableLayoutTests : IDisposable
{
    private readonly PdfFont font = new(Options.Create(new PdfOptions()));

    private static LayoutText Text(int sections, int items, string item) => new(
        "服务礼仪口袋卡", "随身带着", null,
        Enumerable.Range(1, sections).Select(s => new LayoutSectionText($"第 {s} 部分", false, Enumerable.Repeat(item, items).ToList())).ToList(),
        "footer");

    private static void AllInside(PageFormat format, IReadOnlyList<IReadOnlyList<(LayoutBlock Block, float Top)>> pages)
    {
        var bottom = format.Height - format.Margin;
        Assert.All(pages.SelectMany(page => page), placed =>
        {
            Assert.True(placed.Top >= format.Margin, $"starts above the margin: {placed.Top}");
            Assert.True(placed.Top + placed.Block.Height <= bottom, $"runs into the footer: {placed.Top + placed.Block.Height} > {bottom}");
        });
    }

    [Fact]
    public void Card_TooMuchText_ShrinksToFrontAndBack()
    {
        var layout = new PrintableLayout(font, PageFormat.A6);
        var text = Text(8, 10, "业主提出问题，无论简单还是复杂，都要有回应：知道答案的，耐心讲清楚；需要查询的，说明我查一下，请稍等。");

        var (pages, scale) = layout.Fit(text);

        Assert.Equal(2, pages.Count);
        Assert.True(scale < 0.8f, $"scale {scale}");
        AllInside(PageFormat.A6, pages);
    }

    [Fact]
    public void Card_ThatFitsOnTwoPages_KeepsItsSizes_AndBalancesFrontAndBack()
    {
        var layout = new PrintableLayout(font, PageFormat.A6);

        var (pages, scale) = layout.Fit(Text(5, 4, "见面：目光相遇时，微笑并点头致意。"));

        Assert.Equal(1f, scale);
        Assert.Equal(2, pages.Count);
        AllInside(PageFormat.A6, pages);
        // A section starts on the page its heading is on: no page ends with a heading.
        Assert.All(pages, page => Assert.Equal(0, page[^1].Block.KeepTogether));
        var fill = pages.Select(page => page[^1].Top + page[^1].Block.Height).ToList();
        Assert.True(Math.Abs(fill[0] - fill[1]) < PageFormat.A6.Height / 3, $"front {fill[0]}, back {fill[1]}");
    }

    [Fact]
    public void Chart_IsOnePage_LargerWhenShort_SmallerWhenLong()
    {
        var layout = new PrintableLayout(font, PageFormat.A3);

        var (shortPages, shortScale) = layout.Fit(Text(2, 3, "见面：目光相遇时，微笑并点头致意。"));
        var (longPages, longScale) = layout.Fit(Text(6, 6, "Greet: once they can hear you clearly, say hello first, looking at them, without a cigarette or hands in pockets."));

        Assert.Single(shortPages);
        Assert.Equal(PageFormat.A3.StartScale, shortScale);
        Assert.Single(longPages);
        Assert.True(longScale < 1f, $"scale {longScale}");
        AllInside(PageFormat.A3, longPages);
    }

    [Fact]
    public void Chart_TooLongEvenAtTheSmallestSize_FlowsOnToAnotherPage_RatherThanOffThePaper()
    {
        var layout = new PrintableLayout(font, PageFormat.A3);

        var (pages, scale) = layout.Fit(Text(8, 10, "Greet: once they can hear you clearly, say hello first, looking at them, without a cigarette or hands in pockets."));

        Assert.True(scale * 0.93f < PageFormat.MinimumScale, $"scale {scale}");
        Assert.Equal(2, pages.Count);
        AllInside(PageFormat.A3, pages);
    }

    public void Dispose() => font.Dispose();
}
