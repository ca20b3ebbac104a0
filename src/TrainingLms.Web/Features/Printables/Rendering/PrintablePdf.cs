using Microsoft.Extensions.Caching.Memory;
using SkiaSharp;
using TrainingLms.Web.Features.Printables.Content;
using TrainingLms.Web.Infrastructure.Pdf;

namespace TrainingLms.Web.Features.Printables.Rendering;

/// <summary>
/// Draws a printable as a PDF in one language — the card on A6, a chart on A3 — and keeps the result in this instance's
/// memory under the hash of the file it was drawn from and the language. An edited file has another hash, so its next
/// download is drawn afresh on every instance; nothing is shared between instances that could go stale.
/// </summary>
public sealed class PrintablePdf(PdfFont pdfFont, IStringLocalizer<SharedResource> localizer) : IDisposable
{
    private const long CacheBytes = 64L * 1024 * 1024;

    private readonly MemoryCache files = new(new MemoryCacheOptions { SizeLimit = CacheBytes });

    public static PageFormat FormatOf(PrintableKind kind) => kind == PrintableKind.Card ? PageFormat.A6 : PageFormat.A3;

    /// <summary>The PDF in <paramref name="culture"/> (zh-CN or en-US); drawn once per file version and language.</summary>
    public byte[] Render(PrintableDefinition definition, CultureInfo culture) =>
        files.GetOrCreate((definition.Hash, culture.Name), entry =>
        {
            var file = Draw(definition, culture);
            entry.Size = file.Length;
            return file;
        })!;

    private byte[] Draw(PrintableDefinition definition, CultureInfo culture)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            var text = TextOf(definition, culture);
            var format = FormatOf(definition.Kind);
            var layout = new PrintableLayout(pdfFont, format);
            var metadata = new SKDocumentPdfMetadata { Title = text.Title, Creator = "TrainingLms", Subject = definition.Slug };
            return pdfFont.Write(metadata, new SKSize(format.Width, format.Height), document => layout.Draw(document, text));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }

    private LayoutText TextOf(PrintableDefinition definition, CultureInfo culture)
    {
        var label = definition.LineOfWork is { } line ? localizer["Printables.Pdf.LineOfWork", localizer[$"LineOfWork.{line}"]].Value : null;
        var footer = localizer["Printables.Pdf.Footer", definition.Title.For(culture), definition.Version, definition.Hash[..8]].Value;
        var sections = definition.Sections
            .Select(s => new LayoutSectionText(s.Heading.For(culture), s.Style == PrintableStyle.Words, s.Items.Select(i => i.For(culture)).ToList()))
            .ToList();
        return new LayoutText(definition.Title.For(culture), definition.Subtitle?.For(culture), label, sections, footer);
    }

    public void Dispose() => files.Dispose();
}
