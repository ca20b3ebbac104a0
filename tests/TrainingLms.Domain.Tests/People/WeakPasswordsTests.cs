using TrainingLms.Domain.People;

namespace TrainingLms.Domain.Tests.People;

public class WeakPasswordsTests
{
    [Fact]
    public void CommonList_HoldsAtLeastTenThousandPasswords()
    {
        Assert.True(WeakPasswords.CommonCount >= 10_000, $"Only {WeakPasswords.CommonCount} common passwords loaded.");
    }

    [Theory]
    [InlineData("password1")]
    [InlineData("Password123")]
    [InlineData("12345678")]
    [InlineData("qwerty123")]
    [InlineData("woaini1314")]
    [InlineData("1qaz2wsx")]
    [InlineData(" iloveyou ")]
    public void Check_CommonPassword_Common(string password)
    {
        Assert.Equal([PasswordProblem.Common], WeakPasswords.Check(password, "Z900", null));
    }

    [Theory]
    [InlineData("smile2026")]
    [InlineData("welcome2026")]
    [InlineData("first-admin-2026")]
    public void Check_PasswordsTheDemoAndTestsSet_Accepted(string password)
    {
        Assert.Empty(WeakPasswords.Check(password, "E0001", "13800000001"));
    }

    [Theory]
    [InlineData("a100-spring9", "A100")]
    [InlineData("xxA100yy1", "a100")]
    public void Check_ContainsTheEmployeeNumber_AnyCase(string password, string employeeNumber)
    {
        Assert.Equal([PasswordProblem.ContainsEmployeeNumber], WeakPasswords.Check(password, employeeNumber, null));
    }

    [Fact]
    public void Check_VeryShortEmployeeNumber_NotLookedFor()
    {
        Assert.Empty(WeakPasswords.Check("lotus-pond-2027", "20", null));
    }

    [Theory]
    [InlineData("me13912340102")]
    [InlineData("139-1234-0102!a")]
    [InlineData("tel 139 1234 0102")]
    public void Check_ContainsTheMobileNumber_EvenWithSeparators(string password)
    {
        Assert.Equal([PasswordProblem.ContainsPhone], WeakPasswords.Check(password, "A100", "+86 139-1234-0102"));
    }
}
