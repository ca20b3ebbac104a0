using System.Text;

namespace TrainingLms.Web.Infrastructure;

/// <summary>Writes a table as CSV that Excel on a Chinese Windows opens as it is, and that cannot carry a formula.</summary>
public static class CsvExport
{
    /// <summary>UTF-8 with a byte-order mark, so Excel on a Chinese Windows opens it without garbling.</summary>
    public static byte[] Write(IEnumerable<IReadOnlyDictionary<string, object?>> rows, IReadOnlyList<string> header)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', header.Select(Quote)).Append("\r\n");
        foreach (var row in rows)
            text.AppendJoin(',', header.Select(name => Quote(Convert.ToString(row[name], CultureInfo.InvariantCulture) ?? ""))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>
    /// RFC 4180 quoting; a cell starting = + - @, a tab or a carriage return is neutralised with a leading apostrophe,
    /// so it never runs as a spreadsheet formula (OWASP's CSV injection advice).
    /// </summary>
    public static string Quote(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
