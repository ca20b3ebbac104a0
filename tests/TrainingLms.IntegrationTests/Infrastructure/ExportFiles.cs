using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace TrainingLms.IntegrationTests.Infrastructure;

/// <summary>Reads the CSV and Excel exports back as a spreadsheet program would, without the library that wrote them.</summary>
public static class ExportFiles
{
    /// <summary>The lines of a CSV export, which must start with UTF-8's byte-order mark (Excel on a Chinese Windows needs it).</summary>
    public static async Task<string[]> CsvLinesAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The first sheet's rows as text, <paramref name="columns"/> wide, read from the workbook's XML (shared or inline strings); an empty cell is "".</summary>
    public static List<string[]> XlsxRows(byte[] workbook, int columns)
    {
        using var archive = new ZipArchive(new MemoryStream(workbook));
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var shared = archive.GetEntry("xl/sharedStrings.xml") is { } entry
            ? XDocument.Load(entry.Open()).Descendants(ns + "si").Select(si => string.Concat(si.Descendants(ns + "t").Select(t => t.Value))).ToList()
            : [];
        var sheet = XDocument.Load(archive.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return [.. sheet.Descendants(ns + "row").Select(row =>
        {
            var cells = Enumerable.Repeat("", columns).ToArray();
            foreach (var cell in row.Elements(ns + "c"))
            {
                cells[((string)cell.Attribute("r")!)[0] - 'A'] = (string?)cell.Attribute("t") switch
                {
                    "s" => shared[int.Parse(cell.Element(ns + "v")!.Value, CultureInfo.InvariantCulture)],
                    "inlineStr" => string.Concat(cell.Descendants(ns + "t").Select(t => t.Value)),
                    _ => cell.Element(ns + "v")?.Value ?? "",
                };
            }
            return cells;
        })];
    }
}
