using System.ComponentModel.DataAnnotations;

namespace TrainingLms.Web.Infrastructure;

/// <summary>Where the LMS keeps its database and files: outside the source tree.</summary>
public class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Empty means the per-user data folder (~/.local/share/TrainingLms on Linux).</summary>
    public string DataPath { get; set; } = "";

    [Required(AllowEmptyStrings = false)]
    public string DatabaseFileName { get; set; } = "lms.db";

    public string ResolvedDataPath => string.IsNullOrWhiteSpace(DataPath)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "TrainingLms")
        : Path.GetFullPath(DataPath);
}
