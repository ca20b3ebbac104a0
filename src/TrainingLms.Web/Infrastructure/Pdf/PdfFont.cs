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

    /// <summary>
    /// Writes a PDF whose pages, all of <paramref name="pageSize"/> in points, <paramref name="drawPages"/> adds
    /// (BeginPage … EndPage), with a searchable text layer and the exact page size.
    /// </summary>
    public byte[] Write(SKDocumentPdfMetadata metadata, SKSize pageSize, Action<SKDocument> drawPages)
    {
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            drawPages(document);
            document.Close();
        }
        var repaired = PdfUnicodeRepair.Apply(stream.ToArray(), LookAlikes);
        return PdfRewriter.ExactPageSize(repaired, pageSize.Width, pageSize.Height);
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

    /// <summary>
    /// The pieces a line may break between: a word, one Chinese character, a space. Closing punctuation (。，”) stays with
    /// what comes before it and opening punctuation (“（) with what follows, so no line starts with "。" or ends with "“".
    /// </summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var word = "";
        foreach (var c in text)
        {
            if (c == ' ' || IsWide(c) || NoLineStart.Contains(c) || NoLineEnd.Contains(c))
            {
                if (word.Length > 0) tokens.Add(word);
                word = "";
                tokens.Add(c.ToString());
            }
            else word += c;
        }
        if (word.Length > 0) tokens.Add(word);

        var joined = new List<string>();
        var opening = "";
        foreach (var token in tokens)
        {
            if (token.Length == 1 && NoLineStart.Contains(token[0]) && joined.Count > 0 && joined[^1] != " ") joined[^1] += token;
            else if (token.Length == 1 && NoLineEnd.Contains(token[0])) opening += token;
            else
            {
                joined.Add(opening + token);
                opening = "";
            }
        }
        if (opening.Length > 0) joined.Add(opening);
        return joined;
    }

    private const string NoLineStart = "。，、；：！？）」』】》”…·";
    private const string NoLineEnd = "（「『【《“";

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
