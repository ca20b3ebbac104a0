using System.Globalization;

namespace TrainingLms.Domain.Drills;

/// <summary>A point in a clip as a trainer types it: seconds (95), minutes:seconds (1:35) or hours:minutes:seconds.</summary>
public static class EvidenceTime
{
    public const int MaxSeconds = 24 * 60 * 60 - 1;

    public static bool TryParse(string? text, out int? seconds)
    {
        seconds = null;
        var trimmed = (text ?? "").Trim().Replace('：', ':');
        if (trimmed.Length == 0) return true;
        var parts = trimmed.Split(':');
        if (parts.Length > 3 || parts.Any(p => p.Length == 0 || p.Length > 5 || !p.All(char.IsAsciiDigit))) return false;
        var numbers = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        // After the first part, minutes and seconds stay below 60.
        if (numbers.Skip(1).Any(n => n >= 60)) return false;
        var total = numbers.Aggregate(0L, (sum, n) => sum * 60 + n);
        if (total > MaxSeconds) return false;
        seconds = (int)total;
        return true;
    }

    public static string Format(int seconds) =>
        seconds >= 3600
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}:{seconds / 60 % 60:00}:{seconds % 60:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");
}
