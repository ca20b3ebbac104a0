using SkiaSharp;

namespace TrainingLms.Web.Infrastructure.Pdf;

/// <summary>
/// The CJK font of the LMS's PDFs and the one way they are written: SkiaSharp draws the pages, the font is read from a
/// file (SkiaSharp's NoDependencies build does not ask fontconfig) and embedded, and <see cref="PdfUnicodeRepair"/>
/// mends the text layer so the text can be copied and searched. Also breaks text into lines that fit a width.
/// </summary>
public sealed class PdfFont(IOptions<PdfOptions> options) : IDisposable
{
    private readonly Lazy<SKTypeface> typeface = new(() => LoadTypeface(options.Value));
    private Dictionary<char, char>? lookAlikes;

    public SKFont Font(float size) => new(typeface.Value, size);

    /// <summary>Writes a PDF whose pages <paramref name="drawPages"/> adds (BeginPage … EndPage), with a searchable text layer.</summary>
    public byte[] Write(SKDocumentPdfMetadata metadata, Action<SKDocument> drawPages)
    {
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            drawPages(document);
            document.Close();
        }
        return PdfUnicodeRepair.Apply(stream.ToArray(), LookAlikes);
    }

    /// <summary>Breaks text to fit a width: Chinese between any two characters, other text at spaces.</summary>
    public static IEnumerable<string> Wrap(string text, SKFont font, float width)
    {
        var line = "";
        foreach (var token in Tokens(text))
        {
            var candidate = line + token;
            if (line.Length > 0 && font.MeasureText(candidate.TrimEnd()) > width)
            {
                yield return line.TrimEnd();
                line = token.TrimStart();
            }
            else line = candidate;
        }
        if (line.Trim().Length > 0) yield return line.TrimEnd();
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var word = "";
        foreach (var c in text)
        {
            if (c == ' ' || IsWide(c))
            {
                if (word.Length > 0) yield return word;
                word = "";
                yield return c.ToString();
            }
            else word += c;
        }
        if (word.Length > 0) yield return word;
    }

    private static bool IsWide(char c) => c >= '\u2E80' && !char.IsSurrogate(c);

    private static SKTypeface LoadTypeface(PdfOptions options)
    {
        // A .ttc holds several faces; pick the one named in the options (the Simplified Chinese one).
        for (var index = 0; index < 32; index++)
        {
            var face = SKTypeface.FromFile(options.FontPath, index);
            if (face is null) break;
            if (face.FamilyName == options.FontFamily) return face;
            face.Dispose();
        }
        return SKTypeface.FromFile(options.FontPath) ?? throw new InvalidOperationException($"Cannot read the PDF font {options.FontPath}.");
    }

    private Dictionary<char, char> LookAlikes => lookAlikes ??= PdfUnicodeRepair.LookAlikes(text =>
    {
        using var font = Font(12);
        return font.GetGlyphs(text);
    });

    public void Dispose()
    {
        if (typeface.IsValueCreated) typeface.Value.Dispose();
    }
}

public static class PdfSetup
{
    public static void AddPdf(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PdfOptions>().BindConfiguration(PdfOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => File.Exists(o.FontPath), "Pdf:FontPath names no file: install fonts-noto-cjk (./lms does) or point it at a font with Chinese glyphs.")
            .ValidateOnStart();
        builder.Services.AddSingleton<PdfFont>();
    }
}
