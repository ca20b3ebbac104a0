using System.ComponentModel.DataAnnotations;

namespace TrainingLms.Web.Features.People.Import;

public class ImportOptions
{
    public const string SectionName = "PeopleImport";

    /// <summary>
    /// Rows written per transaction. Each transaction holds SQLite's write lock, so this bounds how long a save
    /// elsewhere (a shift review) waits for an import: a few hundred rows take tens of milliseconds.
    /// </summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 500;
}
