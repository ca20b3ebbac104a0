using System.ComponentModel.DataAnnotations;

namespace TrainingLms.Web.Features.Evaluations.Benchmarking;

public class BenchmarkOptions
{
    public const string SectionName = "Benchmark";

    /// <summary>Customer ratings one client address may send per window before the form answers 429.</summary>
    [Range(1, 10_000)]
    public int FeedbackPerWindow { get; set; } = 10;

    [Range(1, 1440)]
    public int FeedbackWindowMinutes { get; set; } = 10;

    /// <summary>Customer ratings a person needs in the quarter to appear in the board's top list.</summary>
    [Range(0, 1000)]
    public int MinCustomerRatings { get; set; } = 3;

    /// <summary>How many people the board's top list shows.</summary>
    [Range(1, 50)]
    public int TopListSize { get; set; } = 3;

    /// <summary>Customer comments the board shows, newest first.</summary>
    [Range(0, 200)]
    public int RecentComments { get; set; } = 10;
}
