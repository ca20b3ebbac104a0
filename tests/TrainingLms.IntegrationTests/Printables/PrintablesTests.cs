using System.Net;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using static TrainingLms.IntegrationTests.Printables.Poppler;

namespace TrainingLms.IntegrationTests.Printables;

/// <summary>
/// The pocket card and the wall charts as people download them, read back with poppler: the text a reader needs, the
/// paper size, every word inside the paper; a content edit shows in the next download; only signed-in people get them.
/// </summary>
public class PrintablesTests(PrintablesFactory factory) : IClassFixture<PrintablesFactory>
{
    private const string A6 = "297.64 x 419.53 pts";
    private const string A3 = "841.89 x 1190.55 pts";

    private async Task<HttpClient> EmployeeAsync(string number)
    {
        await factory.CreatePersonAsync(number, [Roles.Employee]);
        return await factory.SignedInAsync(number);
    }

    private static async Task<PdfFacts> DownloadAsync(HttpClient client, string path, string keepAs)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        await File.WriteAllBytesAsync(Path.Combine(PrintablesFactory.Keep, keepAs), bytes);
        return await ReadAsync(bytes);
    }

    /// <summary>
    /// Nothing runs off the paper: every word lies inside the page, clear of the edge. Across, poppler's boxes are the
    /// glyphs' advances; up and down they come from the font box Skia writes (taller than the glyphs), so the middle
    /// of the line is what must be inside.
    /// </summary>
    private static void AllInside(PdfFacts pdf, double width, double height)
    {
        Assert.NotEmpty(pdf.Words);
        var outside = pdf.Words.Where(w => w.Left < 8 || w.Right > width - 8 || (w.Top + w.Bottom) / 2 < 8 || (w.Top + w.Bottom) / 2 > height - 8).ToList();
        Assert.True(outside.Count == 0, "off the paper: " + string.Join(", ", outside));
        // Glyphs the font shares with a radical read as the ideograph (见, not ⻅).
        Assert.DoesNotContain(pdf.Text, c => c is >= '\u2E80' and <= '\u2FDF');
    }

    [Fact]
    public async Task Card_InChinese_IsA6_FrontAndBack_WithEveryPractice()
    {
        var client = await EmployeeAsync("PR-1");

        var pdf = await DownloadAsync(client, "/printables/card.pdf?lang=zh-CN", "card-zh-CN.pdf");

        Assert.Equal(A6, pdf.PageSize);
        Assert.InRange(pdf.Pages, 1, 2);
        AllInside(pdf, 297.64, 419.53);
        foreach (var expected in new[]
        {
            "服务礼仪口袋卡", "见面、微笑、问好、起身", "目光相遇时，微笑并点头致意", "不露齿", "主动先开口问好", "先站起来再服务",
            "接待三声", "来有迎声", "问有答声", "去有送声",
            "文明十字", "你好", "请", "谢谢", "对不起", "再见",
            "服务禁用语", "“不清楚”", "“不知道”", "“没办法解决”", "“我们不管”",
            "首问负责制", "转达→跟踪→反馈", "第1版",
        })
            Assert.Contains(expected, pdf.Squashed);
    }

    [Fact]
    public async Task Card_InEnglish_IsA6_WithEveryPractice()
    {
        var client = await EmployeeAsync("PR-2");

        var pdf = await DownloadAsync(client, "/printables/card.pdf?lang=en", "card-en.pdf");

        Assert.Equal(A6, pdf.PageSize);
        Assert.InRange(pdf.Pages, 1, 2);
        AllInside(pdf, 297.64, 419.53);
        foreach (var expected in new[]
        {
            "Serviceetiquettepocketcard", "Meet,smile,greet,rise", "Thethreesoundsofreception", "Theten civilwords".Replace(" ", ""),
            "Hello", "Please", "Thankyou", "Sorry", "Goodbye", "Forbiddenphrases", "\"I'mnotsure\"", "\"Idon'tknow\"", "\"Nothingcanbedone\"",
            "\"Notourbusiness\"", "First-inquiryresponsibility", "version1",
        })
            Assert.Contains(expected, pdf.Squashed);
    }

    [Theory]
    [InlineData(LineOfWork.CustomerService, "customer-service", "客服岗位服务标准", "条线：客服", "Customerservice:thestandardsofthepost")]
    [InlineData(LineOfWork.Security, "security", "安防岗位服务标准", "条线：安防", "Security:thestandardsofthepost")]
    [InlineData(LineOfWork.Cleaning, "cleaning", "保洁岗位服务标准", "条线：保洁", "Cleaning:thestandardsofthepost")]
    [InlineData(LineOfWork.Engineering, "engineering", "工程岗位服务标准", "条线：工程", "Engineering:thestandardsofthepost")]
    [InlineData(LineOfWork.Greening, "greening", "绿化岗位服务标准", "条线：绿化", "Greening:thestandardsofthepost")]
    public async Task Chart_OfEachLine_IsOneA3Page_WithTheLinesTitle_InBothLanguages(LineOfWork line, string route, string zhTitle, string zhLine, string enTitle)
    {
        var client = await EmployeeAsync("PR-C" + (int)line);

        var chinese = await DownloadAsync(client, $"/printables/charts/{route}.pdf?lang=zh-CN", $"chart-{route}-zh-CN.pdf");
        var english = await DownloadAsync(client, $"/printables/charts/{route}.pdf?lang=en-US", $"chart-{route}-en.pdf");

        foreach (var pdf in new[] { chinese, english })
        {
            Assert.Equal(A3, pdf.PageSize);
            Assert.Equal(1, pdf.Pages);
            AllInside(pdf, 841.89, 1190.55);
        }
        Assert.Contains(zhTitle, chinese.Squashed);
        Assert.Contains(zhLine, chinese.Squashed);
        Assert.Contains("见面、微笑、问好、起身", chinese.Squashed);
        Assert.Contains(enTitle, english.Squashed);
        Assert.Contains($"Lineofwork:{line switch { LineOfWork.CustomerService => "Customerservice", _ => line.ToString() }}", english.Squashed);
        Assert.Contains("Meet,smile,greet,rise", english.Squashed);
    }

    [Fact]
    public async Task ContentEdit_ShowsInTheNextDownload_AndABrokenFileKeepsTheLastGoodCard()
    {
        var client = await EmployeeAsync("PR-3");
        var path = factory.PrintablePath("pocket-card.md");
        var original = await File.ReadAllTextAsync(path);
        try
        {
            var before = await DownloadAsync(client, "/printables/card.pdf?lang=zh-CN", "card-before-edit.pdf");
            await File.WriteAllTextAsync(path, original.Replace("随身带着，上岗前看一眼", "交班前再读一遍").Replace("version: 1", "version: 2"));

            var after = await DownloadAsync(client, "/printables/card.pdf?lang=zh-CN", "card-after-edit.pdf");

            Assert.Contains("随身带着，上岗前看一眼", before.Squashed);
            Assert.Contains("交班前再读一遍", after.Squashed);
            Assert.DoesNotContain("随身带着，上岗前看一眼", after.Squashed);
            Assert.Contains("第2版", after.Squashed);

            // A broken edit: the card stays as it last read well, and the content page names the file and line.
            await File.WriteAllTextAsync(path, original.Replace("  - key: three-sounds", "  - key: three-sounds\n    colour: green"));
            var kept = await DownloadAsync(client, "/printables/card.pdf?lang=zh-CN", "card-broken-edit.pdf");
            var administrator = await factory.AdministratorClientAsync();
            await administrator.PostFormAsync("/admin/content", "reload", []);
            var page = await administrator.GetStringAsync("/admin/content");

            Assert.Contains("交班前再读一遍", kept.Squashed);
            Assert.Contains("printables/pocket-card.md", page);
            Assert.Contains("colour", page);
            Assert.Empty(factory.Errors.Entries);
        }
        finally
        {
            await File.WriteAllTextAsync(path, original);
        }
    }

    [Fact]
    public async Task SignedOut_GoesToSignIn_UnknownLineIsNotFound_HostileQueriesAreNoError()
    {
        var anonymous = factory.CreateSessionClient();
        var client = await EmployeeAsync("PR-4");

        var signedOut = await anonymous.GetAsync("/printables/card.pdf");
        var signedOutChart = await anonymous.GetAsync("/printables/charts/security.pdf");
        var unknown = await client.GetAsync("/printables/charts/gardening.pdf");
        var enumName = await client.GetAsync("/printables/charts/Security.pdf");
        var number = await client.GetAsync("/printables/charts/2.pdf");
        var traversal = await client.GetAsync("/printables/charts/..%2F..%2Fcard.pdf");
        var hostileLanguage = await client.GetAsync("/printables/card.pdf?lang=%3Cscript%3E" + new string('x', 4000));
        var twoLanguages = await client.GetAsync("/printables/card.pdf?lang=en&lang=zh-CN");

        Assert.StartsWith("/account/signin", signedOut.RedirectPath());
        Assert.StartsWith("/account/signin", signedOutChart.RedirectPath());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, enumName.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, number.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hostileLanguage.StatusCode);
        Assert.Equal("application/pdf", hostileLanguage.Content.Headers.ContentType?.MediaType);
        Assert.True(twoLanguages.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, twoLanguages.StatusCode.ToString());
        Assert.Empty(factory.Errors.Entries);
    }

    [Fact]
    public async Task Links_OnTheCoursePage_AndTheTrainersHomeAndDrillsPages()
    {
        var employee = await EmployeeAsync("PR-5");
        await factory.CreatePersonAsync("PR-6", [Roles.Trainer]);
        var trainer = await factory.SignedInAsync("PR-6");

        var course = await employee.GetStringAsync("/learning/meet-smile-greet-rise");
        var drills = await trainer.GetStringAsync("/drills");
        var trainerHome = await trainer.GetStringAsync("/");
        var employeeHome = await employee.GetStringAsync("/");

        Assert.Contains("href=\"/printables/card.pdf?lang=zh-CN\"", course);
        Assert.Contains("href=\"/printables/card.pdf?lang=en\"", course);
        Assert.DoesNotContain("/printables/charts/", course);
        Assert.Contains("href=\"/printables/card.pdf?lang=zh-CN\"", drills);
        foreach (var line in new[] { "customer-service", "security", "cleaning", "engineering", "greening" })
        {
            Assert.Contains($"href=\"/printables/charts/{line}.pdf?lang=zh-CN\"", drills);
            Assert.Contains($"href=\"/printables/charts/{line}.pdf?lang=en\"", drills);
            Assert.Contains($"href=\"/printables/charts/{line}.pdf?lang=zh-CN\"", trainerHome);
        }
        Assert.DoesNotContain("/printables/", employeeHome);
        var linked = await trainer.GetAsync("/printables/charts/greening.pdf?lang=en");
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
    }
}
