using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.People.Import;

namespace TrainingLms.Domain.Tests.People.Import;

public class PersonImportValidatorTests
{
    private static ImportReference Reference()
    {
        var reference = new ImportReference();
        reference.AddSite("金桥广场", "JQ");
        reference.AddTeam("金桥广场", "客服一班");
        reference.Positions.Add("前台接待");
        reference.PhoneOwners["13800000001"] = "A0001";
        reference.EmailOwners["wang.fang@example.cn"] = "A0001";
        return reference;
    }

    [Fact]
    public void Validate_CompleteValidRow_NormalisedValidRow()
    {
        var row = new PersonImportRow(2, " A1001 ", " 李伟 ", "+86 139-1234-0102", " li.wei@example.cn ",
            "金桥广场", "客服一班", "客服", "前台接待", "2024/3/1", "班长、培训师");

        var result = PersonImportValidator.Validate([row], Reference(), createMissing: false);

        Assert.True(result.IsValid);
        Assert.Empty(result.Issues);
        var valid = Assert.Single(result.Rows);
        Assert.Equal(2, valid.Line);
        Assert.Equal("A1001", valid.EmployeeNumber);
        Assert.Equal("李伟", valid.FullName);
        Assert.Equal("13912340102", valid.Phone);
        Assert.Equal("li.wei@example.cn", valid.Email);
        Assert.Equal("金桥广场", valid.Site);
        Assert.Equal("客服一班", valid.Team);
        Assert.Equal(LineOfWork.CustomerService, valid.TeamLineOfWork);
        Assert.Equal("前台接待", valid.Position);
        Assert.Equal(new DateOnly(2024, 3, 1), valid.HireDate);
        Assert.Equal([Roles.ClassLeader, Roles.Trainer, Roles.Employee], valid.Roles);
    }

    [Fact]
    public void Validate_OnlyNumberAndName_EmployeeRoleAndNoOptionalValues()
    {
        var result = PersonImportValidator.Validate([new PersonImportRow(2, "A1001", "李伟")], Reference(), createMissing: false);

        var valid = Assert.Single(result.Rows);
        Assert.Null(valid.Phone);
        Assert.Null(valid.Email);
        Assert.Null(valid.Site);
        Assert.Null(valid.HireDate);
        Assert.Equal([Roles.Employee], valid.Roles);
    }

    [Fact]
    public void Validate_SiteGivenByCodeOrOtherCase_Accepted()
    {
        var reference = new ImportReference();
        reference.AddSite("Jinqiao Plaza", "JQ");
        PersonImportRow[] rows = [new(2, "A1001", "李伟", Site: "jq"), new(3, "A1002", "王芳", Site: "JINQIAO PLAZA")];

        var result = PersonImportValidator.Validate(rows, reference, createMissing: false);

        Assert.True(result.IsValid);
        Assert.Equal(2, result.Rows.Count);
    }

    [Fact]
    public void Validate_DuplicateEmployeeNumberInFile_IssueOnLaterLineOnly()
    {
        PersonImportRow[] rows = [new(2, "A1001", "李伟"), new(3, "A1002", "王芳"), new(4, "a1001", "张磊")];

        var result = PersonImportValidator.Validate(rows, Reference(), createMissing: false);

        Assert.False(result.IsValid);
        Assert.Equal([new ImportIssue(4, ImportProblem.DuplicateEmployeeNumber, "a1001")], result.Issues);
        Assert.Equal([2, 3], result.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Validate_DuplicatePhoneInFileWrittenDifferently_IssueOnLaterLine()
    {
        PersonImportRow[] rows =
        [
            new(2, "A1001", "李伟", Phone: "13912340102"),
            new(5, "A1002", "王芳", Phone: "+86 139-1234-0102"),
        ];

        var result = PersonImportValidator.Validate(rows, Reference(), createMissing: false);

        Assert.False(result.IsValid);
        Assert.Equal([new ImportIssue(5, ImportProblem.DuplicatePhone, "+86 139-1234-0102")], result.Issues);
    }

    [Fact]
    public void Validate_DuplicateEmailInFileDifferentCase_IssueOnLaterLine()
    {
        PersonImportRow[] rows =
        [
            new(2, "A1001", "李伟", Email: "li.wei@example.cn"),
            new(3, "A1002", "王芳", Email: "LI.WEI@example.cn"),
        ];

        var result = PersonImportValidator.Validate(rows, Reference(), createMissing: false);

        Assert.Equal([new ImportIssue(3, ImportProblem.DuplicateEmail, "LI.WEI@example.cn")], result.Issues);
    }

    [Fact]
    public void Validate_PhoneOrEmailHeldBySomeoneElse_IssuesNamingTheOwner()
    {
        var row = new PersonImportRow(2, "A1001", "李伟", Phone: "138 0000 0001", Email: "Wang.Fang@example.cn");

        var result = PersonImportValidator.Validate([row], Reference(), createMissing: false);

        Assert.Equal(
            [
                new ImportIssue(2, ImportProblem.PhoneBelongsToSomeoneElse, "138 0000 0001 (A0001)"),
                new ImportIssue(2, ImportProblem.EmailBelongsToSomeoneElse, "Wang.Fang@example.cn (A0001)"),
            ],
            result.Issues);
    }

    [Fact]
    public void Validate_PhoneAndEmailAlreadyHeldBySamePerson_Valid()
    {
        var row = new PersonImportRow(2, "a0001", "王芳", Phone: "13800000001", Email: "wang.fang@example.cn");

        var result = PersonImportValidator.Validate([row], Reference(), createMissing: false);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_UnknownSiteAndTeam_BothReported()
    {
        var row = new PersonImportRow(7, "A1001", "李伟", Site: "外滩中心", Team: "保洁二班", LineOfWork: "保洁");

        var result = PersonImportValidator.Validate([row], Reference(), createMissing: false);

        Assert.False(result.IsValid);
        Assert.Empty(result.Rows);
        Assert.Equal(
            [
                new ImportIssue(7, ImportProblem.UnknownSite, "外滩中心"),
                new ImportIssue(7, ImportProblem.UnknownTeam, "外滩中心 / 保洁二班"),
            ],
            result.Issues);
    }

    [Fact]
    public void Validate_UnknownTeamAtKnownSite_UnknownTeam()
    {
        var row = new PersonImportRow(3, "A1001", "李伟", Site: "金桥广场", Team: "客服二班");

        var result = PersonImportValidator.Validate([row], Reference(), createMissing: false);

        Assert.Equal([new ImportIssue(3, ImportProblem.UnknownTeam, "金桥广场 / 客服二班")], result.Issues);
    }

    [Fact]
    public void Validate_UnknownSiteAndTeamWithCreateMissing_ValidWithLineOfWork()
    {
        var row = new PersonImportRow(2, "A1001", "李伟", Site: "外滩中心", Team: "保洁二班", LineOfWork: "保洁");

        var result = PersonImportValidator.Validate([row], Reference(), createMissing: true);

        Assert.True(result.IsValid);
        var valid = Assert.Single(result.Rows);
        Assert.Equal(("外滩中心", "保洁二班", LineOfWork.Cleaning), (valid.Site, valid.Team, valid.TeamLineOfWork));
    }

    [Fact]
    public void Validate_NewTeamWithoutLineOfWork_LineOfWorkNeeded()
    {
        var row = new PersonImportRow(2, "A1001", "李伟", Site: "外滩中心", Team: "保洁二班");

        var result = PersonImportValidator.Validate([row], Reference(), createMissing: true);

        Assert.Equal([new ImportIssue(2, ImportProblem.LineOfWorkNeededToCreateTeam, "外滩中心 / 保洁二班")], result.Issues);
    }

    [Fact]
    public void Validate_TeamWithoutSite_TeamWithoutSite()
    {
        var row = new PersonImportRow(2, "A1001", "李伟", Team: "客服一班");

        var result = PersonImportValidator.Validate([row], Reference(), createMissing: true);

        Assert.Equal([new ImportIssue(2, ImportProblem.TeamWithoutSite, "客服一班")], result.Issues);
    }

    [Fact]
    public void Validate_RowWithEveryFieldWrong_EveryProblemReportedOnItsLine()
    {
        var row = new PersonImportRow(9, "A 1001", new string('李', 51), "12345", "not-an-email",
            LineOfWork: "餐饮", Position: "厨师", HireDate: "1949-12-31", Roles: "班长,老板");

        var result = PersonImportValidator.Validate([row], Reference(), createMissing: false);

        Assert.Empty(result.Rows);
        Assert.All(result.Issues, issue => Assert.Equal(9, issue.Line));
        Assert.Equal(
            [
                ImportProblem.InvalidEmployeeNumber, ImportProblem.NameTooLong, ImportProblem.InvalidPhone,
                ImportProblem.InvalidEmail, ImportProblem.InvalidHireDate, ImportProblem.UnknownRole,
                ImportProblem.UnknownLineOfWork, ImportProblem.UnknownPosition,
            ],
            result.Issues.Select(i => i.Problem));
        Assert.Contains(new ImportIssue(9, ImportProblem.UnknownRole, "老板"), result.Issues);
    }

    [Theory]
    [InlineData(null, ImportProblem.MissingEmployeeNumber)]
    [InlineData("  ", ImportProblem.MissingEmployeeNumber)]
    public void Validate_MissingEmployeeNumber_Reported(string? number, ImportProblem expected)
    {
        var result = PersonImportValidator.Validate([new PersonImportRow(2, number, "李伟")], Reference(), createMissing: false);

        Assert.Equal([new ImportIssue(2, expected, "")], result.Issues);
    }

    [Fact]
    public void Validate_MissingName_Reported()
    {
        var result = PersonImportValidator.Validate([new PersonImportRow(2, "A1001", " ")], Reference(), createMissing: false);

        Assert.Equal([new ImportIssue(2, ImportProblem.MissingName, "")], result.Issues);
    }

    [Theory]
    [InlineData("2024-03-01")]
    [InlineData("2024-3-1")]
    [InlineData("2024/03/01")]
    [InlineData("2024.3.1")]
    [InlineData("20240301")]
    [InlineData("2024年3月1日")]
    public void Validate_HireDateInSpreadsheetFormats_Parsed(string text)
    {
        var result = PersonImportValidator.Validate([new PersonImportRow(2, "A1001", "李伟", HireDate: text)], Reference(), createMissing: false);

        Assert.Equal(new DateOnly(2024, 3, 1), Assert.Single(result.Rows).HireDate);
    }

    [Fact]
    public void Validate_OneBadRowAmongGood_NotValidAndBadRowLeftOut()
    {
        PersonImportRow[] rows =
        [
            new(2, "A1001", "李伟"),
            new(3, "A1002", "王芳", Phone: "123"),
            new(4, "A1003", "张磊"),
        ];

        var result = PersonImportValidator.Validate(rows, Reference(), createMissing: false);

        // All or nothing is the importer's job: it refuses the file whenever IsValid is false.
        Assert.False(result.IsValid);
        Assert.Equal([new ImportIssue(3, ImportProblem.InvalidPhone, "123")], result.Issues);
        Assert.Equal([2, 4], result.Rows.Select(r => r.Line));
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("  ", null, false)]
    [InlineData("本公司", null, true)]
    [InlineData(" Own staff ", null, true)]
    [InlineData(" 洁美保洁 ", "洁美保洁", false)]
    public void ContractorCell_ReadsBlankOwnStaffOrAName(string? cell, string? name, bool ownStaff)
    {
        var read = ContractorCell.Read(cell);

        Assert.Equal((name, ownStaff, name is null && !ownStaff), (read.Name, read.OwnStaff, read.IsBlank));
    }

    [Fact]
    public void Validate_Contractor_KnownOrOwnStaffPass_UnknownOnlyWithCreateMissing_TooLongNever()
    {
        var reference = Reference();
        reference.Contractors.Add("洁美保洁");
        PersonImportRow[] rows =
        [
            new(2, "C1", "甲", Contractor: "洁美保洁"),
            new(3, "C2", "乙", Contractor: "本公司"),
            new(4, "C3", "丙", Contractor: "绿源环境"),
            new(5, "C4", "丁", Contractor: new string('外', ContractorCompany.MaxNameLength + 1)),
        ];

        var strict = PersonImportValidator.Validate(rows, reference, createMissing: false);
        var creating = PersonImportValidator.Validate(rows, reference, createMissing: true);

        Assert.Equal([ImportProblem.UnknownContractor, ImportProblem.ContractorNameTooLong], strict.Issues.Select(i => i.Problem));
        Assert.Equal([ImportProblem.ContractorNameTooLong], creating.Issues.Select(i => i.Problem));
        Assert.Equal([new ContractorCell("洁美保洁", false), new ContractorCell(null, true), new ContractorCell("绿源环境", false)],
            creating.Rows.Select(r => r.Contractor));
    }
}
