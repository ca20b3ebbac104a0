namespace TrainingLms.Domain.People;

public enum PasswordProblem
{
    Common = 1,
    ContainsEmployeeNumber = 2,
    ContainsPhone = 3,
}

/// <summary>
/// What makes a password easy to guess for someone who knows the company: being one of the most common passwords, or
/// containing the person's own employee number or mobile number (both printed on badges, rosters and group chats).
/// Length and the digit are Identity's own rules.
/// </summary>
public static class WeakPasswords
{
    /// <summary>A one- or two-character employee number would forbid nearly every password that contains it by chance.</summary>
    public const int MinEmployeeNumberLengthToCheck = 3;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static int CommonCount => Common.Value.Count;

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim().ToLowerInvariant());

    public static IReadOnlyList<PasswordProblem> Check(string password, string? employeeNumber, string? phone)
    {
        var problems = new List<PasswordProblem>();
        if (IsCommon(password)) problems.Add(PasswordProblem.Common);
        var number = employeeNumber?.Trim() ?? "";
        if (number.Length >= MinEmployeeNumberLengthToCheck && password.Contains(number, StringComparison.OrdinalIgnoreCase))
            problems.Add(PasswordProblem.ContainsEmployeeNumber);
        if (ContactDetails.NormalizePhone(phone) is { } mobile && Digits(password).Contains(mobile, StringComparison.Ordinal))
            problems.Add(PasswordProblem.ContainsPhone);
        return problems;
    }

    // "139-1234-0102" inside a password is still the phone number.
    private static string Digits(string password) => new([.. password.Where(char.IsAsciiDigit)]);

    private static HashSet<string> Load()
    {
        using var stream = typeof(WeakPasswords).Assembly.GetManifestResourceStream("TrainingLms.Domain.People.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in TrainingLms.Domain.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#')) passwords.Add(line);
        }
        return passwords;
    }
}
