using System.ComponentModel.DataAnnotations;
using TrainingLms.Domain.People;

namespace TrainingLms.Web.Features.Account;

public class AccountOptions : IValidatableObject
{
    public const string SectionName = "Account";

    /// <summary>Wrong passwords for one identifier from one client address before each further try must wait.</summary>
    [Range(3, 100)]
    public int SignInFreeFailures { get; set; } = 5;

    /// <summary>Wrong passwords from one client address, whatever was typed, before each further try from there must wait.</summary>
    [Range(10, 100_000)]
    public int SignInFreeFailuresPerAddress { get; set; } = 30;

    /// <summary>The first wait; it doubles with every further wrong password.</summary>
    [Range(1, 3600)]
    public int SignInFirstDelaySeconds { get; set; } = 30;

    [Range(1, 24 * 60)]
    public int SignInMaxDelayMinutes { get; set; } = 15;

    /// <summary>A counter with no wrong password for this long starts again from nothing.</summary>
    [Range(1, 7 * 24 * 60)]
    public int SignInFailureMemoryMinutes { get; set; } = 60;

    [Range(8, 64)]
    public int MinPasswordLength { get; set; } = 8;

    /// <summary>How soon a deactivation or password reset ends sessions already open.</summary>
    [Range(1, 60)]
    public int SessionRecheckMinutes { get; set; } = 1;

    public SignInThrottleRule PerIdentifierRule => Rule(SignInFreeFailures);

    public SignInThrottleRule PerAddressRule => Rule(SignInFreeFailuresPerAddress);

    private SignInThrottleRule Rule(int freeFailures) => new(freeFailures, TimeSpan.FromSeconds(SignInFirstDelaySeconds),
        TimeSpan.FromMinutes(SignInMaxDelayMinutes), TimeSpan.FromMinutes(SignInFailureMemoryMinutes));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SignInFailureMemoryMinutes < SignInMaxDelayMinutes)
            yield return new ValidationResult("Account:SignInFailureMemoryMinutes must be at least Account:SignInMaxDelayMinutes, or a counter would be forgotten while it still holds a wait.",
                [nameof(SignInFailureMemoryMinutes)]);
        if (SignInFirstDelaySeconds > SignInMaxDelayMinutes * 60)
            yield return new ValidationResult("Account:SignInFirstDelaySeconds must not exceed Account:SignInMaxDelayMinutes.", [nameof(SignInFirstDelaySeconds)]);
    }
}
