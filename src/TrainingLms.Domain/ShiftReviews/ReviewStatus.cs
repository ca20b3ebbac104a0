using TrainingLms.Domain.Organisation;

namespace TrainingLms.Domain.ShiftReviews;

/// <summary>Where a slot's review stands, as the oversight grid shows it.</summary>
public enum ReviewStatus
{
    /// <summary>Not filed and its deadline has not passed (the shift may still be running).</summary>
    Pending = 1,
    Filed = 2,
    /// <summary>Filed after the deadline.</summary>
    Late = 3,
    /// <summary>Not filed and the deadline has passed.</summary>
    Missing = 4,
}

public static class ReviewTiming
{
    /// <summary>Filed after the deadline (both site-local).</summary>
    public static bool IsLate(DateTime filedLocal, DateTime deadlineLocal) => filedLocal > deadlineLocal;

    public static ReviewStatus Status(bool filed, bool filedLate, DateTime deadlineLocal, DateTime localNow) =>
        filed ? filedLate ? ReviewStatus.Late : ReviewStatus.Filed
        : localNow > deadlineLocal ? ReviewStatus.Missing : ReviewStatus.Pending;

    /// <summary>
    /// A leader changes a review freely on the site-local day it was first filed; after that a change is an
    /// amendment with a reason, kept in the history.
    /// </summary>
    public static bool EditsInPlace(DateTime firstFiledLocal, DateTime localNow) =>
        DateOnly.FromDateTime(firstFiledLocal) == DateOnly.FromDateTime(localNow);

    /// <summary>
    /// A review for a shift that has not started yet cannot be written: tonight's night shift is still in the future at
    /// noon, though its date is today. A daily review's "shift" starts at midnight.
    /// </summary>
    public static bool IsInFuture(IReadOnlyList<TeamShift> shifts, ShiftSlot slot, DateTime localNow) => ShiftCalendar.StartOf(shifts, slot) > localNow;
}
