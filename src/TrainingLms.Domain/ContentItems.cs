namespace TrainingLms.Domain;

/// <summary>
/// Something published from one file under content/ (a drill rubric, an evaluation form): found by its slug, tied to
/// the file it was last read from, and kept as a growing list of revisions.
/// </summary>
public interface IContentItem
{
    int Id { get; }
    string Slug { get; }

    /// <summary>Hash of the file (and its English file) last synced; an unchanged file is not parsed again.</summary>
    string? SourceHash { get; set; }

    /// <summary>The file under content/ it was read from.</summary>
    string? SourceFile { get; set; }

    /// <summary>False once its file has gone from content/: nothing new starts from it, history kept.</summary>
    bool IsActive { get; set; }
}

/// <summary>One stored state of a content item: the author's version, its place in the list and a hash of what it says.</summary>
public interface IContentRevision
{
    int Version { get; }
    int Number { get; set; }
    string ContentHash { get; set; }
    DateTime CreatedAtUtc { get; set; }
}
