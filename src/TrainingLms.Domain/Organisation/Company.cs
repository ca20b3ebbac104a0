namespace TrainingLms.Domain.Organisation;

/// <summary>The one company this installation serves.</summary>
public class Company
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string DefaultTimeZoneId { get; set; } = SiteTime.DefaultTimeZoneId;
}
