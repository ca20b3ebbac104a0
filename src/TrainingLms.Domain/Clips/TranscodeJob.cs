namespace TrainingLms.Domain.Clips;

public enum TranscodeStatus
{
    Queued = 1,
    Running = 2,
    Succeeded = 3,
    Failed = 4,
    Cancelled = 5,
}

/// <summary>
/// A durable transcoding job. A worker leases it while it runs and renews the lease; a job whose lease ran out
/// (the process died) is taken up again, until <see cref="MaxAttempts"/> is spent.
/// </summary>
public class TranscodeJob
{
    public const int MaxErrorLength = 4000;

    public int Id { get; set; }
    public int ClipId { get; set; }
    public TranscodeStatus Status { get; set; } = TranscodeStatus.Queued;
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; }
    public int ProgressPercent { get; set; }

    /// <summary>The worker (process) holding the job while it runs.</summary>
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresAtUtc { get; set; }

    /// <summary>A failed attempt waits a little before the next.</summary>
    public DateTime NotBeforeUtc { get; set; }

    public bool CancelRequested { get; set; }

    /// <summary>What ffmpeg said last time it failed.</summary>
    public string? Error { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime? StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }

    public bool IsOpen => Status is TranscodeStatus.Queued or TranscodeStatus.Running;
}
