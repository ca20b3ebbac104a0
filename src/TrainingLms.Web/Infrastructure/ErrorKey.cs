namespace TrainingLms.Web.Infrastructure;

/// <summary>
/// Services answer a form with resource keys per field, never translated text; the page translates them. A few
/// messages carry values (who may not retake yet, and from when): those travel as the key and its values joined by a
/// unit separator, which no key or value contains.
/// </summary>
public static class ErrorKey
{
    private const char Separator = '\u001f';

    public static string With(string key, params string[] values) => string.Join(Separator, [key, .. values]);

    public static (string Key, string[] Values) Split(string error)
    {
        var parts = error.Split(Separator);
        return (parts[0], parts[1..]);
    }

    /// <summary>The message an error stands for, in the request's language (for an API's JSON, which no page translates).</summary>
    public static string Translate(this Microsoft.Extensions.Localization.IStringLocalizer localizer, string error)
    {
        var (key, values) = Split(error);
        return localizer[key, values];
    }

    public static IReadOnlyDictionary<string, string> Translate(this Microsoft.Extensions.Localization.IStringLocalizer localizer, IReadOnlyDictionary<string, string> errors) =>
        errors.ToDictionary(e => e.Key, e => localizer.Translate(e.Value));
}
