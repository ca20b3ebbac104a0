using System.Text;

namespace TrainingLms.IntegrationTests.People;

/// <summary>Builds people lists the way an HR clerk's Excel saves them.</summary>
public static class PeopleCsvFile
{
    public const string Header = "工号,姓名,手机,邮箱,项目,班组,条线,岗位,入职日期,角色";

    private static readonly string[] FamilyNames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    private static readonly string[] GivenNames = ["秀英", "伟", "芳", "敏", "静", "磊", "洋", "艳", "勇", "军"];

    static PeopleCsvFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Row(string number, string name, string phone, string site = "翠湖花园", string team = "客服一班", string lineOfWork = "客服") =>
        $"{number},{name},{phone},,{site},{team},{lineOfWork},,2025-03-01,员工";

    /// <summary><paramref name="count"/> valid rows with Chinese names and unique numbers and phones.</summary>
    public static List<string> Rows(int count, string prefix = "P") =>
        [.. Enumerable.Range(1, count).Select(i =>
            Row($"{prefix}{i:D5}", FamilyNames[i % 10] + GivenNames[i / 10 % 10], $"139{i:D8}", team: i % 2 == 0 ? "客服一班" : "安防一班", lineOfWork: i % 2 == 0 ? "客服" : "安防"))];

    public static byte[] Utf8WithBom(IEnumerable<string> rows) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Text(rows))];

    public static byte[] Gb18030(IEnumerable<string> rows) => Encoding.GetEncoding(54936).GetBytes(Text(rows));

    private static string Text(IEnumerable<string> rows) => string.Join("\r\n", [Header, .. rows]) + "\r\n";
}
