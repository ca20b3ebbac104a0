namespace TrainingLms.Web.Infrastructure;

/// <summary>
/// What a search box typed, as a LIKE pattern: "contains", ignoring case for Latin letters
/// (SQLite's LIKE does; instr, which string.Contains becomes, does not), with % and _ taken literally.
/// </summary>
public static class SearchPattern
{
    public const string Escape = "\\";

    public static string Contains(string typed) =>
        "%" + typed.Trim().Replace(Escape, Escape + Escape).Replace("%", Escape + "%").Replace("_", Escape + "_") + "%";
}
