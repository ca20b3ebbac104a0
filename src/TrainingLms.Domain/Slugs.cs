using System.Text.RegularExpressions;

namespace TrainingLms.Domain;

/// <summary>The short names that identify courses, drills, clips and questions: lowercase letters and digits joined by hyphens.</summary>
public static partial class Slugs
{
    public const int MaxLength = 80;

    public static bool IsValid(string slug) => slug.Length <= MaxLength && SlugPattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
