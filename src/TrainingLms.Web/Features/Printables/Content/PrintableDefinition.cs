using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Web.Features.Printables.Content;

public enum PrintableKind
{
    /// <summary>The pocket conduct card: A6, front and back.</summary>
    Card = 1,
    /// <summary>A wall chart for one line of work: one A3 page.</summary>
    Chart = 2,
}

/// <summary>How a section's items are set: one under the other, or short words side by side.</summary>
public enum PrintableStyle
{
    List = 1,
    Words = 2,
}

public sealed record PrintableSection(string Key, LocalizedText Heading, PrintableStyle Style, IReadOnlyList<LocalizedText> Items);

/// <summary>
/// A printable as its file under content/printables/ defines it. <see cref="Hash"/> is the hash of the file's text:
/// every instance reading the same file computes the same one, so a PDF cached under it is right on all of them.
/// </summary>
public sealed record PrintableDefinition(
    string File,
    string Hash,
    PrintableKind Kind,
    LineOfWork? LineOfWork,
    int Version,
    LocalizedText Title,
    LocalizedText? Subtitle,
    IReadOnlyList<string> Courses,
    IReadOnlyList<PrintableSection> Sections)
{
    public const string CardSlug = "card";

    /// <summary>"card", or "chart-" and the line of work in lowercase words: chart-customer-service.</summary>
    public string Slug => Kind == PrintableKind.Card ? CardSlug : ChartSlug(LineOfWork!.Value);

    public static string ChartSlug(LineOfWork line) => "chart-" + RouteName(line);

    /// <summary>The line of work as it is written in an address: customer-service, security.</summary>
    public static string RouteName(LineOfWork line) =>
        string.Concat(line.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static LineOfWork? FromRouteName(string name) =>
        Enum.GetValues<LineOfWork>().Cast<LineOfWork?>().FirstOrDefault(line => RouteName(line!.Value) == name);
}
