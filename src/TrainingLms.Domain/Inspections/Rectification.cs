using TrainingLms.Domain.FollowUps;

namespace TrainingLms.Domain.Inspections;

/// <summary>
/// The follow-up of one "not OK" inspection item: the class leader of the post's team puts it right by a due date and
/// says what was done; the inspector or the site manager verifies it or reopens it.
/// </summary>
public class Rectification : FollowUp
{
    public int Id { get; set; }
    public int InspectionId { get; set; }
    public string ItemKey { get; set; } = "";
    public int SiteId { get; set; }
    public int TeamId { get; set; }

    /// <summary>The staff member concerned (the inspected person); null for a post inspected as a whole.</summary>
    public string? PersonId { get; set; }

    /// <summary>The team's class leader when the rectification was opened; null for a team without one.</summary>
    public string? AssigneeId { get; set; }
}
