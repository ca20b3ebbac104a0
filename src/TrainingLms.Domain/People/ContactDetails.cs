using System.Net.Mail;
using System.Text.RegularExpressions;

namespace TrainingLms.Domain.People;

/// <summary>Normalises and checks the ways a person is identified: employee number, mainland mobile, email.</summary>
public static partial class ContactDetails
{
    public const int MaxNameLength = 50;

    public static bool IsValidEmployeeNumber(string value) => EmployeeNumberPattern().IsMatch(value);

    /// <summary>Mainland mobile numbers as 11 digits, accepting +86/0086 prefixes, spaces and dashes.</summary>
    public static string? NormalizePhone(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var digits = new string(value.Where(c => c is not (' ' or '-' or '(' or ')')).ToArray());
        if (digits.StartsWith("+86", StringComparison.Ordinal)) digits = digits[3..];
        else if (digits.StartsWith("0086", StringComparison.Ordinal)) digits = digits[4..];
        return MobilePattern().IsMatch(digits) ? digits : null;
    }

    public static string? NormalizeEmail(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        return MailAddress.TryCreate(trimmed, out var address)
            && address.Address == trimmed
            && address.Host.Contains('.')
                ? trimmed
                : null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")]
    private static partial Regex EmployeeNumberPattern();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();
}
