using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace TrainingLms.Web.Infrastructure.Pdf;

/// <summary>
/// Mends the text layer of a PDF written by SkiaSharp. The CJK fonts draw a radical and the ideograph it looks like
/// (⼯ U+2F2F and 工 U+5DE5) with one glyph, and Skia's ToUnicode maps map such a glyph to the radical, the lower code
/// point: copied or searched text then holds look-alike characters (⼯号 for 工号, ⾯ for 面). This rewrites every
/// ToUnicode map so those glyphs read as the ideograph (the radical's compatibility decomposition), and writes the
/// file again with a fresh cross-reference table. Only the maps change; what is drawn is untouched. Which radical
/// stands for which ideograph comes from the font itself (<see cref="LookAlikes"/>): the two share one glyph.
/// </summary>
public static partial class PdfUnicodeRepair
{
    private static readonly Encoding Bytes = Encoding.Latin1;

    public static byte[] Apply(byte[] pdf, IReadOnlyDictionary<char, char> lookAlikes) =>
        PdfRewriter.Rewrite(pdf, body => RepairObject(body, lookAlikes));

    /// <summary>One "N 0 obj … endobj": a compressed ToUnicode map comes back rewritten; anything else as it was.</summary>
    private static byte[] RepairObject(byte[] body, IReadOnlyDictionary<char, char> lookAlikes)
    {
        var text = Bytes.GetString(body);
        var streamAt = text.IndexOf(">> stream\n", StringComparison.Ordinal);
        if (streamAt < 0 || !text.Contains("/FlateDecode", StringComparison.Ordinal)) return body;
        var length = LengthEntry().Match(text[..streamAt]);
        if (!length.Success) return body;
        var dataStart = streamAt + ">> stream\n".Length;
        var dataLength = int.Parse(length.Groups[1].Value, CultureInfo.InvariantCulture);
        if (dataStart + dataLength > body.Length) return body;

        string cmap;
        try
        {
            using var inflate = new ZLibStream(new MemoryStream(body, dataStart, dataLength), CompressionMode.Decompress);
            using var reader = new StreamReader(inflate, Bytes);
            cmap = reader.ReadToEnd();
        }
        catch (InvalidDataException)
        {
            return body;
        }
        if (!cmap.Contains("/Ordering (UCS)", StringComparison.Ordinal) || RepairCmap(cmap, lookAlikes) is not { } repaired) return body;

        var compressed = new MemoryStream();
        using (var deflate = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) deflate.Write(Bytes.GetBytes(repaired));
        var header = text[..dataStart].Replace(length.Value, $"/Length {compressed.Length}", StringComparison.Ordinal);
        return [.. Bytes.GetBytes(header), .. compressed.ToArray(), .. body.AsSpan(dataStart + dataLength)];
    }

    /// <summary>The map with its mappings written out one by one, radicals read as ideographs; null when nothing changes.</summary>
    internal static string? RepairCmap(string cmap, IReadOnlyDictionary<char, char> lookAlikes)
    {
        var mappings = new List<(string Code, string Text)>();
        foreach (Match section in Section().Matches(cmap))
        {
            if (section.Groups["kind"].Value == "bfchar")
            {
                foreach (Match pair in CharPair().Matches(section.Groups["body"].Value))
                    mappings.Add((pair.Groups[1].Value, Utf16(pair.Groups[2].Value)));
                continue;
            }
            foreach (Match range in RangeEntry().Matches(section.Groups["body"].Value))
            {
                var (low, high) = (Convert.ToInt32(range.Groups["low"].Value, 16), Convert.ToInt32(range.Groups["high"].Value, 16));
                var width = range.Groups["low"].Value.Length;
                var listed = HexToken().Matches(range.Groups["list"].Value).Select(m => Utf16(m.Groups[1].Value)).ToList();
                var first = range.Groups["start"].Success ? Utf16(range.Groups["start"].Value) : null;
                for (var code = low; code <= high; code++)
                {
                    var mapped = first is not null ? Advance(first, code - low) : code - low < listed.Count ? listed[code - low] : null;
                    if (mapped is not null) mappings.Add((code.ToString($"X{width}", CultureInfo.InvariantCulture), mapped));
                }
            }
        }
        var repaired = mappings.Select(m => (m.Code, Text: string.Concat(m.Text.Select(c => lookAlikes.GetValueOrDefault(c, c))))).ToList();
        if (repaired.SequenceEqual(mappings)) return null;

        var lines = new StringBuilder();
        foreach (var chunk in repaired.Chunk(100))
        {
            lines.Append(chunk.Length).Append(" beginbfchar\n");
            foreach (var (code, mapped) in chunk) lines.Append('<').Append(code).Append("> <").Append(Hex(mapped)).Append(">\n");
            lines.Append("endbfchar\n");
        }
        var from = cmap.IndexOf("endcodespacerange", StringComparison.Ordinal) + "endcodespacerange\n".Length;
        var to = cmap.IndexOf("endcmap", StringComparison.Ordinal);
        return from < "endcodespacerange\n".Length || to < from ? null : cmap[..from] + lines + cmap[to..];
    }

    /// <summary>
    /// The radicals (Kangxi U+2F00–U+2FDF, CJK supplement U+2E80–U+2EFF) that a font draws with the glyph of an
    /// ideograph, each with that ideograph: ⼯ → 工, ⻅ → 见. <paramref name="glyphOf"/> gives the font's glyph of a
    /// character (0 when it has none).
    /// </summary>
    public static Dictionary<char, char> LookAlikes(Func<string, ushort[]> glyphOf)
    {
        static string Range(int from, int to) => string.Concat(Enumerable.Range(from, to - from + 1).Select(c => (char)c));
        var ideographs = Range(0x4E00, 0x9FFF) + Range(0x3400, 0x4DBF);
        var ideographGlyphs = glyphOf(ideographs);
        var byGlyph = new Dictionary<ushort, char>();
        for (var i = 0; i < ideographs.Length; i++)
            if (ideographGlyphs[i] != 0) byGlyph.TryAdd(ideographGlyphs[i], ideographs[i]);
        var radicals = Range(0x2E80, 0x2FDF);
        var radicalGlyphs = glyphOf(radicals);
        var map = new Dictionary<char, char>();
        for (var i = 0; i < radicals.Length; i++)
            if (radicalGlyphs[i] != 0 && byGlyph.TryGetValue(radicalGlyphs[i], out var ideograph)) map[radicals[i]] = ideograph;
        return map;
    }

    private static string Advance(string first, int by) =>
        first.Length == 1 ? ((char)(first[0] + by)).ToString() : char.ConvertFromUtf32(char.ConvertToUtf32(first, 0) + by);

    private static string Utf16(string hex) => Encoding.BigEndianUnicode.GetString(Convert.FromHexString(hex));

    private static string Hex(string text) => Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text));

    [GeneratedRegex(@"/Length (\d+)")]
    private static partial Regex LengthEntry();

    [GeneratedRegex(@"\d+ begin(?<kind>bfchar|bfrange)\n(?<body>.*?)\nend\k<kind>", RegexOptions.Singleline)]
    private static partial Regex Section();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex CharPair();

    [GeneratedRegex(@"<(?<low>[0-9A-Fa-f]+)>\s*<(?<high>[0-9A-Fa-f]+)>\s*(?:<(?<start>[0-9A-Fa-f]+)>|\[(?<list>[^\]]*)\])")]
    private static partial Regex RangeEntry();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>")]
    private static partial Regex HexToken();
}
