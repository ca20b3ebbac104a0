using System.ComponentModel.DataAnnotations;
using TrainingLms.Domain.Drills;

namespace TrainingLms.Web.Features.Drills;

public class DrillOptions
{
    public const string SectionName = "Drills";

    /// <summary>The drill every grassroots manager (role Manager) must have passed, whatever their position's rules.</summary>
    [Required(AllowEmptyStrings = false), RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public string PrePostingDrill { get; set; } = "pre-posting-etiquette";

    /// <summary>A clearance that ends within this many days shows as expiring, on the board and the person's home page.</summary>
    [Range(1, 365)]
    public int ExpiringWithinDays { get; set; } = ClearanceRules.DefaultExpiringDays;

    /// <summary>How far back a drill may be recorded (a session held on paper, entered later).</summary>
    [Range(0, 90)]
    public int RecordBackDays { get; set; } = 14;

    [Range(1, 730)]
    public int ScheduleAheadDays { get; set; } = 365;
}

public class CertificateOptions
{
    public const string SectionName = "Certificates";

    /// <summary>Requests to the public verification page, per client address and minute, before it answers 429.</summary>
    [Range(1, 10_000)]
    public int VerifyRequestsPerMinute { get; set; } = 30;
}
