namespace TrainingLms.Web.Features.Printables.Rendering;

/// <summary>A paper size in points and the type sizes set on it before any shrinking.</summary>
/// <param name="StartScale">The share of the sizes tried first: a chart with little text is set larger to fill the wall.</param>
public sealed record PageFormat(float Width, float Height, float Margin, float Title, float Subtitle, float Heading, float Item, float Footer, int MaxPages, bool HeaderBand, float StartScale = 1)
{
    private const float PointsPerMillimetre = 72 / 25.4f;

    /// <summary>The pocket card: A6 portrait, front and back.</summary>
    public static readonly PageFormat A6 = new(105 * PointsPerMillimetre, 148 * PointsPerMillimetre, 16, 15, 8, 10, 8.5f, 5.5f, 2, HeaderBand: false);

    /// <summary>The wall chart: A3 portrait, one page read from across a room.</summary>
    public static readonly PageFormat A3 = new(297 * PointsPerMillimetre, 420 * PointsPerMillimetre, 56, 46, 22, 28, 20, 11, 1, HeaderBand: true, StartScale: 1.3f);

    /// <summary>The smallest share of the sizes above that text is shrunk to; below it the text flows on regardless.</summary>
    public const float MinimumScale = 0.45f;
}
