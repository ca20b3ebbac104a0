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

/// <summary>One ISO week's inspections and judged ticks as counted, before the period's empty weeks are added.</summary>
public sealed record WeekCount(DateOnly Monday, int Inspections, int Ok, int NotOk);

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
        var items = list.SelectMany(i => i.Results).GroupBy(r => r.Key, StringComparer.Ordinal)
            .Select(g => new ItemTally(g.Key, g.Count(r => r.Verdict == ItemVerdict.Ok), g.Count(r => r.Verdict == ItemVerdict.NotOk), g.Count(r => r.Verdict == ItemVerdict.NotSeen)));
        var weeks = list.GroupBy(i => Monday(i.Day)).Select(g =>
        {
            var (ok, notOk) = Judged(g.SelectMany(i => i.Results));
            return new WeekCount(g.Key, g.Count(), ok, notOk);
        });
        return Totals(items, weeks, list.Count(i => i.Announced), list.Count(i => !i.Announced), from, to);
    }

    /// <summary>
    /// The same figures from counts made elsewhere (by the database): the ticks per item, the inspections and judged
    /// ticks per week (by the week's Monday; a Monday may come more than once), the announced and walk-by inspections.
    /// </summary>
    public static InspectionTotals Totals(IEnumerable<ItemTally> items, IEnumerable<WeekCount> weeks, int announced, int walkBy, DateOnly from, DateOnly to)
    {
        var ordered = items.GroupBy(i => i.Key, StringComparer.Ordinal)
            .Select(g => new ItemTally(g.Key, g.Sum(i => i.Ok), g.Sum(i => i.NotOk), g.Sum(i => i.NotSeen)))
            .OrderBy(i => i.PassRate ?? double.MaxValue).ThenBy(i => i.Key, StringComparer.Ordinal)
            .ToList();
        var byWeek = weeks.GroupBy(w => w.Monday).ToDictionary(g => g.Key, g => (Held: g.Sum(w => w.Inspections), Ok: g.Sum(w => w.Ok), NotOk: g.Sum(w => w.NotOk)));
        var lines = new List<WeekTally>();
        for (var monday = Monday(from); monday <= to; monday = monday.AddDays(7))
        {
            var (held, ok, notOk) = byWeek.GetValueOrDefault(monday);
            var date = monday.ToDateTime(TimeOnly.MinValue);
            lines.Add(new WeekTally(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date), monday, held, ok, notOk));
        }
        return new InspectionTotals(announced, walkBy, ordered.Sum(i => i.Ok), ordered.Sum(i => i.NotOk), ordered.Sum(i => i.NotSeen), ordered, lines);
    }

    /// <summary>The Monday of the ISO week the day is in.</summary>
    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The items found not OK most often (at least once), most first; equal counts by the lower pass rate, then the key.</summary>
    public static IReadOnlyList<ItemTally> MostFailed(IEnumerable<ItemTally> items, int count) =>
        [.. items.Where(i => i.NotOk > 0).OrderByDescending(i => i.NotOk).ThenBy(i => i.PassRate).ThenBy(i => i.Key, StringComparer.Ordinal).Take(count)];
}
