using TrainingLms.Domain.Organisation;

namespace TrainingLms.Domain.Tests.Organisation;

public class RolesTests
{
    [Theory]
    [InlineData("Admin", Roles.Admin)]
    [InlineData("administrator", Roles.Admin)]
    [InlineData("TRAINER", Roles.Trainer)]
    [InlineData("ClassLeader", Roles.ClassLeader)]
    [InlineData("Class leader", Roles.ClassLeader)]
    [InlineData("manager", Roles.Manager)]
    [InlineData(" Employee ", Roles.Employee)]
    public void FromName_EnglishName_CanonicalRole(string name, string expected) =>
        Assert.Equal(expected, Roles.FromName(name));

    [Theory]
    [InlineData("管理员", Roles.Admin)]
    [InlineData("培训管理员", Roles.Admin)]
    [InlineData("培训师", Roles.Trainer)]
    [InlineData("班长", Roles.ClassLeader)]
    [InlineData("领班", Roles.ClassLeader)]
    [InlineData("主管", Roles.Manager)]
    [InlineData("项目经理", Roles.Manager)]
    [InlineData("基层管理人员", Roles.Manager)]
    [InlineData("员工", Roles.Employee)]
    [InlineData(" 新员工 ", Roles.Employee)]
    public void FromName_ChineseAlias_CanonicalRole(string name, string expected) =>
        Assert.Equal(expected, Roles.FromName(name));

    [Theory]
    [InlineData("")]
    [InlineData("Boss")]
    [InlineData("保安")]
    [InlineData("ClassLeaders")]
    public void FromName_UnknownName_Null(string name) =>
        Assert.Null(Roles.FromName(name));

    [Fact]
    public void FromName_EveryCanonicalName_MapsToItself()
    {
        foreach (var role in Roles.All) Assert.Equal(role, Roles.FromName(role));
    }
}
