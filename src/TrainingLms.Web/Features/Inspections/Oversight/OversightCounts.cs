using System.Linq.Expressions;
using TrainingLms.Domain.Inspections;

namespace TrainingLms.Web.Features.Inspections.Oversight;

/// <summary>
/// The oversight's figures counted by the database, so that a year of the whole company (some 50,000 inspections)
/// comes back as far fewer rows, in one pass: the inspections per ISO week of the company's days and distinct set of
/// verdicts (<see cref="Inspection.Verdicts"/>), which the app splits into items and judged ticks once per set.
/// <see cref="InspectionTally.Totals"/> makes the same figures of them as <see cref="InspectionTally.Count"/> would.
/// </summary>
internal static class OversightCounts
{
    public sealed record Counted(InspectionTotals Totals, IReadOnlyList<int> FormRevisionIds);

    /// <summary>What the count reads of an inspection: the week it falls in, its form revision, its verdicts.</summary>
    private sealed class Held
    {
        public int Week { get; init; }
        public int FormRevisionId { get; init; }
        public string Verdicts { get; init; } = "";
        public bool Announced { get; init; }
    }

    public static async Task<Counted> CountAsync(IQueryable<Inspection> held, DateOnly from, DateOnly to, string? zone, CancellationToken cancellationToken)
    {
        var mondays = new List<DateOnly>();
        for (var monday = InspectionTally.Monday(from); monday <= to; monday = monday.AddDays(7)) mondays.Add(monday);
        // Where each week after the first starts, as an instant: the zone's own offsets (summer time too) decide it.
        var starts = mondays.Skip(1).Select(m => SiteTime.ToUtc(m.ToDateTime(TimeOnly.MinValue), zone)).ToArray();

        var groups = await held.Select(Read(starts)).GroupBy(h => new { h.Week, h.FormRevisionId, h.Verdicts })
            .Select(g => new { g.Key.Week, g.Key.FormRevisionId, g.Key.Verdicts, Count = g.Count(), Announced = g.Count(h => h.Announced) })
            .ToListAsync(cancellationToken);

        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var sets = groups.GroupBy(g => g.Verdicts, StringComparer.Ordinal).Select(set =>
        {
            var results = InspectionVerdicts.Decode(set.Key, keys);
            return (Results: results, Judged: InspectionTally.Judged(results), Groups: set.ToList());
        }).ToList();
        var items = sets.SelectMany(set =>
        {
            var count = set.Groups.Sum(g => g.Count);
            return set.Results.Select(tick => new ItemTally(tick.Key,
                tick.Verdict == ItemVerdict.Ok ? count : 0, tick.Verdict == ItemVerdict.NotOk ? count : 0, tick.Verdict == ItemVerdict.NotSeen ? count : 0));
        });
        var weeks = sets.SelectMany(set => set.Groups.Select(g => new WeekCount(mondays[g.Week], g.Count, set.Judged.Ok * g.Count, set.Judged.NotOk * g.Count)));
        var announced = groups.Sum(g => g.Announced);
        var totals = InspectionTally.Totals(items, weeks, announced, groups.Sum(g => g.Count) - announced, from, to);
        return new Counted(totals, [.. groups.Select(g => g.FormRevisionId).Distinct()]);
    }

    private static Expression<Func<Inspection, Held>> Read(DateTime[] starts)
    {
        var inspection = Expression.Parameter(typeof(Inspection), "i");
        Expression Property(string name) => Expression.Property(inspection, name);
        return Expression.Lambda<Func<Inspection, Held>>(Expression.MemberInit(Expression.New(typeof(Held)),
            Expression.Bind(typeof(Held).GetProperty(nameof(Held.Week))!, WeekOf(starts, Property(nameof(Inspection.InspectedAtUtc)))),
            Expression.Bind(typeof(Held).GetProperty(nameof(Held.FormRevisionId))!, Property(nameof(Inspection.FormRevisionId))),
            Expression.Bind(typeof(Held).GetProperty(nameof(Held.Verdicts))!, Property(nameof(Inspection.Verdicts))),
            Expression.Bind(typeof(Held).GetProperty(nameof(Held.Announced))!, Property(nameof(Inspection.Announced)))), inspection);
    }

    /// <summary>
    /// The week an inspection falls in, as the number of week starts at or before it, in a balanced tree of comparisons
    /// (a few per row, not one per week). The starts are read through an array so that they are sent as parameters: the
    /// query's shape depends only on how many weeks there are.
    /// </summary>
    private static Expression WeekOf(DateTime[] starts, Expression at)
    {
        var holder = Expression.Constant(starts);
        // Weeks lo..hi: starts[k - 1] is where week k starts.
        Expression Between(int lo, int hi)
        {
            if (lo == hi) return Expression.Constant(lo);
            var mid = (lo + hi + 1) / 2;
            return Expression.Condition(Expression.LessThan(at, Expression.ArrayIndex(holder, Expression.Constant(mid - 1))), Between(lo, mid - 1), Between(mid, hi));
        }
        return Between(0, starts.Length);
    }
}
