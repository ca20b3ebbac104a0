using System.Collections.Concurrent;
using System.Linq.Expressions;
using TrainingLms.Domain.Inspections;

namespace TrainingLms.Web.Features.Inspections.Oversight;

/// <summary>
/// The oversight's figures, counted by the database per post and ISO week of the company's days: the inspections per
/// distinct set of verdicts (<see cref="Inspection.Verdicts"/>), which the app splits into items and judged ticks once
/// per set. <see cref="InspectionTally.Totals"/> makes the same figures of them as <see cref="InspectionTally.Count"/> would.
/// </summary>
/// <remarks>
/// A year of the whole company is some 50,000 inspections, too many to group on every view. Inspections are only ever
/// added — filed with the server's time, never edited or deleted — so a post's week (or period) that holds as many
/// inspections as when it was last read holds the same ones. Each view counts the inspections per post (from the index
/// alone); for the posts whose count changed, per week; and it reads the sets of verdicts again only for the weeks
/// whose count changed (this week, mostly) or that were never read.
/// Whatever another instance files changes the count it lands in, so every instance shows it on its next view.
/// </remarks>
public sealed class OversightCounts
{
    public sealed record Counted(InspectionTotals Totals, IReadOnlyList<int> FormRevisionIds);

    /// <summary>A post's inspections in one week of a period (the first and last may be cut short by the period's ends).</summary>
    private readonly record struct PostWeek(int TeamId, DateTime StartUtc, DateTime EndUtc);

    /// <summary>A set of verdicts split into its ticks, once for every post's week that has it.</summary>
    private sealed record Ticks(List<ItemResult> Results, int Ok, int NotOk);

    private sealed record VerdictSet(int FormRevisionId, Ticks Ticks, int Count);

    private sealed record WeekSets(int Held, int Announced, IReadOnlyList<VerdictSet> Sets);

    /// <summary>Some 500 posts' weeks of several years: beyond it, the memory is given back and filled again as views need.</summary>
    private const int MaxKnown = 200_000;

    private readonly ConcurrentDictionary<PostWeek, WeekSets> known = new();

    /// <summary>A post's inspections in one period (its bounds and the company's zone make its weeks), as last counted.</summary>
    private readonly record struct PostPeriodKey(int TeamId, DateTime StartUtc, DateTime EndUtc, string Zone);

    private sealed record PostPeriod(int Count, IReadOnlyList<(int Week, WeekSets Sets)> Weeks);

    private readonly ConcurrentDictionary<PostPeriodKey, PostPeriod> periods = new();

    private readonly ConcurrentDictionary<string, Ticks> split = new(StringComparer.Ordinal);

    /// <summary>One text for each item key, shared by every tick of it; guarded by itself.</summary>
    private readonly Dictionary<string, string> itemKeys = new(StringComparer.Ordinal);

    /// <summary>What the count reads of an inspection: its post, the week it falls in, its form revision, its verdicts.</summary>
    private sealed class Held
    {
        public int TeamId { get; init; }
        public int Week { get; init; }
        public int FormRevisionId { get; init; }
        public string Verdicts { get; init; } = "";
        public bool Announced { get; init; }
    }

    /// <param name="held">The period's inspections of the chosen posts: from <paramref name="startUtc"/>, before <paramref name="endUtc"/>.</param>
    public async Task<Counted> CountAsync(IQueryable<Inspection> held, DateOnly from, DateOnly to, DateTime startUtc, DateTime endUtc, string? zone,
        CancellationToken cancellationToken)
    {
        var mondays = new List<DateOnly>();
        for (var monday = InspectionTally.Monday(from); monday <= to; monday = monday.AddDays(7)) mondays.Add(monday);
        // Where each week after the first starts, as an instant: the zone's own offsets (summer time too) decide it.
        var starts = mondays.Skip(1).Select(m => SiteTime.ToUtc(m.ToDateTime(TimeOnly.MinValue), zone)).ToArray();
        PostWeek Key(int teamId, int week) => new(teamId, week == 0 ? startUtc : starts[week - 1], week == starts.Length ? endUtc : starts[week]);

        // First per post, one group each: a post with as many inspections as at its last count has the same weeks.
        var posts = await held.GroupBy(i => i.TeamId).Select(g => new { TeamId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        PostPeriodKey PeriodOf(int teamId) => new(teamId, startUtc, endUtc, zone ?? "");
        var weeks = new List<(int Week, PostWeek Key, int Count, WeekSets? Sets)>();
        var changed = new List<int>();
        foreach (var post in posts)
        {
            if (periods.TryGetValue(PeriodOf(post.TeamId), out var period) && period.Count == post.Count)
                weeks.AddRange(period.Weeks.Select(w => (w.Week, Key(post.TeamId, w.Week), w.Sets.Held, (WeekSets?)w.Sets)));
            else changed.Add(post.TeamId);
        }
        if (changed.Count > 0) weeks.AddRange(await CountWeeksAsync(changed.Count == posts.Count ? held : held.Where(i => changed.Contains(i.TeamId))));

        async Task<List<(int Week, PostWeek Key, int Count, WeekSets? Sets)>> CountWeeksAsync(IQueryable<Inspection> ofPosts)
        {
            var counted = await ofPosts.Select(Read(starts, withVerdicts: false)).GroupBy(h => new { h.TeamId, h.Week })
                .Select(g => new { g.Key.TeamId, g.Key.Week, Count = g.Count() }).ToListAsync(cancellationToken);
            // What is known of each post's week, taken now: another view may give the memory back meanwhile.
            var counts = counted.Select(c => (c.Week, Key: Key(c.TeamId, c.Week), c.Count, Sets: known.GetValueOrDefault(Key(c.TeamId, c.Week)))).ToList();
            var stale = counts.Where(w => w.Sets is null || w.Sets.Held != w.Count).ToList();
            if (stale.Count > 0)
            {
                if (known.Count + periods.Count > MaxKnown)
                {
                    known.Clear();
                    periods.Clear();
                    split.Clear();
                }
                var reread = ofPosts;
                if (stale.Count < counts.Count)
                {
                    // Only the stale posts, from the earliest stale week: on a view of a past period, this week's filings alone.
                    var teams = stale.Select(s => s.Key.TeamId).Distinct().ToList();
                    var sinceUtc = stale.Min(s => s.Key.StartUtc);
                    reread = ofPosts.Where(i => teams.Contains(i.TeamId) && i.InspectedAtUtc >= sinceUtc);
                }
                var groups = await reread.Select(Read(starts, withVerdicts: true)).GroupBy(h => new { h.TeamId, h.Week, h.FormRevisionId, h.Verdicts })
                    .Select(g => new { g.Key.TeamId, g.Key.Week, g.Key.FormRevisionId, g.Key.Verdicts, Count = g.Count(), Announced = g.Count(h => h.Announced) })
                    .ToListAsync(cancellationToken);
                var read = groups.GroupBy(g => Key(g.TeamId, g.Week)).ToDictionary(week => week.Key,
                    week => new WeekSets(week.Sum(g => g.Count), week.Sum(g => g.Announced), [.. week.Select(g => new VerdictSet(g.FormRevisionId, Split(g.Verdicts), g.Count))]));
                foreach (var (key, sets) in read) known[key] = sets;
                counts = [.. counts.Select(w => read.TryGetValue(w.Key, out var sets) ? w with { Sets = sets } : w)];
            }
            foreach (var post in counts.GroupBy(w => w.Key.TeamId).Where(post => post.All(w => w.Sets is not null)))
                periods[PeriodOf(post.Key)] = new PostPeriod(post.Sum(w => w.Sets!.Held), [.. post.Select(w => (w.Week, w.Sets!))]);
            return counts;
        }

        // Added up per week and per distinct set of verdicts (split into ticks when it was read).
        var perSet = new Dictionary<Ticks, int>(ReferenceEqualityComparer.Instance);
        var perWeek = new (int Held, int Ok, int NotOk)[mondays.Count];
        var revisions = new HashSet<int>();
        var (inspections, announced) = (0, 0);
        foreach (var (index, _, _, week) in weeks)
        {
            if (week is null) continue;
            inspections += week.Held;
            announced += week.Announced;
            foreach (var set in week.Sets)
            {
                var (weekHeld, ok, notOk) = perWeek[index];
                perWeek[index] = (weekHeld + set.Count, ok + set.Ticks.Ok * set.Count, notOk + set.Ticks.NotOk * set.Count);
                perSet[set.Ticks] = perSet.GetValueOrDefault(set.Ticks) + set.Count;
                revisions.Add(set.FormRevisionId);
            }
        }
        var items = perSet.SelectMany(set => set.Key.Results.Select(tick => new ItemTally(tick.Key,
            tick.Verdict == ItemVerdict.Ok ? set.Value : 0, tick.Verdict == ItemVerdict.NotOk ? set.Value : 0, tick.Verdict == ItemVerdict.NotSeen ? set.Value : 0)));
        var weekCounts = perWeek.Select((week, i) => new WeekCount(mondays[i], week.Held, week.Ok, week.NotOk));
        return new Counted(InspectionTally.Totals(items, weekCounts, announced, inspections - announced, from, to), [.. revisions]);
    }

    private Ticks Split(string verdicts) => split.GetOrAdd(verdicts, text =>
    {
        List<ItemResult> results;
        lock (itemKeys) results = InspectionVerdicts.Decode(text, itemKeys);
        var (ok, notOk) = InspectionTally.Judged(results);
        return new Ticks(results, ok, notOk);
    });

    private static Expression<Func<Inspection, Held>> Read(DateTime[] starts, bool withVerdicts)
    {
        var inspection = Expression.Parameter(typeof(Inspection), "i");
        MemberAssignment Bind(string held, Expression value) => Expression.Bind(typeof(Held).GetProperty(held)!, value);
        Expression Property(string name) => Expression.Property(inspection, name);
        List<MemberBinding> bindings =
        [
            Bind(nameof(Held.TeamId), Property(nameof(Inspection.TeamId))),
            Bind(nameof(Held.Week), WeekOf(starts, Property(nameof(Inspection.InspectedAtUtc)))),
        ];
        if (withVerdicts)
        {
            bindings.Add(Bind(nameof(Held.FormRevisionId), Property(nameof(Inspection.FormRevisionId))));
            bindings.Add(Bind(nameof(Held.Verdicts), Property(nameof(Inspection.Verdicts))));
            bindings.Add(Bind(nameof(Held.Announced), Property(nameof(Inspection.Announced))));
        }
        return Expression.Lambda<Func<Inspection, Held>>(Expression.MemberInit(Expression.New(typeof(Held)), bindings), inspection);
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
