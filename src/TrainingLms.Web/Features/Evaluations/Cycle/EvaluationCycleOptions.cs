using System.ComponentModel.DataAnnotations;

namespace TrainingLms.Web.Features.Evaluations.Cycle;

public sealed class EvaluationCycleOptions
{
    public const string SectionName = "Evaluations";

    /// <summary>Evaluators may score a month until this many days after its last day.</summary>
    [Range(0, 60)]
    public int DeadlineDays { get; set; } = 5;

    /// <summary>From this many days before the deadline, missing evaluations are flagged to evaluators and administrators.</summary>
    [Range(0, 31)]
    public int FlagDaysBeforeDeadline { get; set; } = 7;

    /// <summary>How often the background check opens the current month if it is not open yet.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);
}
