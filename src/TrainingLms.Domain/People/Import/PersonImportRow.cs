namespace TrainingLms.Domain.People.Import;

/// <summary>One data row of a people CSV as read, with the line it starts on in the file.</summary>
public sealed record PersonImportRow(
    int Line,
    string? EmployeeNumber,
    string? FullName,
    string? Phone = null,
    string? Email = null,
    string? Site = null,
    string? Team = null,
    string? LineOfWork = null,
    string? Position = null,
    string? HireDate = null,
    string? Roles = null,
    string? Contractor = null);

/// <summary>A row that passed every check, with its values normalised.</summary>
public sealed record ValidPersonRow(
    int Line,
    string EmployeeNumber,
    string FullName,
    string? Phone,
    string? Email,
    string? Site,
    string? Team,
    Organisation.LineOfWork? TeamLineOfWork,
    string? Position,
    DateOnly? HireDate,
    IReadOnlyList<string> Roles,
    ContractorCell Contractor = default);

/// <summary>
/// The contractor column of a row: blank (<see cref="IsBlank"/>: a new person is own staff, someone who exists keeps
/// what they have), the company's own staff written out (<see cref="OwnStaff"/>, e.g. 本公司), or a contractor company's name.
/// </summary>
public readonly record struct ContractorCell(string? Name, bool OwnStaff)
{
    public bool IsBlank => Name is null && !OwnStaff;

    private static readonly HashSet<string> OwnStaffWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "本公司", "本公司员工", "自有", "自有员工", "公司员工", "非外包", "own", "own staff", "in-house", "company",
    };

    public static ContractorCell Read(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell)) return default;
        var name = cell.Trim();
        return OwnStaffWords.Contains(name) ? new(null, true) : new(name, false);
    }
}

public enum ImportProblem
{
    MissingEmployeeNumber,
    InvalidEmployeeNumber,
    DuplicateEmployeeNumber,
    MissingName,
    NameTooLong,
    InvalidPhone,
    DuplicatePhone,
    PhoneBelongsToSomeoneElse,
    InvalidEmail,
    DuplicateEmail,
    EmailBelongsToSomeoneElse,
    InvalidHireDate,
    UnknownRole,
    UnknownSite,
    TeamWithoutSite,
    UnknownTeam,
    UnknownLineOfWork,
    LineOfWorkNeededToCreateTeam,
    UnknownPosition,
    UnknownContractor,
    ContractorNameTooLong,
    MissingHeader,
    MalformedRow,
}

/// <summary>Why one row (or the header, line 1) cannot be imported.</summary>
public sealed record ImportIssue(int Line, ImportProblem Problem, string Value);
