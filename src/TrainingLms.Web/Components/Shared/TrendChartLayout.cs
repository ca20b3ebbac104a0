namespace TrainingLms.Web.Components.Shared;

/// <summary>One line of a chart: a percentage for each point shown (a month, a week), null where the point has none.</summary>
public sealed record TrendSeries(string Key, string Label, IReadOnlyList<double?> Scores);

/// <summary>
/// Where a line chart of percentages over time (monthly scores, weekly pass rates) puts its points, in the SVG's own units: the score axis spans the scores shown,
/// widened to whole tens (never beyond 0–100), so a site moving between 82 and 88 does not look flat on a 0–100 scale.
/// </summary>
public sealed class TrendChartLayout
{
    public const double Width = 640;
    public const double Height = 320;
    public const double Left = 40;
    // Room for half of the last label, which is centred on the last point.
    public const double Right = 34;
    public const double Top = 16;
    public const double Bottom = 36;

    public TrendChartLayout(int points, IEnumerable<double?> scores)
    {
        Points = points;
        var shown = scores.OfType<double>().ToList();
        var low = shown.Count == 0 ? 0 : Math.Floor(shown.Min() / 10) * 10;
        var high = shown.Count == 0 ? 100 : Math.Ceiling(shown.Max() / 10) * 10;
        if (high - low < 10) high = low + 10;
        Min = Math.Clamp(high > 100 ? 90 : low, 0, 90);
        Max = Math.Clamp(high, Min + 10, 100);
    }

    public int Points { get; }

    /// <summary>The score at the bottom of the axis.</summary>
    public double Min { get; }

    /// <summary>The score at the top of the axis.</summary>
    public double Max { get; }

    public double PlotBottom => Height - Bottom;

    public double PlotRight => Width - Right;

    /// <summary>The x of a point (a month, a week); a single one stands in the middle.</summary>
    public double X(int point) => Points <= 1 ? (Left + PlotRight) / 2 : Left + point * (PlotRight - Left) / (Points - 1);

    public double Y(double score) => PlotBottom - (Math.Clamp(score, Min, Max) - Min) / (Max - Min) * (PlotBottom - Top);

    /// <summary>Gridline scores: every ten, or every twenty on an axis wider than fifty.</summary>
    public IEnumerable<double> Ticks()
    {
        var step = Max - Min > 50 ? 20 : 10;
        for (var tick = Min; tick <= Max; tick += step) yield return tick;
    }

    /// <summary>Which points get a label under the axis: all of up to six, otherwise every other one and always the last.</summary>
    public bool Labelled(int point) => Points <= 6 || point == Points - 1 || (Points - 1 - point) % 2 == 0;

    /// <summary>
    /// An SVG path through the points that have a score; a point without one breaks the line (a new "M"), so a gap is
    /// never bridged as if the score had been there. Empty when no point has a score.
    /// </summary>
    public string Path(IReadOnlyList<double?> scores)
    {
        var path = new List<string>();
        var drawing = false;
        for (var point = 0; point < scores.Count; point++)
        {
            if (scores[point] is not { } score)
            {
                drawing = false;
                continue;
            }
            path.Add(FormattableString.Invariant($"{(drawing ? 'L' : 'M')}{Number(X(point))} {Number(Y(score))}"));
            drawing = true;
        }
        return string.Join(' ', path);
    }

    public static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
