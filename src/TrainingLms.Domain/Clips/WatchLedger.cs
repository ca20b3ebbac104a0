namespace TrainingLms.Domain.Clips;

/// <summary>A stretch of a clip that was played, in seconds from its start.</summary>
public readonly record struct WatchSpan(double Start, double End)
{
    public double Length => End - Start;
}

/// <summary>The result of crediting one report: the new merged spans and how many seconds it added.</summary>
public sealed record WatchCredit(IReadOnlyList<WatchSpan> Watched, double AddedSeconds)
{
    public double TotalSeconds => Watched.Sum(s => s.Length);
}

/// <summary>
/// The honest arithmetic of watch tracking. The player reports the spans it really played (a seek starts a new span,
/// so seeking ahead earns nothing); the server merges them into unique seconds (re-watching counts once) and clamps
/// what it cannot believe: spans outside the clip, nonsense numbers, floods of overlapping spans, and more new
/// seconds than the time since the last report allows.
/// </summary>
public static class WatchLedger
{
    /// <summary>Spans beyond this in one report are ignored: a player sends a handful.</summary>
    public const int MaxSpansPerReport = 500;

    /// <summary>Spans closer than this are one span: timeupdate events come a quarter of a second apart.</summary>
    public const double JoinGapSeconds = 0.5;

    /// <summary>Clamps spans to the clip, drops empty and nonsense ones, and merges what overlaps or touches.</summary>
    public static IReadOnlyList<WatchSpan> Merge(IEnumerable<WatchSpan> spans, double durationSeconds)
    {
        var merged = new List<WatchSpan>();
        foreach (var span in spans.Select(s => Clamp(s, durationSeconds)).Where(s => s.Length > 0).OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End + JoinGapSeconds)
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, span.End) };
            else
                merged.Add(span);
        }
        return merged;
    }

    /// <summary>
    /// Adds the reported spans to what was already watched, in the order they were played, crediting at most
    /// <paramref name="allowanceSeconds"/> of time not watched before.
    /// </summary>
    public static WatchCredit Credit(IReadOnlyList<WatchSpan> watched, IEnumerable<WatchSpan> reported, double durationSeconds, double allowanceSeconds)
    {
        var current = Merge(watched, durationSeconds);
        var before = current.Sum(s => s.Length);
        var remaining = Math.Max(0, allowanceSeconds);
        foreach (var span in reported.Take(MaxSpansPerReport).Select(s => Clamp(s, durationSeconds)).Where(s => s.Length > 0))
        {
            if (remaining <= 0) break;
            var added = new List<WatchSpan>();
            foreach (var gap in Gaps(current, span))
            {
                var credited = Math.Min(gap.Length, remaining);
                added.Add(gap with { End = gap.Start + credited });
                remaining -= credited;
                if (remaining <= 0) break;
            }
            current = Merge(current.Concat(added), durationSeconds);
        }
        return new WatchCredit(current, Math.Max(0, current.Sum(s => s.Length) - before));
    }

    /// <summary>
    /// The seconds of new watching a report may claim: the unspent budget plus the time since the last report at the
    /// fastest playback rate, never more than <paramref name="capSeconds"/> (so that an idle tab saves up nothing).
    /// </summary>
    public static double Allowance(double unspentSeconds, TimeSpan sinceLastReport, double maxPlaybackRate, double capSeconds) =>
        Math.Clamp(unspentSeconds + Math.Max(0, sinceLastReport.TotalSeconds) * maxPlaybackRate, 0, capSeconds);

    /// <summary>The share of the clip watched, from 0 to 1.</summary>
    public static double Share(double watchedSeconds, double durationSeconds) =>
        durationSeconds <= 0 ? 0 : Math.Clamp(watchedSeconds / durationSeconds, 0, 1);

    /// <summary>A resume position: inside the clip, and back at the start when the viewer had reached the end.</summary>
    public static double ResumePosition(double lastPositionSeconds, double durationSeconds) =>
        !double.IsFinite(lastPositionSeconds) || lastPositionSeconds < 0 || lastPositionSeconds >= durationSeconds - 2 ? 0 : lastPositionSeconds;

    private static WatchSpan Clamp(WatchSpan span, double durationSeconds)
    {
        if (!double.IsFinite(span.Start) || !double.IsFinite(span.End) || durationSeconds <= 0) return default;
        var start = Math.Clamp(span.Start, 0, durationSeconds);
        var end = Math.Clamp(span.End, 0, durationSeconds);
        return end > start ? new WatchSpan(start, end) : default;
    }

    /// <summary>The parts of <paramref name="span"/> not yet covered by the merged <paramref name="covered"/> spans.</summary>
    private static IEnumerable<WatchSpan> Gaps(IReadOnlyList<WatchSpan> covered, WatchSpan span)
    {
        var cursor = span.Start;
        foreach (var part in covered)
        {
            if (part.End <= cursor) continue;
            if (part.Start >= span.End) break;
            if (part.Start > cursor) yield return new WatchSpan(cursor, part.Start);
            cursor = Math.Max(cursor, part.End);
            if (cursor >= span.End) yield break;
        }
        if (cursor < span.End) yield return new WatchSpan(cursor, span.End);
    }
}
