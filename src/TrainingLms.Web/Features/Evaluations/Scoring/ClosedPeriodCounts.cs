using System.Collections.Concurrent;

namespace TrainingLms.Web.Features.Evaluations.Scoring;

/// <summary>A period's targets and evaluator assignments, and how many of them were evaluated.</summary>
public readonly record struct PeriodCounts(int Targets, int TargetsEvaluated, int Assignments, int AssignmentsDone);

/// <summary>
/// The counts of closed periods, kept once read. They never change: nothing lands in a closed period (an evaluation's
/// save locks the period's row and is refused once it is closed), targets and assignments are made when a period
/// opens, and deleting them is refused. The periods page lists every month ever run, and counting each month's
/// assignments and evaluations again on every view (some 17,000 of each a month on a large company) grew with every
/// month. One entry a period; correct on every instance, as what it keeps cannot change.
/// </summary>
public sealed class ClosedPeriodCounts
{
    private readonly ConcurrentDictionary<int, PeriodCounts> kept = new();

    public bool TryGet(int periodId, out PeriodCounts counts) => kept.TryGetValue(periodId, out counts);

    /// <summary>Only counts read after the period was seen closed: before that an evaluation could still land.</summary>
    public void Keep(int periodId, PeriodCounts counts) => kept[periodId] = counts;
}
