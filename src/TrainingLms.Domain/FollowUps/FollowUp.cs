namespace TrainingLms.Domain.FollowUps;

public enum FollowUpStatus
{
    /// <summary>Waiting for the one responsible (again, after a reopening).</summary>
    Open = 1,
    /// <summary>The one responsible said what was done; waiting for the one who checks it.</summary>
    Closed = 2,
    Verified = 3,
}

/// <summary>
/// Something to put right by a due date and then checked: the one responsible closes it with what was done, the one
/// who asked for it (or the site's manager) verifies it or reopens it. A reopening gives the same time again from then.
/// Inspection rectifications and the corrections agreed in footage sessions both follow it.
/// </summary>
public abstract class FollowUp
{
    public const int MaxTextLength = 1000;

    public FollowUpStatus Status { get; set; } = FollowUpStatus.Open;
    /// <summary>When it was opened, or last reopened: its time to put it right counts from here.</summary>
    public DateTime OpenedAtUtc { get; set; }
    public DateTime DueAtUtc { get; set; }
    public string WhatWasDone { get; set; } = "";
    public string? ClosedById { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    public string? VerifiedById { get; set; }
    public DateTime? VerifiedAtUtc { get; set; }
    public int ReopenCount { get; set; }
    public string ReopenReason { get; set; } = "";

    public bool IsOverdue(DateTime nowUtc) => IsOverdue(Status, DueAtUtc, nowUtc);

    public static bool IsOverdue(FollowUpStatus status, DateTime dueAtUtc, DateTime nowUtc) => status == FollowUpStatus.Open && nowUtc > dueAtUtc;

    /// <summary>What a person typed, as it is kept: line ends of one kind, no surrounding blanks.</summary>
    public static string Clean(string text) => text.Replace("\r\n", "\n").Trim();

    /// <summary>Whether a cleaned text may be kept: said at all, and not longer than <see cref="MaxTextLength"/>.</summary>
    public static FollowUpTextProblem? Check(string cleaned) =>
        cleaned.Length == 0 ? FollowUpTextProblem.Missing : cleaned.Length > MaxTextLength ? FollowUpTextProblem.TooLong : null;

    /// <summary>The one responsible says what was done; only an open one can be closed.</summary>
    public bool Close(string byId, string whatWasDone, DateTime nowUtc)
    {
        if (Status != FollowUpStatus.Open) return false;
        Status = FollowUpStatus.Closed;
        WhatWasDone = whatWasDone;
        ClosedById = byId;
        ClosedAtUtc = nowUtc;
        return true;
    }

    /// <summary>Accepted as put right; only a closed one can be verified.</summary>
    public bool Verify(string byId, DateTime nowUtc)
    {
        if (Status != FollowUpStatus.Closed) return false;
        Status = FollowUpStatus.Verified;
        VerifiedById = byId;
        VerifiedAtUtc = nowUtc;
        return true;
    }

    /// <summary>Not put right after all: open again, with the same time to do it counted from now.</summary>
    public bool Reopen(string reason, DateTime nowUtc)
    {
        if (Status != FollowUpStatus.Closed) return false;
        Status = FollowUpStatus.Open;
        ReopenReason = reason;
        ReopenCount++;
        var timeToPutRight = DueAtUtc - OpenedAtUtc;
        OpenedAtUtc = nowUtc;
        DueAtUtc = nowUtc + timeToPutRight;
        return true;
    }
}

public enum FollowUpTextProblem
{
    Missing = 1,
    TooLong = 2,
}
