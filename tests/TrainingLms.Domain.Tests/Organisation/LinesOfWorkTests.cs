using TrainingLms.Domain.Organisation;

namespace TrainingLms.Domain.Tests.Organisation;

public class LinesOfWorkTests
{
    [Theory]
    [InlineData("客服", LineOfWork.CustomerService)]
    [InlineData("客户服务", LineOfWork.CustomerService)]
    [InlineData("前台", LineOfWork.CustomerService)]
    [InlineData("安防", LineOfWork.Security)]
    [InlineData("秩序", LineOfWork.Security)]
    [InlineData("保安", LineOfWork.Security)]
    [InlineData("保洁", LineOfWork.Cleaning)]
    [InlineData("清洁", LineOfWork.Cleaning)]
    [InlineData("工程", LineOfWork.Engineering)]
    [InlineData("维修", LineOfWork.Engineering)]
    [InlineData(" 绿化 ", LineOfWork.Greening)]
    public void FromName_ChineseAlias_LineOfWork(string name, LineOfWork expected) =>
        Assert.Equal(expected, LinesOfWork.FromName(name));

    [Theory]
    [InlineData("CustomerService", LineOfWork.CustomerService)]
    [InlineData("customer service", LineOfWork.CustomerService)]
    [InlineData("SECURITY", LineOfWork.Security)]
    [InlineData("cleaning", LineOfWork.Cleaning)]
    [InlineData("Engineering", LineOfWork.Engineering)]
    [InlineData("Greening", LineOfWork.Greening)]
    public void FromName_EnglishName_LineOfWork(string name, LineOfWork expected) =>
        Assert.Equal(expected, LinesOfWork.FromName(name));

    [Theory]
    [InlineData("")]
    [InlineData("餐饮")]
    [InlineData("Catering")]
    [InlineData("0")]
    [InlineData("99")]
    public void FromName_UnknownName_Null(string name) =>
        Assert.Null(LinesOfWork.FromName(name));
}
