using System.Globalization;

namespace TrainingLms.Domain.Inspections;

/// <summary>What a tally needs of one inspection: announced or a walk-by, the day it was held (the company's day) and its ticks.</summary>
public sealed record InspectionFacts(bool Announced, DateOnly Day, IReadOnlyList<ItemResult> Results);

/// <summary>How often one item was found OK, not OK and not seen.</summary>
public sealed record ItemTally(string Key, int Ok, int NotOk, int NotSeen)
{
    public double? PassRate => InspectionTally.PassRate(Ok, NotOk);
}

/// <summary>One ISO week of the period: the inspections held and the items judged in it.</summary>
public sealed record WeekTally(int IsoYear, int Week, DateOnly Monday, int Inspections, int Ok, int NotOk)
{
    public double? PassRate => InspectionTally.PassRate(Ok, NotOk);

    /// <summary>"2026-W49", as ISO 8601 writes a week.</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{IsoYear}-W{Week:00}");
}

public sealed record InspectionTotals(int Announced, int WalkBy, int Ok, int NotOk, int NotSeen, IReadOnlyList<ItemTally> Items, IReadOnlyList<WeekTally> Weeks)
{
    public int Held => Announced + WalkBy;

    public double? PassRate => InspectionTally.PassRate(Ok, NotOk);
}

/// <summary>
/// Inspection figures over a period: a pass rate is OK ÷ (OK + not OK) in percent, one decimal, rounded half away from
/// zero; "not seen" is left out of it (the inspector could not judge the item), and with nothing judged there is no rate.
/// </summary>
public static class InspectionTally
{
    public static double? PassRate(int ok, int notOk) =>
        ok + notOk == 0 ? null : Math.Round(100.0 * ok / (ok + notOk), 1, MidpointRounding.AwayFromZero);

    /// <summary>How many of the ticks were OK and how many not OK; "not seen" is neither.</summary>
    public static (int Ok, int NotOk) Judged(IEnumerable<ItemResult> results)
    {
        var (ok, notOk) = (0, 0);
        foreach (var result in results)
        {
            if (result.Verdict == ItemVerdict.Ok) ok++;
            else if (result.Verdict == ItemVerdict.NotOk) notOk++;
        }
        return (ok, notOk);
    }

    /// <summary>Every ISO week touching <paramref name="from"/>..<paramref name="to"/> gets a line, an empty week too.</summary>
    public static InspectionTotals Count(IEnumerable<InspectionFacts> inspections, DateOnly from, DateOnly to)
    {
        var list = inspections.ToList();
        var results = list.SelectMany(i => i.Results).ToList();
        var items = results.GroupBy(r => r.Key, StringComparer.Ordinal)
            .Select(g => new ItemTally(g.Key, g.Count(r => r.Verdict == ItemVerdict.Ok), g.Count(r => r.Verdict == ItemVerdict.NotOk), g.Count(r => r.Verdict == ItemVerdict.NotSeen)))
            .OrderBy(i => i.PassRate ?? double.MaxValue).ThenBy(i => i.Key, StringComparer.Ordinal)
            .ToList();
        var byWeek = list.ToLookup(i => Monday(i.Day));
        var weeks = new List<WeekTally>();
        for (var monday = Monday(from); monday <= to; monday = monday.AddDays(7))
        {
            var held = byWeek[monday].ToList();
            var (ok, notOk) = Judged(held.SelectMany(i => i.Results));
            var date = monday.ToDateTime(TimeOnly.MinValue);
            weeks.Add(new WeekTally(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date), monday, held.Count, ok, notOk));
        }
        var (allOk, allNotOk) = Judged(results);
        return new InspectionTotals(list.Count(i => i.Announced), list.Count(i => !i.Announced), allOk, allNotOk, results.Count(r => r.Verdict == ItemVerdict.NotSeen),
            items, weeks);
    }

    /// <summary>The items found not OK most often (at least once), most first; equal counts by the lower pass rate, then the key.</summary>
    public static IReadOnlyList<ItemTally> MostFailed(IEnumerable<ItemTally> items, int count) =>
        [.. items.Where(i => i.NotOk > 0).OrderByDescending(i => i.NotOk).ThenBy(i => i.PassRate).ThenBy(i => i.Key, StringComparer.Ordinal).Take(count)];

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
