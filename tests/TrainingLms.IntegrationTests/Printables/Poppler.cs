using System.Globalization;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace TrainingLms.IntegrationTests.Printables;

/// <summary>Reads a PDF back with Debian's poppler-utils (pdfinfo, pdftotext), as a person opening the file would see it.</summary>
public static partial class Poppler
{
    /// <summary>A word and its box in points, from the page's top left corner.</summary>
    public sealed record Word(int Page, string Text, double Left, double Top, double Right, double Bottom);

    public sealed record PdfFacts(int Pages, string PageSize, string Text, IReadOnlyList<Word> Words)
    {
        /// <summary>The text without the spaces and line breaks wrapping put in.</summary>
        public string Squashed => string.Concat(Text.Where(c => !char.IsWhiteSpace(c)));
    }

    public static async Task<PdfFacts> ReadAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"printable-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var info = await RunAsync("pdfinfo", file);
            var text = await RunAsync("pdftotext", "-layout", "-enc", "UTF-8", file, "-");
            var boxes = await RunAsync("pdftotext", "-bbox", "-enc", "UTF-8", file, "-");
            var pages = int.Parse(PagesLine().Match(info).Groups[1].Value, CultureInfo.InvariantCulture);
            var size = SizeLine().Match(info).Groups[1].Value.Trim();
            return new PdfFacts(pages, size, text, WordsOf(boxes));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static List<Word> WordsOf(string bboxHtml)
    {
        var words = new List<Word>();
        var page = 0;
        foreach (Match match in BoxOrPage().Matches(bboxHtml))
        {
            if (match.Groups["page"].Success) { page++; continue; }
            double At(string name) => double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
            words.Add(new Word(page, System.Net.WebUtility.HtmlDecode(match.Groups["text"].Value), At("x0"), At("y0"), At("x1"), At("y1")));
        }
        return words;
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await error}");
        return await output;
    }

    [GeneratedRegex(@"(?<page><page )|<word xMin=""(?<x0>[\d.]+)"" yMin=""(?<y0>[\d.]+)"" xMax=""(?<x1>[\d.]+)"" yMax=""(?<y1>[\d.]+)"">(?<text>[^<]*)</word>")]
    private static partial Regex BoxOrPage();

    [GeneratedRegex(@"(?m)^Pages:\s+(\d+)")]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"(?m)^Page size:\s+(.+?pts)")]
    private static partial Regex SizeLine();
}
