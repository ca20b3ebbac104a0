using System.Globalization;

namespace TrainingLms.Web.Infrastructure;

/// <summary>
/// Reads typed values from query strings that pages bind as text. Blazor binding a query parameter straight to int,
/// bool or Guid throws on a value that does not parse (?site=abc), which answers 500; read through here, a value
/// that does not parse is simply absent.
/// </summary>
public static class QueryValue
{
    public static int? Int(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static bool Bool(string? text) => bool.TryParse(text, out var value) && value;

    public static Guid? Guid(string? text) => System.Guid.TryParse(text, out var value) ? value : null;
}
