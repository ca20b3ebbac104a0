namespace TrainingLms.Domain.Clips;

/// <summary>
/// An upload in progress, sent in chunks so that a weak connection resumes where it broke off. The bytes go straight
/// to a file on disk; this row only says how many have arrived.
/// </summary>
public class ClipUpload
{
    public const int MaxFileNameLength = 200;

    public Guid Id { get; set; }
    public required string PersonId { get; set; }
    public required string FileName { get; set; }
    public long TotalBytes { get; set; }
    public long ReceivedBytes { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Checked before the first byte is sent, so that a long upload does not end in a form error.</summary>
    public required ClipDetails Details { get; set; }

    public bool IsComplete => ReceivedBytes == TotalBytes;
}
