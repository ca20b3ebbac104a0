using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Domain.Inspections;

/// <summary>One thing an inspector looks for on site, with the standard it is judged against.</summary>
public sealed record InspectionItem(string Key, LocalizedText Title, LocalizedText Standard);

/// <summary>
/// An on-site inspection form for one line of work (or for every line), identified by its slug. Revisions are only
/// ever added; inspections point at the revision they were filled against.
/// </summary>
public class InspectionForm : IContentItem
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public List<InspectionFormRevision> Revisions { get; set; } = [];
    public string? SourceHash { get; set; }
    public string? SourceFile { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>One stored state of an inspection form; <see cref="Number"/> counts every revision.</summary>
public class InspectionFormRevision : IContentRevision
{
    public int Id { get; set; }
    public int FormId { get; set; }
    public int Version { get; set; }
    public int Number { get; set; }
    public string ContentHash { get; set; } = "";
    public required LocalizedText Title { get; set; }
    public required LocalizedText Summary { get; set; }

    /// <summary>The line of work whose posts the form is for; null for a form that suits every post.</summary>
    public LineOfWork? LineOfWork { get; set; }
    public List<InspectionItem> Items { get; set; } = [];
    public DateTime CreatedAtUtc { get; set; }
}
