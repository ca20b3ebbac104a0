using System.Text;
using TrainingLms.Web.Features.ShiftReviews;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.Web.Tests.Features.ShiftReviews;

public class ReviewExportTests
{
    /// <summary>A cell's text → how it is written in the file.</summary>
    public static TheoryData<string, string> Cells => new()
    {
        { "=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\"" },
        { "=1+1", "'=1+1" },
        { "+86 138", "'+86 138" },
        { "-2+3", "'-2+3" },
        { "@SUM(A1:A9)", "'@SUM(A1:A9)" },
        { "\t=1+1", "'\t=1+1" },
        { "\r=1+1", "\"'\r=1+1\"" },
        { "微笑=服务", "微笑=服务" },        // only the first character matters
        { "plain", "plain" },
        { "a,b", "\"a,b\"" },
        { "line\nbreak", "\"line\nbreak\"" },
        { "", "" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Csv_Cell_FormulaStartsNeutralised_RfcQuoted(string value, string expectedCell)
    {
        var bytes = CsvExport.Write([new Dictionary<string, object?> { ["text"] = value }], ["text"]);

        var text = Encoding.UTF8.GetString(bytes[Encoding.UTF8.GetPreamble().Length..]);
        Assert.Equal($"text\r\n{expectedCell}\r\n", text);
    }

    [Fact]
    public void Csv_HeaderAndNumbers_AlsoNeutralisedAndInvariant()
    {
        var bytes = CsvExport.Write([new Dictionary<string, object?> { ["=bad header"] = 3, ["count"] = 1.5 }], ["=bad header", "count"]);

        Assert.Equal("'=bad header,count\r\n3,1.5\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Theory]
    // from, last → first day exported
    [InlineData(null, "2026-12-31", "2026-12-01")]                // none given: the last 31 days
    [InlineData("2027-01-05", "2026-12-31", "2026-12-01")]        // after the last day: the default
    [InlineData("2026-12-31", "2026-12-31", "2026-12-31")]        // one day
    [InlineData("2026-01-01", "2026-12-31", "2026-01-01")]        // 365 days
    [InlineData("2026-01-01", "2027-01-01", "2026-01-01")]        // exactly 366 days
    [InlineData("2025-12-31", "2027-01-01", "2026-01-01")]        // 367 days: cut to the latest 366, not to a month
    [InlineData("2020-01-01", "2026-12-31", "2025-12-31")]        // years: the latest 366 days
    public void FirstDay_RangeLongerThan366Days_ClampedTo366(string? from, string last, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), ReviewExport.FirstDay(from is null ? null : DateOnly.Parse(from), DateOnly.Parse(last)));
}
