using System.ComponentModel.DataAnnotations;

namespace TrainingLms.Web.Features.Evaluations.Rankings;

public sealed class RankingsOptions
{
    public const string SectionName = "Rankings";

    /// <summary>How many days after a ranking's first publication the people in it may appeal their line.</summary>
    [Range(1, 90)]
    public int AppealDays { get; set; } = 7;

    /// <summary>How many months, up to the latest published one, the trends chart shows.</summary>
    [Range(2, 36)]
    public int TrendMonths { get; set; } = 12;
}
