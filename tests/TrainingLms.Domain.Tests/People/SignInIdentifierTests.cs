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
}
