namespace TrainingLms.Data;

/// <summary>
/// One fixed-window counter of a rate limit (the policy and the client's address in <see cref="Key"/>), shared by every
/// app instance on the database. A new window starts the count again on the same row.
/// </summary>
public class RateLimitWindow
{
    public const int MaxKeyLength = 120;

    public required string Key { get; set; }

    /// <summary>The start of the window being counted, in ticks (UTC): a plain number compares alike on both providers.</summary>
    public long WindowStartTicks { get; set; }

    public int Count { get; set; }
}
