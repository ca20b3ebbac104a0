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
    string? Roles = null);

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
    IReadOnlyList<string> Roles);

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
    MissingHeader,
    MalformedRow,
}

/// <summary>Why one row (or the header, line 1) cannot be imported.</summary>
public sealed record ImportIssue(int Line, ImportProblem Problem, string Value);
