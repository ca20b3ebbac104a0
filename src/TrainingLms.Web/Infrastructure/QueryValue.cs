namespace TrainingLms.Web.Infrastructure;

/// <summary>
/// Reads typed values from query strings that pages and endpoints bind as text. Blazor binding a query parameter
/// straight to int, bool or Guid throws on a value that does not parse (?site=abc), which answers 500; read through
/// here, a value that does not parse is simply absent. Dates and months are clamped to <see cref="EarliestDate"/> ..
/// <see cref="LatestDate"/>, so date arithmetic on them (a week back, a month on) cannot leave the calendar.
/// </summary>
public static class QueryValue
{
    /// <summary>The earliest date a query may ask for; an earlier one reads as this day.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>The latest date a query may ask for; a later one reads as this day.</summary>
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    public static int? Int(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static bool Bool(string? text) => bool.TryParse(text, out var value) && value;

    public static Guid? Guid(string? text) => System.Guid.TryParse(text, out var value) ? value : null;

    /// <summary>A day written yyyy-MM-dd, clamped to the supported range.</summary>
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? Clamp(value) : null;

    /// <summary>The first day of a month written yyyy-MM, clamped to the supported range.</summary>
    public static DateOnly? Month(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? Clamp(value).AddDays(1 - Clamp(value).Day) : null;

    /// <summary>A named value of <typeparamref name="TEnum"/>; a number or a combination is not one, so it is absent.</summary>
    public static TEnum? Enum<TEnum>(string? text) where TEnum : struct, Enum =>
        text is { Length: > 0 } && char.IsLetter(text[0]) && System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) ? value : null;

    private static DateOnly Clamp(DateOnly value) =>
        value < EarliestDate ? EarliestDate : value > LatestDate ? LatestDate : value;
}
