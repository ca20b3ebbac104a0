using TrainingLms.Web.Infrastructure;
using Bunit;
using TrainingLms.Domain.People.Import;
using TrainingLms.Web.Features.People.Import;

namespace TrainingLms.Web.Tests.Features.People.Import;

public class ImportReportTests : LocalizedContext
{
    private static ImportBatch Batch(bool succeeded, int rows = 12) => new()
    {
        FileName = "people.csv",
        Encoding = "GB18030",
        Status = succeeded ? ImportStatus.Completed : ImportStatus.Refused,
        RowCount = rows,
        Created = 3,
        Updated = 4,
        Unchanged = 5,
    };

    [Fact]
    public void ImportReport_RefusedInChinese_EveryIssueWithLineProblemAndValue()
    {
        UseCulture("zh-CN");
        ImportIssue[] issues =
        [
            new(3, ImportProblem.DuplicateEmployeeNumber, "A1001"),
            new(7, ImportProblem.InvalidPhone, "139-1234"),
            new(7, ImportProblem.UnknownSite, "外滩中心"),
        ];

        var cut = Render<ImportReport>(p => p.Add(c => c.Outcome, new ImportOutcome(Batch(false), issues, [])));

        Assert.Equal("未导入任何数据", Text(cut.Find("h2")));
        Assert.Contains("请在文件中修正以下 3 个问题后重新导入。", cut.Markup);
        Assert.Equal(["行号", "问题", "内容"], cut.FindAll("table.import-issues thead th").Select(Text));
        var rows = cut.FindAll("table.import-issues tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(Text).ToArray())
            .ToArray();
        Assert.Equal(
            [
                ["3", "工号在文件中重复", "A1001"],
                ["7", "不是有效的手机号（11 位）", "139-1234"],
                ["7", "项目不存在（可勾选自动创建）", "外滩中心"],
            ],
            rows);
        Assert.Equal("行号", cut.Find("tbody td").GetAttribute("data-label"));
        Assert.Empty(cut.FindAll(".alert"));
    }

    [Fact]
    public void ImportReport_ThousandsOfIssues_ListsTheFirst200AndCountsTheRest()
    {
        UseCulture("en-US");
        var issues = Enumerable.Range(2, 3000).Select(line => new ImportIssue(line, ImportProblem.InvalidPhone, "12345")).ToList();

        var cut = Render<ImportReport>(p => p.Add(c => c.Outcome, new ImportOutcome(Batch(false), issues, [])));

        Assert.Contains("Correct the 3000 row problem(s) below", cut.Markup);
        var lines = cut.FindAll("table.import-issues tbody tr").Select(tr => Text(tr.QuerySelector("td")!)).ToList();
        Assert.Equal(ImportReport.ListedIssues, lines.Count);
        Assert.Equal(["2", "201"], [lines[0], lines[^1]]);
        Assert.Equal("… and 2800 more problems, not listed here.", Text(cut.Find(".import-more")));
    }

    [Fact]
    public void ImportReport_FailedPartWay_SaysNothingWasImported()
    {
        UseCulture("zh-CN");

        var cut = Render<ImportReport>(p => p.Add(c => c.Outcome, new ImportOutcome(Batch(false), [], [], ImportFailure.WriteFailed)));

        Assert.Equal("未导入任何数据", Text(cut.Find("h2.text-danger")));
        Assert.Contains("导入中途失败，已全部撤销", Text(cut.Find(".alert-danger")));
        Assert.Empty(cut.FindAll("table"));
    }

    [Fact]
    public void ImportReport_RefusedInEnglish_ProblemsInEnglish()
    {
        UseCulture("en-US");
        ImportIssue[] issues = [new(1, ImportProblem.MissingHeader, "工号")];

        var cut = Render<ImportReport>(p => p.Add(c => c.Outcome, new ImportOutcome(Batch(false), issues, [])));

        Assert.Equal("Nothing was imported", Text(cut.Find("h2")));
        Assert.Contains("Correct the 1 row problem(s) below", cut.Markup);
        Assert.Equal(
            ["1", "Header row lacks required columns (工号, 姓名)", "工号"],
            cut.FindAll("tbody td").Select(Text));
    }

    [Fact]
    public void ImportReport_Imported_CountsAndEncodingShownWithoutTable()
    {
        UseCulture("en-US");

        var cut = Render<ImportReport>(p => p.Add(c => c.Outcome, new ImportOutcome(Batch(true), [], [])));

        Assert.Equal("Import complete", Text(cut.Find("h2.text-success")));
        cut.Find("p").MarkupMatches("<p class=\"mb-0\">12 rows read (GB18030).<br />3 created, 4 updated, 5 unchanged</p>");
        Assert.Empty(cut.FindAll("table"));
    }

    [Fact]
    public void ImportReport_CheckOnlyPassed_NoCounts()
    {
        UseCulture("zh-CN");

        var cut = Render<ImportReport>(p => p
            .Add(c => c.Outcome, new ImportOutcome(Batch(true, rows: 480), [], []))
            .Add(c => c.CheckOnly, true));

        Assert.Equal("所有行均有效", Text(cut.Find("h2")));
        Assert.Equal("共读取 480 行（GB18030）。", Text(cut.Find("p")));
        Assert.Empty(cut.FindAll("br"));
    }

    [Fact]
    public void ImportReport_PasswordProblems_MissingPasswordTranslatedOthersShownAsGiven()
    {
        UseCulture("zh-CN");
        string[] problems = [nameof(ImportSettings.InitialPassword), "Passwords must be at least 8 characters."];

        var cut = Render<ImportReport>(p => p.Add(c => c.Outcome, new ImportOutcome(Batch(false), [], problems)));

        Assert.Equal("未导入任何数据", Text(cut.Find("h2.text-danger")));
        Assert.Equal(
            ["文件中有新人员，请填写初始密码。", "Passwords must be at least 8 characters."],
            cut.FindAll(".alert-warning").Select(Text));
        Assert.Empty(cut.FindAll("table"));
    }
}
