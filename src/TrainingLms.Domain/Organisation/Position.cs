namespace TrainingLms.Domain.Organisation;

/// <summary>A post people hold (e.g. 客服前台). Its two flags drive training and shift reviews.</summary>
public class Position
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public LineOfWork LineOfWork { get; set; }
    public bool FacesCustomers { get; set; }

    /// <summary>True when the post works a concentrated shift (end-of-shift review); false for one daily session.</summary>
    public bool HasConcentratedShift { get; set; }

    public bool IsActive { get; set; } = true;
}
