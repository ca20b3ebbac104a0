using MiniExcelLibs;

namespace TrainingLms.Web.Infrastructure;

/// <summary>Writes a table as an Excel workbook of one sheet; the first row's keys are the column headings.</summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(IEnumerable<Dictionary<string, object?>> rows, string sheetName)
    {
        using var buffer = new MemoryStream();
        buffer.SaveAs(rows, sheetName: sheetName);
        return buffer.ToArray();
    }
}
