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
}
