namespace TrainingLms.Domain.Inspections;

public enum RectificationStatus
{
    /// <summary>Waiting for the class leader (again, after a reopening).</summary>
    Open = 1,
    /// <summary>The class leader said what was done; waiting for the inspector or the site manager.</summary>
    Closed = 2,
    Verified = 3,
}

/// <summary>
/// The follow-up of one "not OK" inspection item: the class leader of the post's team puts it right by a due date and
/// says what was done; the inspector or the site manager verifies it or reopens it.
/// </summary>
public class Rectification
{
    public const int MaxTextLength = 1000;

    public int Id { get; set; }
    public int InspectionId { get; set; }
    public string ItemKey { get; set; } = "";
    public int SiteId { get; set; }
    public int TeamId { get; set; }

    /// <summary>The staff member concerned (the inspected person); null for a post inspected as a whole.</summary>
    public string? PersonId { get; set; }

    /// <summary>The team's class leader when the rectification was opened; null for a team without one.</summary>
    public string? AssigneeId { get; set; }
    public RectificationStatus Status { get; set; } = RectificationStatus.Open;
    public DateTime OpenedAtUtc { get; set; }
    public DateTime DueAtUtc { get; set; }
    public string WhatWasDone { get; set; } = "";
    public string? ClosedById { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    public string? VerifiedById { get; set; }
    public DateTime? VerifiedAtUtc { get; set; }
    public int ReopenCount { get; set; }
    public string ReopenReason { get; set; } = "";

    public bool IsOverdue(DateTime nowUtc) => Status == RectificationStatus.Open && nowUtc > DueAtUtc;
}
