using System.Globalization;
using System.Text.Json.Serialization;

namespace TrainingLms.Domain.Courses;

/// <summary>
/// Course text written in Chinese (the default) and English; English falls back to Chinese when missing. Stored as a
/// complex property (two columns). In an EF projection into a class or record, build it from its columns
/// (<c>new LocalizedText(r.Title.Zh, r.Title.En)</c>): handing the property itself to a constructor makes EF read the
/// owner's whole row — a lesson's body and quiz, a rubric's briefing — on every query.
/// </summary>
public sealed record LocalizedText(string Zh, string En)
{
    public string For(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(En) ? En : Zh;

    [JsonIgnore]
    public string Current => For(CultureInfo.CurrentUICulture);
}
