namespace TrainingLms.Domain.Organisation;

/// <summary>A managed estate (项目 / 小区) with its own teams.</summary>
public class Site
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Address { get; set; }
    public string TimeZoneId { get; set; } = SiteTime.DefaultTimeZoneId;
    public bool IsActive { get; set; } = true;
    public List<Team> Teams { get; set; } = [];
}
