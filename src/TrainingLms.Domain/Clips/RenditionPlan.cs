namespace TrainingLms.Domain.Clips;

/// <summary>What the probe found out about a source's video stream, as far as transcoding cares.</summary>
/// <param name="SampleAspect">Width of a pixel over its height (DV: 16/15, 64/45, 8/9, 32/27); 1 for square pixels.</param>
/// <param name="Rotation">Degrees the player must turn the picture (phone video), a multiple of 90.</param>
public sealed record VideoFacts(int Width, int Height, double SampleAspect, int Rotation, bool Interlaced, double DurationSeconds, bool HasAudio);

/// <summary>
/// The web renditions of a source: 480p and 720p by the shorter side of the picture as it is meant to be seen
/// (square pixels, turned upright), never larger than the source; a source smaller than 480p keeps its own size.
/// </summary>
public static class RenditionPlan
{
    public static readonly IReadOnlyList<int> ShortSides = [480, 720];

    /// <summary>The picture as it is meant to be seen: pixels made square, then turned upright.</summary>
    public static (int Width, int Height) DisplaySize(VideoFacts video)
    {
        var aspect = video.SampleAspect is > 0 and < 10 && double.IsFinite(video.SampleAspect) ? video.SampleAspect : 1;
        var width = Even(video.Width * aspect);
        var height = Even(video.Height);
        return IsQuarterTurn(video.Rotation) ? (height, width) : (width, height);
    }

    public static IReadOnlyList<ClipRendition> For(VideoFacts video)
    {
        var (width, height) = DisplaySize(video);
        var shortSide = Math.Min(width, height);
        var sides = ShortSides.Where(side => side <= shortSide).ToList();
        if (sides.Count == 0) sides.Add(shortSide);
        return [.. sides.Select(side => Scaled(width, height, side))];
    }

    private static ClipRendition Scaled(int width, int height, int shortSide)
    {
        var scale = (double)shortSide / Math.Min(width, height);
        return new ClipRendition(Even(width * scale), Even(height * scale), 0);
    }

    public static bool IsQuarterTurn(int rotation) => Math.Abs(rotation % 180) == 90;

    // H.264 in yuv420p needs even dimensions.
    private static int Even(double value) => Math.Max(2, (int)Math.Round(value / 2, MidpointRounding.AwayFromZero) * 2);
}
