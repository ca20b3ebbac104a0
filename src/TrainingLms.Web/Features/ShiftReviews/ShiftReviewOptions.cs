using System.ComponentModel.DataAnnotations;

namespace TrainingLms.Web.Features.ShiftReviews;

public sealed class ShiftReviewOptions
{
    public const string SectionName = "ShiftReviews";

    /// <summary>A review filed more than this many hours after the shift ends counts as late; unfiled by then, as missing.</summary>
    [Range(0, 48)]
    public int LateAfterHours { get; set; } = 2;

    /// <summary>How far back a leader may still file a forgotten review.</summary>
    [Range(1, 60)]
    public int FileBackDays { get; set; } = 7;

    /// <summary>Teams per page of the oversight grid.</summary>
    [Range(5, 500)]
    public int GridTeamsPerPage { get; set; } = 50;

    public TimeSpan Grace => TimeSpan.FromHours(LateAfterHours);
}
