namespace TrainingLms.Data;

/// <summary>What a <see cref="CacheChange"/> says changed.</summary>
public enum CacheChangeKind
{
    /// <summary>A person's assignments, completions, person row, roles, notes from reviews, drill results or certificates; <see cref="CacheChange.Key"/> is their id.</summary>
    Person = 1,

    /// <summary>Something every learner's record depends on (a site's time zone, a deleted course).</summary>
    Everyone = 2,

    /// <summary>A course was added, changed, switched on or off, or deleted.</summary>
    Courses = 3,

    /// <summary>A clip, or who may see it; <see cref="CacheChange.Key"/> is its id.</summary>
    Clip = 4,

    /// <summary>A drill, a drill's revision or a position's clearance rules (what clearance is judged against and named by), a drill session changed, an annulment, a revoked certificate.</summary>
    Clearance = 5,
}

/// <summary>
/// A committed change that the app's in-memory caches depend on, written in the same transaction as the change so
/// that the other app instances on one PostgreSQL database can forget what they keep (the web app's
/// <c>CacheChangeLog</c>). Not written on SQLite, where only one instance runs. Rows are kept for about an hour.
/// </summary>
public class CacheChange
{
    public long Id { get; set; }

    public CacheChangeKind Kind { get; set; }

    public string Key { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}
