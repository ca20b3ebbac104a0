using System.Globalization;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Domain.People.Import;

public sealed record ImportValidation(IReadOnlyList<ValidPersonRow> Rows, IReadOnlyList<ImportIssue> Issues)
{
    public bool IsValid => Issues.Count == 0;
}

/// <summary>
/// Checks every row of a people import before anything is written: an import is all or nothing,
/// so the administrator gets the full list of bad rows at once.
/// </summary>
public static class PersonImportValidator
{
    private static readonly string[] HireDateFormats =
        ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy/MM/dd", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];

    // Not spaces: "Class leader" is one role.
    private static readonly char[] RoleSeparators = [',', '，', '、', ';', '；', '|', '/'];

    public static ImportValidation Validate(IEnumerable<PersonImportRow> rows, ImportReference reference, bool createMissing)
    {
        var issues = new List<ImportIssue>();
        var valid = new List<ValidPersonRow>();
        var seenNumbers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var seenPhones = new HashSet<string>(StringComparer.Ordinal);
        var seenEmails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var row in rows)
        {
            var before = issues.Count;
            void Problem(ImportProblem problem, string? value) => issues.Add(new(row.Line, problem, value ?? ""));

            var number = row.EmployeeNumber?.Trim() ?? "";
            if (number.Length == 0) Problem(ImportProblem.MissingEmployeeNumber, null);
            else if (!ContactDetails.IsValidEmployeeNumber(number)) Problem(ImportProblem.InvalidEmployeeNumber, number);
            else if (!seenNumbers.Add(number)) Problem(ImportProblem.DuplicateEmployeeNumber, number);

            var name = row.FullName?.Trim() ?? "";
            if (name.Length == 0) Problem(ImportProblem.MissingName, null);
            else if (name.Length > ContactDetails.MaxNameLength) Problem(ImportProblem.NameTooLong, name);

            var normalizedPhone = CheckContact(row.Phone, ContactDetails.NormalizePhone, seenPhones, reference.PhoneOwners,
                ImportProblem.InvalidPhone, ImportProblem.DuplicatePhone, ImportProblem.PhoneBelongsToSomeoneElse);
            var normalizedEmail = CheckContact(row.Email, ContactDetails.NormalizeEmail, seenEmails, reference.EmailOwners,
                ImportProblem.InvalidEmail, ImportProblem.DuplicateEmail, ImportProblem.EmailBelongsToSomeoneElse);

            // A phone or email must be valid, appear once in the file, and not belong to another person already.
            string? CheckContact(string? raw, Func<string, string?> normalize, HashSet<string> seen, Dictionary<string, string> owners,
                ImportProblem invalid, ImportProblem duplicate, ImportProblem takenBySomeoneElse)
            {
                if (Optional(raw) is not { } value) return null;
                var normalized = normalize(value);
                if (normalized is null) Problem(invalid, value);
                else if (!seen.Add(normalized)) Problem(duplicate, value);
                else if (owners.TryGetValue(normalized, out var owner) && !Same(owner, number)) Problem(takenBySomeoneElse, $"{value} ({owner})");
                return normalized;
            }

            DateOnly? hireDate = null;
            if (Optional(row.HireDate) is { } hireText)
            {
                if (DateOnly.TryParseExact(hireText, HireDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    && parsed.Year >= 1950)
                    hireDate = parsed;
                else Problem(ImportProblem.InvalidHireDate, hireText);
            }

            var roles = new List<string>();
            foreach (var roleName in (row.Roles ?? "").Split(RoleSeparators, StringSplitOptions.RemoveEmptyEntries))
            {
                if (Organisation.Roles.FromName(roleName) is { } role) { if (!roles.Contains(role)) roles.Add(role); }
                else Problem(ImportProblem.UnknownRole, roleName);
            }
            if (!roles.Contains(Organisation.Roles.Employee)) roles.Add(Organisation.Roles.Employee);

            var site = Optional(row.Site);
            var team = Optional(row.Team);
            LineOfWork? lineOfWork = null;
            if (Optional(row.LineOfWork) is { } lineText)
            {
                lineOfWork = LinesOfWork.FromName(lineText);
                if (lineOfWork is null) Problem(ImportProblem.UnknownLineOfWork, lineText);
            }
            if (site is not null && !createMissing && !reference.Sites.Contains(site)) Problem(ImportProblem.UnknownSite, site);
            if (team is not null)
            {
                if (site is null) Problem(ImportProblem.TeamWithoutSite, team);
                else if (!reference.HasTeam(site, team))
                {
                    if (!createMissing) Problem(ImportProblem.UnknownTeam, $"{site} / {team}");
                    else if (lineOfWork is null && Optional(row.LineOfWork) is null)
                        Problem(ImportProblem.LineOfWorkNeededToCreateTeam, $"{site} / {team}");
                }
            }

            var position = Optional(row.Position);
            if (position is not null && !reference.Positions.Contains(position)) Problem(ImportProblem.UnknownPosition, position);

            // A contractor company not known yet is created with "create missing", like a site or team.
            var contractor = ContractorCell.Read(row.Contractor);
            if (contractor.Name is { } contractorName)
            {
                if (contractorName.Length > ContractorCompany.MaxNameLength) Problem(ImportProblem.ContractorNameTooLong, contractorName);
                else if (!createMissing && !reference.Contractors.Contains(contractorName)) Problem(ImportProblem.UnknownContractor, contractorName);
            }

            if (issues.Count == before)
                valid.Add(new(row.Line, number, name, normalizedPhone, normalizedEmail, site, team, lineOfWork, position, hireDate, roles, contractor));
        }

        return new(valid, issues);
    }

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
