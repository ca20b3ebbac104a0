namespace TrainingLms.Domain.ShiftReviews;

public sealed record PointCount(EtiquettePoint Point, int Count);

/// <summary>How often each etiquette point was tagged over a set of reviews or notes.</summary>
public static class TagTally
{
    /// <summary>Points tagged at least once, most frequent first; ties keep the display order.</summary>
    public static IReadOnlyList<PointCount> Count(IEnumerable<EtiquettePoint> tagSets) => Count(tagSets.Select(set => (set, 1)));

    /// <summary>The same from pre-grouped counts (one row per distinct tag set, as a GROUP BY returns them).</summary>
    public static IReadOnlyList<PointCount> Count(IEnumerable<(EtiquettePoint Set, int Times)> groupedSets)
    {
        var counts = new int[EtiquettePoints.All.Count];
        foreach (var (set, times) in groupedSets)
        {
            for (var i = 0; i < counts.Length; i++)
                if ((set & EtiquettePoints.All[i]) != 0) counts[i] += times;
        }
        return [.. EtiquettePoints.All.Select((point, i) => new PointCount(point, counts[i]))
            .Where(c => c.Count > 0)
            .OrderByDescending(c => c.Count)];
    }
}
