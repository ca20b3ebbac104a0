using System.Globalization;
using System.Text.RegularExpressions;

namespace TrainingLms.Domain.Organisation;

public enum ShiftScheduleProblem
{
    Format = 1,
    DuplicateName = 2,
    NameTooLong = 3,
}

public sealed record ShiftScheduleResult(IReadOnlyList<TeamShift> Shifts, IReadOnlyList<(string Entry, ShiftScheduleProblem Problem)> Problems);

/// <summary>
/// A team's shifts as an administrator types them: one per line or separated by semicolons,
/// "name start-end" (早班 07:00-15:00; 夜班 20:00-08:00). Blank means no concentrated shift time.
/// </summary>
public static partial class TeamShifts
{
    public static ShiftScheduleResult Parse(string? text)
    {
        var shifts = new List<TeamShift>();
        var problems = new List<(string, ShiftScheduleProblem)>();
        foreach (var entry in (text ?? "").Split(['\n', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Entry().Match(entry);
            if (!match.Success
                || !TimeOnly.TryParseExact(match.Groups["start"].Value, "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !TimeOnly.TryParseExact(match.Groups["end"].Value, "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
                || start == end)
            {
                problems.Add((entry, ShiftScheduleProblem.Format));
                continue;
            }
            var name = match.Groups["name"].Value.Trim();
            if (name.Length > TeamShift.MaxKeyLength) problems.Add((entry, ShiftScheduleProblem.NameTooLong));
            else if (shifts.Any(s => s.Key == name)) problems.Add((entry, ShiftScheduleProblem.DuplicateName));
            else shifts.Add(new TeamShift(name, start, end));
        }
        return new ShiftScheduleResult([.. shifts.OrderBy(s => s.Start)], problems);
    }

    public static string Format(IEnumerable<TeamShift> shifts) =>
        string.Join("; ", shifts.Select(s => $"{s.Key} {s.Start:HH\\:mm}-{s.End:HH\\:mm}"));

    [GeneratedRegex(@"^(?<name>.+?)\s+(?<start>\d{1,2}:\d{2})\s*[-–~～至]\s*(?<end>\d{1,2}:\d{2})$")]
    private static partial Regex Entry();
}
