namespace TrainingLms.Domain.Organisation;

/// <summary>A team (班组) at one site, in one line of work, led by a class leader.</summary>
public class Team
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public required string Name { get; set; }
    public LineOfWork LineOfWork { get; set; }

    /// <summary>Identity id of the person who leads the team; null until one is named.</summary>
    public string? ClassLeaderId { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>
    /// The team's concentrated shifts, each reviewed at its end; empty for posts without a concentrated shift time,
    /// which hold one review a day instead.
    /// </summary>
    public List<TeamShift> Shifts { get; set; } = [];
}
