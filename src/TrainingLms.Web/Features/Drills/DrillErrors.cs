namespace TrainingLms.Web.Features.Drills;

/// <summary>
/// Form errors travel as resource keys; a few carry values for the message (who may not retake yet, and from when).
/// Those are written as the key and its arguments joined by a unit separator.
/// </summary>
public static class DrillErrors
{
    private const char Separator = '\u001f';

    public static string With(string key, params string[] arguments) => string.Join(Separator, [key, .. arguments]);

    public static (string Key, string[] Arguments) Split(string error)
    {
        var parts = error.Split(Separator);
        return (parts[0], parts[1..]);
    }
}
