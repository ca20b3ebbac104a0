using System.Globalization;
using System.Text.Json.Serialization;

namespace TrainingLms.Domain.Courses;

/// <summary>Course text written in Chinese (the default) and English; English falls back to Chinese when missing.</summary>
public sealed record LocalizedText(string Zh, string En)
{
    public string For(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(En) ? En : Zh;

    [JsonIgnore]
    public string Current => For(CultureInfo.CurrentUICulture);
}
