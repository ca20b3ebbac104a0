using TrainingLms.Domain.People;

namespace TrainingLms.Domain.Tests.People;

public class SignInIdentifierTests
{
    [Fact]
    public void Parse_ContainsAt_EmailTrimmed()
    {
        var identifier = SignInIdentifier.Parse("  li.wei@example.cn ");

        Assert.Equal(new SignInIdentifier(SignInIdentifierKind.Email, "li.wei@example.cn"), identifier);
    }

    [Theory]
    [InlineData("13912340102")]
    [InlineData("+86 139-1234-0102")]
    [InlineData(" 0086 13912340102 ")]
    public void Parse_MobileNumber_PhoneNormalised(string input)
    {
        var identifier = SignInIdentifier.Parse(input);

        Assert.Equal(new SignInIdentifier(SignInIdentifierKind.Phone, "13912340102"), identifier);
    }

    [Theory]
    [InlineData(" A1001 ", "A1001")]
    [InlineData("100234", "100234")]
    [InlineData("021-6234-5678", "021-6234-5678")]
    public void Parse_NeitherEmailNorMobile_EmployeeNumberTrimmed(string input, string expected)
    {
        var identifier = SignInIdentifier.Parse(input);

        Assert.Equal(new SignInIdentifier(SignInIdentifierKind.EmployeeNumber, expected), identifier);
    }

    [Theory]
    [InlineData(" a1001 ", "N:A1001")]
    [InlineData("+86 139-1234-0102", "P:13912340102")]
    [InlineData("Li.Wei@Example.cn", "E:LI.WEI@EXAMPLE.CN")]
    public void ThrottleKey_FromWhatWasTyped_KindAndUpperCaseValue(string input, string expected)
    {
        Assert.Equal(expected, SignInIdentifier.Parse(input).ThrottleKey);
    }

    [Fact]
    public void ThrottleKey_VeryLongInput_Capped()
    {
        Assert.Equal(SignInThrottle.MaxIdentifierLength, SignInIdentifier.Parse(new string('x', 5000)).ThrottleKey.Length);
    }

    [Fact]
    public void ThrottleKeysOf_EveryIdentifierAPersonCanType_KindReadBack()
    {
        var keys = SignInIdentifier.ThrottleKeysOf("a1001", "13912340102", "li@example.cn");

        Assert.Equal(["N:A1001", "P:13912340102", "E:LI@EXAMPLE.CN"], keys);
        Assert.Equal([SignInIdentifierKind.EmployeeNumber, SignInIdentifierKind.Phone, SignInIdentifierKind.Email], keys.Select(SignInIdentifier.KindOfThrottleKey));
    }
}
