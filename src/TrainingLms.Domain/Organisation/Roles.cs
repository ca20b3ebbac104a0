namespace TrainingLms.Domain.Organisation;

/// <summary>The five roles of the LMS; a person may hold several.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Trainer = "Trainer";
    public const string ClassLeader = "ClassLeader";
    public const string Manager = "Manager";
    public const string Employee = "Employee";

    public static readonly IReadOnlyList<string> All = [Admin, Trainer, ClassLeader, Manager, Employee];

    // Names as administrators write them in spreadsheets, in either language.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        [Admin] = Admin, ["Administrator"] = Admin, ["管理员"] = Admin, ["培训管理员"] = Admin,
        [Trainer] = Trainer, ["培训师"] = Trainer,
        [ClassLeader] = ClassLeader, ["Class leader"] = ClassLeader, ["班长"] = ClassLeader, ["领班"] = ClassLeader,
        [Manager] = Manager, ["Grassroots manager"] = Manager, ["主管"] = Manager, ["项目经理"] = Manager, ["基层管理人员"] = Manager,
        [Employee] = Employee, ["员工"] = Employee, ["新员工"] = Employee,
    };

    public static string? FromName(string name) => Aliases.GetValueOrDefault(name.Trim());
}
