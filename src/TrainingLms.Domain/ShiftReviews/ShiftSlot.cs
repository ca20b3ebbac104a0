namespace TrainingLms.Domain.ShiftReviews;

/// <summary>One review's place in the calendar: the site-local day a shift started on, and which shift.</summary>
public readonly record struct ShiftSlot(DateOnly Date, string Key);
