namespace TrainingLms.Web.Features.Content;

/// <summary>What a sync did with one item read from content/.</summary>
public enum SyncOutcome
{
    Added = 1,
    Patched = 2,
    NewVersion = 3,
    Unchanged = 4,
    Failed = 5,
}
