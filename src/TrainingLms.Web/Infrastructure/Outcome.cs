namespace TrainingLms.Web.Infrastructure;

/// <summary>
/// What a service did with a command: its status (each feature's own list of what can happen), the refusals as resource
/// keys by field ("" for the whole form; see <see cref="ErrorKey"/>) and the id of what it made or touched.
/// </summary>
public sealed record Outcome<TStatus>(TStatus Status, int? Id = null, IReadOnlyDictionary<string, string>? Errors = null)
    where TStatus : struct, Enum
{
    /// <summary>The refusals, never null.</summary>
    public IReadOnlyDictionary<string, string> FieldErrors => Errors ?? Outcome.NoErrors;
}

public static class Outcome
{
    public static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    public static Outcome<TStatus> Of<TStatus>(TStatus status, int? id = null) where TStatus : struct, Enum => new(status, id);

    public static Outcome<TStatus> Refused<TStatus>(TStatus status, IReadOnlyDictionary<string, string> errors) where TStatus : struct, Enum =>
        new(status, Errors: errors);

    public static Outcome<TStatus> Refused<TStatus>(TStatus status, string field, string key) where TStatus : struct, Enum =>
        new(status, Errors: new Dictionary<string, string> { [field] = key });
}
