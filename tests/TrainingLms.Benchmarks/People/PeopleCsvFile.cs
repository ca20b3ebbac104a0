using System.Text;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.People.Import;

namespace TrainingLms.Benchmarks.People;

/// <summary>
/// A people list as an HR department exports it from Excel: the template's Chinese headers, UTF-8
/// with BOM, CRLF, Chinese names, unique employee numbers and 139 mobiles, several estates and teams.
/// Deterministic, so every run imports the same file.
/// </summary>
public static class PeopleCsvFile
{
    public static readonly IReadOnlyList<(string Team, string LineOfWork, string Position)> Teams =
    [
        ("客服班", "客服", "客服前台"),
        ("秩序班", "秩序", "秩序维护员"),
        ("保洁班", "保洁", "保洁员"),
        ("工程班", "工程", "维修工"),
        ("绿化班", "绿化", "绿化工"),
    ];

    private static readonly string[] Sites =
        ["翠湖花园", "锦江商务中心", "滨江一号", "阳光水岸", "金色家园", "世纪名苑", "绿城桂花园", "天府广场", "东湖山庄", "星河湾"];

    private static readonly string[] Surnames =
        ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "罗", "郑", "梁", "欧阳", "司马"];

    private static readonly string[] GivenNames =
        ["伟", "芳", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "玉兰", "志强", "海燕", "晓东", "春梅", "国庆", "红霞"];

    /// <summary>The positions the file refers to; the import does not create positions, so they are seeded.</summary>
    public static IEnumerable<Position> Positions() =>
        Teams.Select(t => new Position { Name = t.Position, LineOfWork = LinesOfWork.FromName(t.LineOfWork)!.Value, FacesCustomers = true });

    public static byte[] Create(int rows)
    {
        var random = new Random(20260101);
        var text = new StringBuilder(rows * 120);
        text.Append(PeopleCsv.TemplateHeader).Append("\r\n");
        for (var i = 1; i <= rows; i++)
        {
            var (team, lineOfWork, position) = Teams[random.Next(Teams.Count)];
            var site = Sites[random.Next(Sites.Length)];
            var name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
            // 7,919 is prime to 10^8, so the numbers are unique and look scattered.
            var phone = $"139{(long)i * 7919 % 100_000_000:D8}";
            var email = i % 3 == 0 ? $"e{i:D6}@heyue-wuye.com.cn" : "";
            var hired = new DateOnly(2010, 1, 1).AddDays(random.Next(5_800)).ToString("yyyy-MM-dd");
            var role = (i % 50) switch { 0 => "主管", < 5 => "班长", _ => "员工" };
            text.Append($"E{i:D6},{name},{phone},{email},{site},{team},{lineOfWork},{position},{hired},{role}\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
