namespace TrainingLms.Domain.Clips;

/// <summary>How much of a clip one person has really watched: the merged seconds, where they stopped, and the credit budget.</summary>
public class ClipView
{
    public int Id { get; set; }
    public required string PersonId { get; set; }
    public int ClipId { get; set; }

    /// <summary>The parts of the clip played, merged and sorted; never more than the clip's length.</summary>
    public List<WatchSpan> Watched { get; set; } = [];
    public double WatchedSeconds { get; set; }
    public double LastPositionSeconds { get; set; }

    /// <summary>Seconds of new watching the next report may still claim (see <see cref="WatchLedger"/>).</summary>
    public double CreditSeconds { get; set; }

    public DateTime FirstReportAtUtc { get; set; }
    public DateTime LastReportAtUtc { get; set; }

    /// <summary>Raised by every change: two reports at the same moment cannot both spend the same credit.</summary>
    public int Revision { get; set; }

    /// <summary>When the watched share first reached the required share, if it has.</summary>
    public DateTime? ReachedRequiredShareAtUtc { get; set; }
}
