using System.Linq.Expressions;
using TrainingLms.Domain.Inspections;

namespace TrainingLms.Web.Features.Inspections.Oversight;

/// <summary>
/// The oversight's figures counted by the database, so that a year of the whole company (some 50,000 inspections)
/// comes back as a few hundred rows: the inspections and judged ticks per ISO week of the company's days, and the
/// inspections per distinct set of verdicts (<see cref="Inspection.Verdicts"/>), which the app splits into items.
/// <see cref="InspectionTally.Totals"/> makes the same figures of them as <see cref="InspectionTally.Count"/> would.
/// </summary>
internal static class OversightCounts
{
    public sealed record Counted(InspectionTotals Totals, IReadOnlyList<int> FormRevisionIds);

    public static async Task<Counted> CountAsync(IQueryable<Inspection> held, DateOnly from, DateOnly to, string? zone, CancellationToken cancellationToken)
    {
        var mondays = new List<DateOnly>();
        for (var monday = InspectionTally.Monday(from); monday <= to; monday = monday.AddDays(7)) mondays.Add(monday);
        // Where each week after the first starts, as an instant: the zone's own offsets (summer time too) decide it.
        var starts = mondays.Skip(1).Select(m => SiteTime.ToUtc(m.ToDateTime(TimeOnly.MinValue), zone)).ToArray();

        var weeks = await held.GroupBy(WeekOf(starts)).Select(g => new
        {
            Week = g.Key,
            Held = g.Count(),
            Announced = g.Count(i => i.Announced),
            // A tick is its verdict's digit after a space: " 1" starts an OK one, " 2" a "not OK" one (keys have no spaces).
            Ok = g.Sum(i => (" " + i.Verdicts).Length - (" " + i.Verdicts).Replace(" 1", " ").Length),
            NotOk = g.Sum(i => (" " + i.Verdicts).Length - (" " + i.Verdicts).Replace(" 2", " ").Length),
        }).ToListAsync(cancellationToken);
        var sets = await held.GroupBy(i => new { i.FormRevisionId, i.Verdicts })
            .Select(g => new { g.Key.FormRevisionId, g.Key.Verdicts, Count = g.Count() }).ToListAsync(cancellationToken);

        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var items = sets.SelectMany(set => InspectionVerdicts.Decode(set.Verdicts, keys).Select(tick => new ItemTally(tick.Key,
            tick.Verdict == ItemVerdict.Ok ? set.Count : 0, tick.Verdict == ItemVerdict.NotOk ? set.Count : 0, tick.Verdict == ItemVerdict.NotSeen ? set.Count : 0)));
        var totals = InspectionTally.Totals(items, weeks.Select(w => new WeekCount(mondays[w.Week], w.Held, w.Ok, w.NotOk)),
            weeks.Sum(w => w.Announced), weeks.Sum(w => w.Held - w.Announced), from, to);
        return new Counted(totals, [.. sets.Select(s => s.FormRevisionId).Distinct()]);
    }

    /// <summary>
    /// The week an inspection falls in, as the number of week starts at or before it, in a balanced tree of comparisons
    /// (a few per row, not one per week). The starts are read through an array so that they are sent as parameters: the
    /// query's shape depends only on how many weeks there are.
    /// </summary>
    private static Expression<Func<Inspection, int>> WeekOf(DateTime[] starts)
    {
        var inspection = Expression.Parameter(typeof(Inspection), "i");
        var at = Expression.Property(inspection, nameof(Inspection.InspectedAtUtc));
        var holder = Expression.Constant(starts);
        // Weeks lo..hi: starts[k - 1] is where week k starts.
        Expression Between(int lo, int hi)
        {
            if (lo == hi) return Expression.Constant(lo);
            var mid = (lo + hi + 1) / 2;
            return Expression.Condition(Expression.LessThan(at, Expression.ArrayIndex(holder, Expression.Constant(mid - 1))), Between(lo, mid - 1), Between(mid, hi));
        }
        return Expression.Lambda<Func<Inspection, int>>(Between(0, starts.Length), inspection);
    }
}
