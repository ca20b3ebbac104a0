using System.Text;
using System.Text.RegularExpressions;

namespace TrainingLms.Web.Infrastructure.Pdf;

/// <summary>
/// Rewrites the objects of a PDF written by SkiaSharp (plain "N 0 obj … endobj", no object streams) one by one and
/// writes the file again with a fresh cross-reference table; the trailer (size, root, info) stays as it was.
/// </summary>
public static partial class PdfRewriter
{
    private static readonly Encoding Bytes = Encoding.Latin1;

    /// <param name="rewrite">Gets each object's bytes; returns them unchanged (the same array) or rewritten.</param>
    public static byte[] Rewrite(byte[] pdf, Func<byte[], byte[]> rewrite)
    {
        var text = Bytes.GetString(pdf);
        var objects = ObjectStart().Matches(text);
        var trailer = text.LastIndexOf("\ntrailer", StringComparison.Ordinal);
        if (objects.Count == 0 || trailer < 0) return pdf;

        var output = new MemoryStream(pdf.Length + 1024);
        output.Write(pdf, 0, objects[0].Index);
        var offsets = new SortedDictionary<int, long>();
        var changed = false;
        for (var i = 0; i < objects.Count; i++)
        {
            var start = objects[i].Index;
            var end = i + 1 < objects.Count ? objects[i + 1].Index : text.LastIndexOf("xref", trailer, StringComparison.Ordinal);
            var body = pdf.AsSpan(start, end - start).ToArray();
            var rewritten = rewrite(body);
            changed |= rewritten != body;
            offsets[int.Parse(objects[i].Groups[1].Value, CultureInfo.InvariantCulture)] = output.Position;
            output.Write(rewritten);
        }
        if (!changed) return pdf;

        var xref = output.Position;
        var size = offsets.Keys.Max() + 1;
        var table = new StringBuilder().Append("xref\n0 ").Append(size).Append("\n0000000000 65535 f \n");
        for (var number = 1; number < size; number++)
            table.Append(offsets.TryGetValue(number, out var at) ? $"{at:0000000000} 00000 n \n" : "0000000000 65535 f \n");
        var trailerDictionary = text[(trailer + 1)..text.LastIndexOf("startxref", StringComparison.Ordinal)];
        table.Append(trailerDictionary).Append("startxref\n").Append(xref).Append("\n%%EOF\n");
        output.Write(Bytes.GetBytes(table.ToString()));
        return output.ToArray();
    }

    /// <summary>
    /// Skia rounds a page's size up to whole points (A6 comes out 298 × 420, not 297.64 × 419.53) and draws from the
    /// top of that box. This trims each page's MediaBox to the exact size, keeping the top-left corner where it is, so
    /// printers and viewers see the paper size that was asked for.
    /// </summary>
    public static byte[] ExactPageSize(byte[] pdf, float width, float height)
    {
        var (roundedWidth, roundedHeight) = ((int)MathF.Ceiling(width), (int)MathF.Ceiling(height));
        if (roundedWidth == width && roundedHeight == height) return pdf;
        var rounded = $"/MediaBox [0 0 {roundedWidth} {roundedHeight}]";
        var exact = string.Create(CultureInfo.InvariantCulture, $"/MediaBox [0 {roundedHeight - height:0.##} {width:0.##} {roundedHeight}]");
        return Rewrite(pdf, body =>
        {
            var text = Bytes.GetString(body);
            return text.Contains("/Type /Page\n", StringComparison.Ordinal) && text.Contains(rounded, StringComparison.Ordinal)
                ? Bytes.GetBytes(text.Replace(rounded, exact, StringComparison.Ordinal))
                : body;
        });
    }

    [GeneratedRegex(@"(?m)^(\d+) 0 obj\n")]
    private static partial Regex ObjectStart();
}
