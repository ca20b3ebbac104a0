namespace TrainingLms.Domain.Inspections;

public enum ItemVerdict
{
    Ok = 1,
    NotOk = 2,
    NotSeen = 3,
}

/// <summary>What the inspector found for one item of the form.</summary>
public sealed record ItemResult(string Key, ItemVerdict Verdict, string Note);

/// <summary>
/// An on-site inspection of one post (a team at a site) or of one named person in it, announced or a walk-by, filled
/// against one revision of an inspection form. Every "not OK" item opens a <see cref="Rectification"/>.
/// </summary>
public class Inspection
{
    public const int MaxNoteLength = 500;

    public int Id { get; set; }

    /// <summary>Chosen by the form when it is first shown; a retry of the same submission finds this inspection.</summary>
    public Guid SubmissionKey { get; set; }
    public int FormRevisionId { get; set; }
    public int SiteId { get; set; }
    public int TeamId { get; set; }

    /// <summary>The person inspected by name; null when the post as a whole was inspected.</summary>
    public string? PersonId { get; set; }
    public required string InspectorId { get; set; }
    public bool Announced { get; set; }
    public DateTime InspectedAtUtc { get; set; }
    public List<ItemResult> Results { get; set; } = [];

    /// <summary>
    /// <see cref="Results"/> without the notes (<see cref="InspectionVerdicts"/>), stored beside them for the oversight;
    /// always derived from the results, so it cannot disagree with them (what the database hands back is ignored).
    /// </summary>
    public string Verdicts
    {
        get => InspectionVerdicts.Encode(Results);
        private set { }
    }
}

/// <summary>A photo taken during an inspection (of one item) or when a rectification was closed; stored re-encoded, without metadata.</summary>
public class InspectionPhoto
{
    public int Id { get; set; }
    public int? InspectionId { get; set; }
    public int? RectificationId { get; set; }
    public string ItemKey { get; set; } = "";

    /// <summary>The file's name in the photo folder (a fresh GUID and the format's extension).</summary>
    public required string StoredName { get; set; }
    public required string ContentType { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
