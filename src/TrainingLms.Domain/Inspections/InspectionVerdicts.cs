namespace TrainingLms.Domain.Inspections;

/// <summary>
/// An inspection's ticks without their notes, as one short text: each tick its verdict's number and its key
/// ("1meet 2smile 3greet"), in the order of the results. What the oversight reads of a year of inspections: the
/// figures need the verdicts only, and the results' JSON with the notes costs several times as much to read.
/// </summary>
public static class InspectionVerdicts
{
    public static string Encode(IEnumerable<ItemResult> results) =>
        string.Join(' ', results.Select(r => ((int)r.Verdict).ToString(System.Globalization.CultureInfo.InvariantCulture) + r.Key));

    /// <summary>The ticks back, with empty notes; one key text shared by every tick of that key (<paramref name="keys"/>, ordinal, kept by the reader).</summary>
    public static List<ItemResult> Decode(string verdicts, Dictionary<string, string> keys)
    {
        var results = new List<ItemResult>();
        var lookup = keys.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in verdicts.AsSpan().Split(' '))
        {
            var tick = verdicts.AsSpan()[range];
            if (tick.Length < 2) continue;
            if (!lookup.TryGetValue(tick[1..], out var key))
            {
                key = tick[1..].ToString();
                keys[key] = key;
            }
            results.Add(new ItemResult(key, (ItemVerdict)(tick[0] - '0'), ""));
        }
        return results;
    }
}
