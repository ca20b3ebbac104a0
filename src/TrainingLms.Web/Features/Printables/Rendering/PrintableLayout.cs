using SkiaSharp;
using TrainingLms.Web.Infrastructure.Pdf;

namespace TrainingLms.Web.Features.Printables.Rendering;

/// <summary>A piece of a page that is never split: a header, a section heading, one item, a row of words.</summary>
/// <param name="KeepTogether">The height of what should start on the same page as this block (a section under its
/// heading): when that does not fit below but would fit on a fresh page, the block moves to the next page.</param>
public sealed record LayoutBlock(float Height, float SpaceAfter, bool KeepWithNext, Action<SKCanvas, float> Draw)
{
    public float KeepTogether { get; init; }
}

/// <summary>What goes on a printable's pages, at one scale: the texts measured and wrapped to the page's width.</summary>
public sealed record LayoutText(string Title, string? Subtitle, string? Label, IReadOnlyList<LayoutSectionText> Sections, string Footer);

public sealed record LayoutSectionText(string Heading, bool Words, IReadOnlyList<string> Items);

/// <summary>
/// Sets a printable's text on its pages: measures every line with the font, wraps it to the width, and moves whole blocks
/// to the next page. When the text needs more pages than the format allows, every size shrinks a step and the text is set
/// again, so nothing runs off the paper; the smallest scale is <see cref="PageFormat.MinimumScale"/>.
/// </summary>
public sealed class PrintableLayout(PdfFont pdfFont, PageFormat format)
{
    public static readonly SKColor Primary = new(0x0b, 0x6e, 0x4f);
    private static readonly SKColor Tint = new(0xe4, 0xf1, 0xeb);
    private static readonly SKColor Muted = new(0x5a, 0x6b, 0x63);

    private float ContentWidth => format.Width - 2 * format.Margin;

    /// <summary>The pages, each a list of blocks with their tops, and the scale they were set at.</summary>
    public (IReadOnlyList<IReadOnlyList<(LayoutBlock Block, float Top)>> Pages, float Scale) Fit(LayoutText text)
    {
        for (var scale = format.StartScale; ; scale *= 0.93f)
        {
            var blocks = Blocks(text, scale);
            var pages = Paginate(blocks, scale, breakBefore: null, out var overflows);
            if ((pages.Count <= format.MaxPages && !overflows) || scale * 0.93f < PageFormat.MinimumScale) return (Balanced(blocks, scale, pages), scale);
        }
    }

    /// <summary>
    /// The front and back of a card hold about as much as each other: of the ways to start the next page at a section
    /// heading that need no more pages, the one whose fullest page is least full.
    /// </summary>
    private List<IReadOnlyList<(LayoutBlock, float)>> Balanced(List<LayoutBlock> blocks, float scale, List<IReadOnlyList<(LayoutBlock, float)>> pages)
    {
        if (pages.Count < 2) return pages;
        var best = pages;
        foreach (var heading in Enumerable.Range(1, blocks.Count - 1).Where(i => blocks[i].KeepTogether > 0))
        {
            var candidate = Paginate(blocks, scale, heading, out var overflows);
            if (!overflows && candidate.Count == pages.Count && Fullest(candidate) < Fullest(best)) best = candidate;
        }
        return best;
    }

    private static float Fullest(List<IReadOnlyList<(LayoutBlock Block, float Top)>> pages) =>
        pages.Max(page => page[^1].Top + page[^1].Block.Height);

    public void Draw(SKDocument document, LayoutText text)
    {
        var (pages, scale) = Fit(text);
        for (var number = 0; number < pages.Count; number++)
        {
            var canvas = document.BeginPage(format.Width, format.Height);
            foreach (var (block, top) in pages[number]) block.Draw(canvas, top);
            DrawFooter(canvas, text.Footer, pages.Count > 1 ? $"{number + 1}/{pages.Count}" : null, scale);
            document.EndPage();
        }
    }

    private float FooterHeight(float scale) => format.Footer * scale * 2.2f;

    private List<IReadOnlyList<(LayoutBlock, float)>> Paginate(List<LayoutBlock> blocks, float scale, int? breakBefore, out bool overflows)
    {
        var bottom = format.Height - format.Margin - FooterHeight(scale);
        var pages = new List<IReadOnlyList<(LayoutBlock, float)>>();
        var page = new List<(LayoutBlock, float)>();
        var y = format.Margin;
        overflows = false;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var needed = block.Height + (block.KeepWithNext && i + 1 < blocks.Count ? block.SpaceAfter + blocks[i + 1].Height : 0);
            if (block.KeepTogether <= bottom - format.Margin) needed = Math.Max(needed, block.KeepTogether);
            if (page.Count > 0 && (y + needed > bottom || i == breakBefore))
            {
                pages.Add(page);
                page = [];
                y = format.Margin;
            }
            page.Add((block, y));
            y += block.Height;
            overflows |= y > bottom;
            y += block.SpaceAfter;
        }
        if (page.Count > 0) pages.Add(page);
        return pages;
    }

    private List<LayoutBlock> Blocks(LayoutText text, float scale)
    {
        var blocks = new List<LayoutBlock> { Header(text, scale) };
        foreach (var section in text.Sections)
        {
            var heading = Heading(section.Heading, scale);
            var body = section.Words ? [Words(section.Items, scale)]
                : section.Items.Select((item, i) => Item(item, scale, last: i == section.Items.Count - 1)).ToList();
            var whole = heading.Height + heading.SpaceAfter + body.Sum(b => b.Height + b.SpaceAfter) - (body.LastOrDefault()?.SpaceAfter ?? 0);
            blocks.Add(heading with { KeepTogether = whole });
            blocks.AddRange(body);
        }
        return blocks;
    }

    private LayoutBlock Header(LayoutText text, float scale)
    {
        var (titleSize, subtitleSize) = (format.Title * scale, format.Subtitle * scale);
        var pad = format.HeaderBand ? titleSize * 0.6f : 0;
        var width = ContentWidth - 2 * pad;
        var title = Lines(text.Title, titleSize, width);
        var subtitle = text.Subtitle is null ? [] : Lines(text.Subtitle, subtitleSize, width);
        var label = text.Label is null ? [] : Lines(text.Label, subtitleSize, width);
        var textHeight = title.Count * titleSize * 1.3f + (subtitle.Count + label.Count) * subtitleSize * 1.45f;
        var height = textHeight + 2 * pad + (format.HeaderBand ? 0 : subtitleSize * 0.8f);
        return new LayoutBlock(height, format.Heading * scale * 0.9f, KeepWithNext: true, (canvas, top) =>
        {
            var (ink, soft) = format.HeaderBand ? (SKColors.White, new SKColor(0xdc, 0xef, 0xe6)) : (Primary, Muted);
            if (format.HeaderBand)
            {
                using var band = new SKPaint { Color = Primary, IsAntialias = true };
                canvas.DrawRoundRect(format.Margin, top, ContentWidth, height, titleSize * 0.3f, titleSize * 0.3f, band);
            }
            var y = top + pad;
            y = DrawLines(canvas, title, titleSize, 1.3f, ink, format.Margin + pad, y);
            y = DrawLines(canvas, subtitle, subtitleSize, 1.45f, soft, format.Margin + pad, y);
            DrawLines(canvas, label, subtitleSize, 1.45f, soft, format.Margin + pad, y);
            if (!format.HeaderBand)
            {
                using var rule = new SKPaint { Color = Primary, StrokeWidth = Math.Max(0.6f, subtitleSize * 0.12f), IsAntialias = true };
                canvas.DrawLine(format.Margin, top + height - subtitleSize * 0.3f, format.Margin + ContentWidth, top + height - subtitleSize * 0.3f, rule);
            }
        });
    }

    private LayoutBlock Heading(string heading, float scale)
    {
        var size = format.Heading * scale;
        var lines = Lines(heading, size, ContentWidth - size * 1.2f);
        var height = lines.Count * size * 1.3f + size * 0.5f;
        return new LayoutBlock(height, format.Item * scale * 0.45f, KeepWithNext: true, (canvas, top) =>
        {
            using var tint = new SKPaint { Color = Tint, IsAntialias = true };
            canvas.DrawRect(format.Margin, top, ContentWidth, height, tint);
            using var bar = new SKPaint { Color = Primary, IsAntialias = true };
            canvas.DrawRect(format.Margin, top, size * 0.3f, height, bar);
            DrawLines(canvas, lines, size, 1.3f, Primary, format.Margin + size * 0.7f, top + size * 0.25f);
        });
    }

    private LayoutBlock Item(string item, float scale, bool last)
    {
        var size = format.Item * scale;
        var indent = size * 1.1f;
        var lines = Lines(item, size, ContentWidth - indent);
        var height = lines.Count * size * 1.4f;
        var term = Term(item);
        return new LayoutBlock(height, last ? format.Heading * scale * 0.9f : size * 0.3f, KeepWithNext: false, (canvas, top) =>
        {
            using var dot = new SKPaint { Color = Primary, IsAntialias = true };
            canvas.DrawCircle(format.Margin + size * 0.4f, top + size * 0.75f, size * 0.17f, dot);
            var x = format.Margin + indent;
            // The term before the colon ("见面：", "Meet:") is set in the accent colour, when it fits on the first line.
            if (term is not null && lines[0].StartsWith(term, StringComparison.Ordinal))
            {
                using var font = pdfFont.Font(size);
                using var accent = new SKPaint { Color = Primary, IsAntialias = true };
                using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
                var baseline = top + Baseline(size, 1.4f);
                canvas.DrawText(term, x, baseline, SKTextAlign.Left, font, accent);
                canvas.DrawText(lines[0][term.Length..], x + font.MeasureText(term), baseline, SKTextAlign.Left, font, ink);
                DrawLines(canvas, lines.Skip(1).ToList(), size, 1.4f, SKColors.Black, x, top + size * 1.4f);
            }
            else DrawLines(canvas, lines, size, 1.4f, SKColors.Black, x, top);
        });
    }

    /// <summary>Short words side by side, each in an outlined box, as many rows as they need.</summary>
    private LayoutBlock Words(IReadOnlyList<string> words, float scale)
    {
        var size = format.Item * scale * 1.1f;
        var (padX, gap, rowHeight) = (size * 0.6f, size * 0.5f, size * 2.1f);
        using var measure = pdfFont.Font(size);
        var placed = new List<(string Word, float X, int Row, float Width)>();
        var (x, row) = (0f, 0);
        foreach (var word in words)
        {
            var width = Math.Min(measure.MeasureText(word) + 2 * padX, ContentWidth);
            if (x > 0 && x + width > ContentWidth) (x, row) = (0, row + 1);
            placed.Add((word, x, row, width));
            x += width + gap;
        }
        var height = (row + 1) * rowHeight - (rowHeight - size * 1.7f);
        return new LayoutBlock(height, format.Heading * scale * 0.9f, KeepWithNext: false, (canvas, top) =>
        {
            using var font = pdfFont.Font(size);
            using var box = new SKPaint { Color = Primary, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(0.5f, size * 0.08f), IsAntialias = true };
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            foreach (var (word, left, line, width) in placed)
            {
                var boxTop = top + line * rowHeight;
                canvas.DrawRoundRect(format.Margin + left, boxTop, width, size * 1.7f, size * 0.35f, size * 0.35f, box);
                canvas.DrawText(word, format.Margin + left + width / 2, boxTop + size * 1.2f, SKTextAlign.Center, font, ink);
            }
        });
    }

    private void DrawFooter(SKCanvas canvas, string footer, string? pageNumber, float scale)
    {
        var size = format.Footer * scale;
        using var font = pdfFont.Font(size);
        using var paint = new SKPaint { Color = Muted, IsAntialias = true };
        var baseline = format.Height - format.Margin - size * 0.3f;
        var numberWidth = pageNumber is null ? 0 : font.MeasureText(pageNumber) + size;
        var text = PdfFont.Wrap(footer, font, ContentWidth - numberWidth).FirstOrDefault() ?? "";
        canvas.DrawText(text, format.Margin, baseline, SKTextAlign.Left, font, paint);
        if (pageNumber is not null) canvas.DrawText(pageNumber, format.Margin + ContentWidth, baseline, SKTextAlign.Right, font, paint);
    }

    private List<string> Lines(string text, float size, float width)
    {
        using var font = pdfFont.Font(size);
        return PdfFont.Wrap(text, font, width).ToList();
    }

    /// <returns>The top of the line after the last one drawn.</returns>
    private float DrawLines(SKCanvas canvas, IReadOnlyList<string> lines, float size, float leading, SKColor color, float x, float top)
    {
        using var font = pdfFont.Font(size);
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        foreach (var line in lines)
        {
            canvas.DrawText(line, x, top + Baseline(size, leading), SKTextAlign.Left, font, paint);
            top += size * leading;
        }
        return top;
    }

    /// <summary>Where the baseline sits in a line box: the font's ascent (0.88 em in Noto Sans CJK) plus half the leading.</summary>
    private static float Baseline(float size, float leading) => size * (0.88f + (leading - 1.12f) / 2);

    /// <summary>"见面：…" → "见面：", "Meet: …" → "Meet:"; null when the item has no short term before a colon.</summary>
    internal static string? Term(string item)
    {
        var wide = item.IndexOf('：');
        if (wide is > 0 and <= 12) return item[..(wide + 1)];
        var narrow = item.IndexOf(": ", StringComparison.Ordinal);
        return narrow is > 0 and <= 24 ? item[..(narrow + 1)] : null;
    }
}
