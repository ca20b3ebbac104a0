using SkiaSharp;
using TrainingLms.Web.Infrastructure.Pdf;

namespace TrainingLms.Web.Features.Inspections.SitePack;

/// <summary>
/// Draws the site pack as an A4 PDF in the current UI language, set in the LMS's PDF font (<see cref="PdfFont"/>, so the
/// Chinese text extracts as written): a heading, then each section's figures as a table, the two shares that change
/// over the month as bar charts with their numbers beside the bars. Pages are laid out first and drawn after, so each
/// can say how many there are.
/// </summary>
public sealed class SitePackPdf(PdfFont pdfFont, SitePackSections sections, IStringLocalizer<SharedResource> localizer)
{
    private const float Width = 595, Height = 842, Margin = 48, Bottom = Height - Margin - 18;
    private const float ValueRight = Margin + 370, OfRight = Margin + 430, PercentRight = Width - Margin, NameWidth = 290;
    private const float BarLabelWidth = 130, BarHeight = 11, BarGap = 5, BarNumberWidth = 56;
    private static readonly SKColor Primary = new(0x0b, 0x6e, 0x4f);
    private static readonly SKColor Muted = new(0x5a, 0x6b, 0x63);
    private static readonly SKColor Rule = new(0xd5, 0xdd, 0xd9);

    public byte[] Render(SitePackData pack)
    {
        var subtitle = localizer["SitePack.Subtitle", pack.SiteName, SitePackSections.MonthText(pack.Month)].Value;
        var metadata = new SKDocumentPdfMetadata { Title = $"{sections.Title} · {subtitle}", Creator = "TrainingLms", Subject = pack.SiteName };
        using var fonts = new Fonts(pdfFont);
        var pages = Layout(pack, subtitle, fonts);
        return pdfFont.Write(metadata, new SKSize(Width, Height), document =>
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = document.BeginPage(Width, Height);
                foreach (var draw in pages[i]) draw(canvas);
                using var paint = new SKPaint { Color = Muted, IsAntialias = true };
                canvas.DrawText(localizer["SitePack.Page", i + 1, pages.Count], Width / 2, Height - Margin + 6, SKTextAlign.Center, fonts.Small, paint);
                canvas.DrawText(subtitle, Margin, Height - Margin + 6, SKTextAlign.Left, fonts.Small, paint);
                document.EndPage();
            }
        });
    }

    private List<List<Action<SKCanvas>>> Layout(SitePackData pack, string subtitle, Fonts fonts)
    {
        var page = new Page();
        page.Text(sections.Title, fonts.Title, Primary, Margin, 26);
        page.Text(subtitle, fonts.Heading, SKColors.Black, Margin, 22);
        page.Text(localizer["SitePack.DrawnAt", pack.DrawnAtLocal.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)], fonts.Small, Muted, Margin, 16);
        page.Line(Primary, 1.2f, 10);
        foreach (var section in sections.Build(pack))
        {
            // A heading is never left alone at the foot of a page: it needs room for itself and a first row.
            page.Need(54);
            page.Gap(10);
            page.Text(section.Title, fonts.Heading, Primary, Margin, 20);
            if (section.Rows.Count > 0) TableHeader(page, fonts);
            foreach (var row in section.Rows) Row(page, row, fonts);
            if (section.Note is { } note)
            {
                page.Gap(3);
                page.Paragraph(note, fonts.Small, Muted, 12);
            }
            if (section.Chart is { Bars.Count: > 0 } chart) Chart(page, chart, fonts);
        }
        return page.Pages;
    }

    private void TableHeader(Page page, Fonts fonts)
    {
        var columns = sections.Columns;
        page.Draw((canvas, top) =>
        {
            using var paint = new SKPaint { Color = Muted, IsAntialias = true };
            var y = top + 12;
            canvas.DrawText(columns[1], Margin, y, SKTextAlign.Left, fonts.Small, paint);
            canvas.DrawText(columns[2], ValueRight, y, SKTextAlign.Right, fonts.Small, paint);
            canvas.DrawText(columns[3], OfRight, y, SKTextAlign.Right, fonts.Small, paint);
            canvas.DrawText(columns[4], PercentRight, y, SKTextAlign.Right, fonts.Small, paint);
        }, 16);
        page.Line(Rule, 0.6f, 2);
    }

    private static void Row(Page page, PackRow row, Fonts fonts)
    {
        var lines = PdfFont.Wrap(row.Name, fonts.Body, NameWidth).ToList();
        var height = 15f * lines.Count + 2;
        page.Need(height);
        page.Draw((canvas, top) =>
        {
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            var y = top + 12;
            for (var i = 0; i < lines.Count; i++) canvas.DrawText(lines[i], Margin, y + 15 * i, SKTextAlign.Left, fonts.Body, paint);
            canvas.DrawText(Number(row.Value), ValueRight, y, SKTextAlign.Right, fonts.Body, paint);
            if (row.Of is { } of) canvas.DrawText(Number(of), OfRight, y, SKTextAlign.Right, fonts.Body, paint);
            if (row.Percent is not null || row.Of is not null) canvas.DrawText(Percent(row.Percent), PercentRight, y, SKTextAlign.Right, fonts.Body, paint);
        }, height);
        page.Line(Rule, 0.3f, 1);
    }

    /// <summary>Horizontal bars, so a long team name never collides with its neighbour; the share is printed after each bar.</summary>
    private void Chart(Page page, PackChart chart, Fonts fonts)
    {
        // A chart stays on one page when a page can hold it; a longer one (many teams) flows on.
        var height = 22 + chart.Bars.Count * (BarHeight + BarGap);
        page.Need(Math.Min(height, Bottom - Margin));
        page.Gap(6);
        page.Text(chart.Title, fonts.Body, Primary, Margin, 16);
        var barLeft = Margin + BarLabelWidth;
        var barWidth = Width - Margin - BarNumberWidth - barLeft;
        foreach (var (label, percent) in chart.Bars)
        {
            page.Need(BarHeight + BarGap);
            var text = Fit(label, fonts.Small, BarLabelWidth - 6);
            page.Draw((canvas, top) =>
            {
                using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
                using var muted = new SKPaint { Color = Muted, IsAntialias = true };
                using var track = new SKPaint { Color = new SKColor(0xee, 0xf2, 0xf0), Style = SKPaintStyle.Fill };
                using var bar = new SKPaint { Color = Primary, Style = SKPaintStyle.Fill };
                canvas.DrawText(text, Margin, top + BarHeight - 2, SKTextAlign.Left, fonts.Small, ink);
                canvas.DrawRect(barLeft, top, barWidth, BarHeight, track);
                if (percent is { } share) canvas.DrawRect(barLeft, top, barWidth * (float)Math.Clamp(share, 0, 100) / 100, BarHeight, bar);
                canvas.DrawText(percent is null ? L("SitePack.Chart.NoData") : Percent(percent), barLeft + barWidth + 6, top + BarHeight - 2, SKTextAlign.Left, fonts.Small, percent is null ? muted : ink);
            }, BarHeight + BarGap);
        }
    }

    private static string Fit(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width) return text;
        while (text.Length > 1 && font.MeasureText(text + "…") > width) text = text[..^1];
        return text + "…";
    }

    private static string Number(double? value) => value is { } number ? number.ToString("#,0.#", CultureInfo.CurrentCulture) : "–";

    private static string Percent(double? value) => value is { } number ? number.ToString("0.0", CultureInfo.CurrentCulture) + "%" : "–";

    private string L(string key) => localizer[key];

    private sealed class Fonts(PdfFont pdfFont) : IDisposable
    {
        public SKFont Title { get; } = pdfFont.Font(20);
        public SKFont Heading { get; } = pdfFont.Font(13);
        public SKFont Body { get; } = pdfFont.Font(10);
        public SKFont Small { get; } = pdfFont.Font(8);

        public void Dispose()
        {
            Title.Dispose();
            Heading.Dispose();
            Body.Dispose();
            Small.Dispose();
        }
    }

    /// <summary>The pages laid out so far and the top of the free space on the last one; each drawing keeps the top it was laid out at.</summary>
    private sealed class Page
    {
        public List<List<Action<SKCanvas>>> Pages { get; } = [[]];
        public float Y { get; private set; } = Margin;

        /// <summary>Starts a new page unless <paramref name="height"/> fits on this one.</summary>
        public void Need(float height)
        {
            if (Y + height <= Bottom) return;
            Pages.Add([]);
            Y = Margin;
        }

        public void Gap(float height) => Y += height;

        /// <summary>Lays out a drawing that reads <see cref="Y"/> as its top, then moves down by <paramref name="height"/>.</summary>
        public void Draw(Action<SKCanvas, float> draw, float height)
        {
            var top = Y;
            Pages[^1].Add(canvas => draw(canvas, top));
            Y += height;
        }

        public void Text(string text, SKFont font, SKColor color, float x, float height) =>
            Draw((canvas, top) =>
            {
                using var paint = new SKPaint { Color = color, IsAntialias = true };
                canvas.DrawText(text, x, top + height - 5, SKTextAlign.Left, font, paint);
            }, height);

        public void Paragraph(string text, SKFont font, SKColor color, float lineHeight)
        {
            foreach (var line in PdfFont.Wrap(text, font, Width - 2 * Margin))
            {
                Need(lineHeight);
                Text(line, font, color, Margin, lineHeight);
            }
        }

        public void Line(SKColor color, float width, float height) =>
            Draw((canvas, top) =>
            {
                using var paint = new SKPaint { Color = color, StrokeWidth = width, IsAntialias = true };
                canvas.DrawLine(Margin, top + height / 2, Width - Margin, top + height / 2, paint);
            }, height);
    }
}
