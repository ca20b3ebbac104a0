namespace TrainingLms.Domain.Organisation;

/// <summary>A post people hold (e.g. 客服前台). Its flags drive training and shift reviews.</summary>
public class Position
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public LineOfWork LineOfWork { get; set; }
    public bool FacesCustomers { get; set; }

    /// <summary>True when the post works a concentrated shift (end-of-shift review); false for one daily session.</summary>
    public bool HasConcentratedShift { get; set; }

    /// <summary>
    /// An administrator's opt-out from the courses meant for everyone (audience <c>everyone: true</c>); the post's holders
    /// still get any course another of its audience rules gives them.
    /// </summary>
    public bool ExemptFromCompanyWideCourses { get; set; }

    public bool IsActive { get; set; } = true;
}
