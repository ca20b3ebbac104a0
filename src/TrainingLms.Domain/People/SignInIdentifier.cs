namespace TrainingLms.Domain.People;

public enum SignInIdentifierKind { EmployeeNumber, Phone, Email }

/// <summary>What a person typed in the sign-in box: an employee number, a mobile number or an email.</summary>
public readonly record struct SignInIdentifier(SignInIdentifierKind Kind, string Value)
{
    public static SignInIdentifier Parse(string input)
    {
        var trimmed = input.Trim();
        if (trimmed.Contains('@')) return new(SignInIdentifierKind.Email, trimmed);
        return ContactDetails.NormalizePhone(trimmed) is { } phone
            ? new(SignInIdentifierKind.Phone, phone)
            : new(SignInIdentifierKind.EmployeeNumber, trimmed);
    }

    /// <summary>
    /// The name wrong passwords are counted under. It comes from what was typed, never from the account it finds, so
    /// the counting is the same whether the account exists or not (counting per account would tell a stranger that a
    /// phone number and an employee number belong to the same person).
    /// </summary>
    public string ThrottleKey
    {
        get
        {
            var key = $"{Kind switch { SignInIdentifierKind.Email => 'E', SignInIdentifierKind.Phone => 'P', _ => 'N' }}:{Value.ToUpperInvariant()}";
            return key.Length <= SignInThrottle.MaxIdentifierLength ? key : key[..SignInThrottle.MaxIdentifierLength];
        }
    }

    public static SignInIdentifierKind KindOfThrottleKey(string key) => key.StartsWith("E:", StringComparison.Ordinal) ? SignInIdentifierKind.Email
        : key.StartsWith("P:", StringComparison.Ordinal) ? SignInIdentifierKind.Phone
        : SignInIdentifierKind.EmployeeNumber;

    /// <summary>Every key a person's sign-ins can be counted under: their employee number, mobile and email.</summary>
    public static IReadOnlyList<string> ThrottleKeysOf(string employeeNumber, string? phone, string? email)
    {
        var keys = new List<string> { new SignInIdentifier(SignInIdentifierKind.EmployeeNumber, employeeNumber).ThrottleKey };
        if (phone is not null) keys.Add(new SignInIdentifier(SignInIdentifierKind.Phone, phone).ThrottleKey);
        if (email is not null) keys.Add(new SignInIdentifier(SignInIdentifierKind.Email, email).ThrottleKey);
        return keys;
    }
}
