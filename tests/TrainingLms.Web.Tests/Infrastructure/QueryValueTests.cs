using TrainingLms.Domain.Drills;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.Web.Tests.Infrastructure;

public class QueryValueTests
{
    [Theory]
    [InlineData("2026-03-10", "2026-03-10")]
    [InlineData("0001-01-01", "2000-01-01")]
    [InlineData("1999-12-31", "2000-01-01")]
    [InlineData("9999-12-31", "2100-12-31")]
    [InlineData("2026-02-30", null)]
    [InlineData("abc", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Date_OutOfRange_IsClamped_Unparsable_IsAbsent(string? text, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected), QueryValue.Date(text));

    [Theory]
    [InlineData("2026-03", "2026-03-01")]
    [InlineData("0001-01", "2000-01-01")]
    [InlineData("9999-12", "2100-12-01")]
    [InlineData("2026-13", null)]
    [InlineData("2026-03-01", null)]
    public void Month_OutOfRange_IsClampedToAFirstDay(string? text, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected), QueryValue.Month(text));

    [Theory]
    [InlineData("42", 42)]
    [InlineData("99999999999", null)]
    [InlineData("１２３", null)]
    [InlineData("abc", null)]
    public void Int_BeyondIntOrNotDigits_IsAbsent(string text, int? expected) => Assert.Equal(expected, QueryValue.Int(text));

    [Theory]
    [InlineData("Cleared", ClearanceStatus.Cleared)]
    [InlineData("cleared", ClearanceStatus.Cleared)]
    [InlineData("1", null)]
    [InlineData("99", null)]
    [InlineData("Cleared,Expired", null)]
    [InlineData("nonsense", null)]
    public void Enum_OnlyADefinedName(string text, ClearanceStatus? expected) => Assert.Equal(expected, QueryValue.Enum<ClearanceStatus>(text));

    [Theory]
    [InlineData("/reviews?page=2", "/reviews?page=2")]
    [InlineData("//example.com", "/")]
    [InlineData("/\\example.com", "/")]
    [InlineData("/\t/example.com", "/")]
    [InlineData("/\r\n/example.com", "/")]
    [InlineData("https://example.com", "/")]
    [InlineData("/people?q=张 三", "/people?q=%E5%BC%A0%20%E4%B8%89")]
    [InlineData("/\u3000/example.com", "/%E3%80%80/example.com")]
    [InlineData(null, "/")]
    public void LocalUrl_StaysOnTheSite_AsAsciiAHeaderMayCarry(string? url, string expected) => Assert.Equal(expected, LocalUrl.OrHome(url));
}
