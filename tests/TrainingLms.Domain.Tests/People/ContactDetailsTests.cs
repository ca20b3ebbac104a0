using TrainingLms.Domain.People;

namespace TrainingLms.Domain.Tests.People;

public class ContactDetailsTests
{
    [Theory]
    [InlineData("A1001")]
    [InlineData("100234")]
    [InlineData("sh.site-01_x")]
    [InlineData("A2345678901234567890123456789012")] // 32 characters, the limit
    public void IsValidEmployeeNumber_LettersDigitsAndSeparators_True(string number) =>
        Assert.True(ContactDetails.IsValidEmployeeNumber(number));

    [Theory]
    [InlineData("")]
    [InlineData("-A1001")]
    [InlineData(".A1001")]
    [InlineData("A 1001")]
    [InlineData("工号1001")]
    [InlineData("A1001@x")]
    [InlineData("A23456789012345678901234567890123")] // 33 characters
    public void IsValidEmployeeNumber_BadCharactersOrTooLong_False(string number) =>
        Assert.False(ContactDetails.IsValidEmployeeNumber(number));

    [Theory]
    [InlineData("13912340102", "13912340102")]
    [InlineData("+86 139-1234-0102", "13912340102")]
    [InlineData("+8613912340102", "13912340102")]
    [InlineData("0086 139 1234 0102", "13912340102")]
    [InlineData("(139) 1234-0102", "13912340102")]
    [InlineData("199-0000-1111", "19900001111")]
    public void NormalizePhone_MainlandMobileInAnyCommonForm_ElevenDigits(string input, string expected) =>
        Assert.Equal(expected, ContactDetails.NormalizePhone(input));

    [Theory]
    [InlineData("12912340102")]   // second digit must be 3-9
    [InlineData("1391234010")]    // ten digits
    [InlineData("139123401021")]  // twelve digits
    [InlineData("021-6234-5678")] // Shanghai landline
    [InlineData("+1 415 555 0100")]
    [InlineData("139.1234.0102")]
    [InlineData("1391234010a")]
    public void NormalizePhone_NotAMainlandMobile_Null(string input) =>
        Assert.Null(ContactDetails.NormalizePhone(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NormalizePhone_Blank_Null(string? input) =>
        Assert.Null(ContactDetails.NormalizePhone(input));

    [Theory]
    [InlineData("li.wei@example.cn", "li.wei@example.cn")]
    [InlineData("  li.wei@example.cn  ", "li.wei@example.cn")]
    [InlineData("Li.Wei@Example.com.cn", "Li.Wei@Example.com.cn")]
    public void NormalizeEmail_ValidAddress_Trimmed(string input, string expected) =>
        Assert.Equal(expected, ContactDetails.NormalizeEmail(input));

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("li.wei")]
    [InlineData("li.wei@localhost")]
    [InlineData("Li Wei <li.wei@example.cn>")]
    [InlineData("li wei@example.cn")]
    [InlineData("@example.cn")]
    public void NormalizeEmail_NotAPlainAddressWithDomain_Null(string? input) =>
        Assert.Null(ContactDetails.NormalizeEmail(input));
}
