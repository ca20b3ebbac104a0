using System.ComponentModel.DataAnnotations;

namespace TrainingLms.Web.Features.People.Import;

public class ImportOptions
{
    public const string SectionName = "PeopleImport";

    /// <summary>
    /// Rows written per transaction at most. Each transaction holds SQLite's write lock, so this and
    /// <see cref="TransactionMilliseconds"/> bound how long a save elsewhere (a shift review) waits for an import.
    /// </summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>A transaction writing new people ends once it has held the write lock this long, even with fewer rows.</summary>
    [Range(1, 1000)]
    public int TransactionMilliseconds { get; set; } = 50;
}
