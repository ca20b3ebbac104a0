namespace TrainingLms.Domain.People;

/// <summary>An administrator cleared the sign-in counters of a person's employee number, mobile and email.</summary>
public class SignInUnlock
{
    public int Id { get; set; }
    public required string PersonId { get; set; }
    public string? UnlockedById { get; set; }
    public DateTime UnlockedAtUtc { get; set; }

    /// <summary>How many counters were cleared (one per address and identifier, plus those addresses' own).</summary>
    public int ClearedCounters { get; set; }
}
