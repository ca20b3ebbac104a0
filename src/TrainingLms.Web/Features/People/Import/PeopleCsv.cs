using System.Text;
using CsvHelper;
using TrainingLms.Domain.People.Import;

namespace TrainingLms.Web.Features.People.Import;

public sealed record PeopleCsvContent(string EncodingName, IReadOnlyList<PersonImportRow> Rows, IReadOnlyList<ImportIssue> Issues);

/// <summary>
/// Reads a people list as Excel in China saves it: UTF-8 with or without BOM, or GB18030/GBK,
/// headers in Chinese or English, in any order.
/// </summary>
public static class PeopleCsv
{
    private const int Gb18030CodePage = 54936;

    private static readonly Dictionary<string, string> HeaderAliases = BuildAliases(new()
    {
        [nameof(PersonImportRow.EmployeeNumber)] = ["工号", "员工编号", "员工号", "编号", "employee number", "employeenumber", "employee no", "employee_number"],
        [nameof(PersonImportRow.FullName)] = ["姓名", "名字", "name", "full name", "fullname"],
        [nameof(PersonImportRow.Phone)] = ["手机", "手机号", "手机号码", "电话", "联系电话", "phone", "mobile"],
        [nameof(PersonImportRow.Email)] = ["邮箱", "电子邮箱", "电子邮件", "email", "e-mail"],
        [nameof(PersonImportRow.Site)] = ["项目", "项目名称", "小区", "site"],
        [nameof(PersonImportRow.Team)] = ["班组", "班组名称", "team"],
        [nameof(PersonImportRow.LineOfWork)] = ["条线", "业务条线", "专业", "line of work", "lineofwork"],
        [nameof(PersonImportRow.Position)] = ["岗位", "职位", "position", "post"],
        [nameof(PersonImportRow.HireDate)] = ["入职日期", "入职时间", "hire date", "hiredate"],
        [nameof(PersonImportRow.Roles)] = ["角色", "roles", "role"],
        [nameof(PersonImportRow.Contractor)] = ["外包单位", "外包公司", "外包单位名称", "所属单位", "contractor", "contractor company", "employer"],
    });

    static PeopleCsv() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static PeopleCsvContent Read(byte[] content)
    {
        var (encodingName, text) = Decode(content);
        // The separator is detected (Excel writes ',' or, in some locales, ';' or tabs). No field of a people list
        // holds a line break, so a stray quote ends at its own line instead of swallowing the rows after it;
        // the row it breaks is reported, which stops the import.
        var malformed = new List<ImportIssue>();
        using var csv = CsvReader.FromText(text, CsvReaderOptions.Default with
        {
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            AllowLineBreaksInQuotes = false,
            OnMalformedRecord = record => malformed.Add(new ImportIssue((int)record.LineNumber, ImportProblem.MalformedRow, Shorten(record.RawRecord))),
        });
        var header = csv.Headers.ToArray();
        if (header.Length == 0)
            return new(encodingName, [], [new ImportIssue(1, ImportProblem.MissingHeader, "")]);

        var columns = MapColumns(header);
        var missing = new[] { nameof(PersonImportRow.EmployeeNumber), nameof(PersonImportRow.FullName) }
            .Where(field => !columns.ContainsKey(field)).ToList();
        if (missing.Count > 0)
            return new(encodingName, [], [new ImportIssue(1, ImportProblem.MissingHeader, string.Join(", ", missing))]);

        var rows = new List<PersonImportRow>();
        while (csv.Read())
        {
            string? Field(string name) => columns.TryGetValue(name, out var index) && index < csv.FieldCount ? csv.GetString(index) : null;
            if (Enumerable.Range(0, csv.FieldCount).All(i => string.IsNullOrWhiteSpace(csv.GetString(i)))) continue;
            rows.Add(new PersonImportRow(
                (int)csv.LineNumber,
                Field(nameof(PersonImportRow.EmployeeNumber)),
                Field(nameof(PersonImportRow.FullName)),
                Field(nameof(PersonImportRow.Phone)),
                Field(nameof(PersonImportRow.Email)),
                Field(nameof(PersonImportRow.Site)),
                Field(nameof(PersonImportRow.Team)),
                Field(nameof(PersonImportRow.LineOfWork)),
                Field(nameof(PersonImportRow.Position)),
                Field(nameof(PersonImportRow.HireDate)),
                Field(nameof(PersonImportRow.Roles)),
                Field(nameof(PersonImportRow.Contractor))));
        }
        return new(encodingName, rows, malformed);
    }

    private static string Shorten(string raw) => raw.Length <= 80 ? raw : raw[..80] + "…";

    /// <summary>A BOM decides; otherwise strict UTF-8, and GB18030 (a superset of GBK) when that fails.</summary>
    public static (string Name, string Text) Decode(byte[] content)
    {
        if (content.AsSpan().StartsWith<byte>([0xEF, 0xBB, 0xBF])) return ("UTF-8", Encoding.UTF8.GetString(content, 3, content.Length - 3));
        if (content.AsSpan().StartsWith<byte>([0xFF, 0xFE])) return ("UTF-16", Encoding.Unicode.GetString(content, 2, content.Length - 2));
        try
        {
            return ("UTF-8", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content));
        }
        catch (DecoderFallbackException)
        {
            return ("GB18030", Encoding.GetEncoding(Gb18030CodePage).GetString(content));
        }
    }

    /// <summary>The header row a template download starts with.</summary>
    public static string TemplateHeader => "工号,姓名,手机,邮箱,项目,班组,条线,岗位,入职日期,角色,外包单位";

    private static Dictionary<string, int> MapColumns(IReadOnlyList<string> header)
    {
        var columns = new Dictionary<string, int>();
        for (var i = 0; i < header.Count; i++)
            if (HeaderAliases.TryGetValue(Clean(header[i]), out var field)) columns.TryAdd(field, i);
        return columns;
    }

    private static string Clean(string header) => header.Trim().Trim('*').Trim().ToLowerInvariant();

    private static Dictionary<string, string> BuildAliases(Dictionary<string, string[]> byField) =>
        byField.SelectMany(pair => pair.Value.Select(alias => (alias, pair.Key)))
            .ToDictionary(x => x.alias, x => x.Key, StringComparer.OrdinalIgnoreCase);
}
