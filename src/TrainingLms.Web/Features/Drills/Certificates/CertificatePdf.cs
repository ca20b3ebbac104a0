using QRCoder;
using SkiaSharp;
using TrainingLms.Domain.Drills;
using TrainingLms.Web.Infrastructure.Pdf;

namespace TrainingLms.Web.Features.Drills.Certificates;

/// <summary>
/// Draws a certificate as a one-page A4 PDF with SkiaSharp: the person, what they passed and completed, the trainer,
/// the dates, the verification code and a QR code of the verification address, in the current UI language, set in
/// the LMS's PDF font (<see cref="PdfFont"/>).
/// </summary>
public sealed class CertificatePdf(PdfFont pdfFont, IStringLocalizer<SharedResource> localizer)
{
    private const float Width = 595, Height = 842, Margin = 56;
    private static readonly SKColor Primary = new(0x0b, 0x6e, 0x4f);
    private static readonly SKColor Muted = new(0x5a, 0x6b, 0x63);

    public byte[] Render(Certificate certificate, CertificateStatus status, string companyName, string verifyUrl)
    {
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{L("Certificate.Pdf.Title")} · {certificate.FullName}",
            Author = companyName,
            Creator = "TrainingLms",
            Creation = certificate.IssuedAtUtc,
        };
        return pdfFont.Write(metadata, new SKSize(Width, Height), document =>
        {
            var canvas = document.BeginPage(Width, Height);
            Draw(canvas, certificate, status, companyName, verifyUrl);
            document.EndPage();
        });
    }

    private void Draw(SKCanvas canvas, Certificate certificate, CertificateStatus status, string companyName, string verifyUrl)
    {
        using var border = new SKPaint { Color = Primary, Style = SKPaintStyle.Stroke, StrokeWidth = 3, IsAntialias = true };
        canvas.DrawRect(28, 28, Width - 56, Height - 56, border);
        border.StrokeWidth = 0.8f;
        canvas.DrawRect(36, 36, Width - 72, Height - 72, border);

        var y = 96f;
        y = Centered(canvas, companyName, 13, Muted, y);
        y = Centered(canvas, L("Certificate.Pdf.Title"), 26, Primary, y + 14);
        y = Centered(canvas, L("Certificate.Pdf.Certifies"), 12, Muted, y + 22);
        y = Centered(canvas, certificate.FullName, 30, SKColors.Black, y + 14);
        y = Centered(canvas, Labelled("Field.EmployeeNumber", certificate.EmployeeNumber), 12, Muted, y + 6);
        y = Paragraph(canvas, L("Certificate.Pdf.HasPassed"), 12, SKColors.Black, y + 28);

        foreach (var item in certificate.Items)
        {
            var line = item.Kind == RequirementKind.Drill
                ? localizer["Certificate.Pdf.Drill", item.Title.Current, DrillFormat.Day(item.On), item.TrainerName ?? "", DrillFormat.Percent(item.PercentTenths ?? 0)].Value
                : localizer["Certificate.Pdf.Course", item.Title.Current, item.Version, DrillFormat.Day(item.On)].Value;
            y = Paragraph(canvas, "• " + line, 12, SKColors.Black, y + 6, indent: 12);
        }

        y += 24;
        y = Paragraph(canvas, Labelled("Certificate.IssuedOn", DrillFormat.Day(certificate.IssuedOn)), 13, SKColors.Black, y);
        y = Paragraph(canvas, Labelled("Certificate.ValidThrough", DrillFormat.Day(certificate.ValidThrough)), 13, SKColors.Black, y + 4);
        if (status != CertificateStatus.Valid)
            Paragraph(canvas, localizer["Certificate.Pdf.StatusWhenPrinted", L($"Certificate.Status.{status}")], 13, new SKColor(0xb0, 0x2a, 0x37), y + 10);

        // The verification block sits at the foot of the page: the code, the address, and the QR code of the address.
        const float qrSize = 120;
        var footTop = Height - Margin - qrSize - 8;
        DrawQr(canvas, verifyUrl, Width - Margin - qrSize, footTop, qrSize);
        var textWidth = Width - 2 * Margin - qrSize - 16;
        var footY = Paragraph(canvas, Labelled("Certificate.Code", certificate.Code), 14, SKColors.Black, footTop + 18, width: textWidth);
        footY = Paragraph(canvas, L("Certificate.Pdf.VerifyHint"), 10, Muted, footY + 8, width: textWidth);
        Paragraph(canvas, verifyUrl, 10, Primary, footY + 4, width: textWidth);
    }

    private float Centered(SKCanvas canvas, string text, float size, SKColor color, float top)
    {
        using var font = pdfFont.Font(size);
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        var y = top;
        foreach (var line in PdfFont.Wrap(text, font, Width - 2 * Margin))
        {
            y += size * 1.25f;
            canvas.DrawText(line, Width / 2, y, SKTextAlign.Center, font, paint);
        }
        return y;
    }

    /// <returns>The baseline of the last line drawn.</returns>
    private float Paragraph(SKCanvas canvas, string text, float size, SKColor color, float top, float indent = 0, float? width = null)
    {
        using var font = pdfFont.Font(size);
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        var y = top;
        var first = true;
        foreach (var line in PdfFont.Wrap(text, font, (width ?? Width - 2 * Margin) - indent))
        {
            y += size * 1.4f;
            // Wrapped lines of a bullet start under its text, not under the bullet.
            canvas.DrawText(line, Margin + (first ? 0 : indent), y, SKTextAlign.Left, font, paint);
            first = false;
        }
        return y;
    }

    private static void DrawQr(SKCanvas canvas, string url, float left, float top, float size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var cell = size / modules.Count;
        using var paint = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill };
        // Drawn as squares, not a picture: sharp at any zoom and tiny in the file.
        for (var row = 0; row < modules.Count; row++)
            for (var column = 0; column < modules[row].Length; column++)
                if (modules[row][column]) canvas.DrawRect(left + column * cell, top + row * cell, cell + 0.05f, cell + 0.05f, paint);
    }

    private string L(string key) => localizer[key];

    /// <summary>"Label: value", with the colon the language uses (a full-width one in Chinese).</summary>
    private string Labelled(string labelKey, string value) => localizer["Certificate.Pdf.Labelled", L(labelKey), value];
}
