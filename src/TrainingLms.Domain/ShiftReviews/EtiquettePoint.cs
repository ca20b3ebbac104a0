namespace TrainingLms.Domain.ShiftReviews;

/// <summary>
/// The etiquette points a review tags what went well or fell short with: the quality-inspection basics
/// (meet, smile, greet, rise) and the standards taught alongside them. Flags, so a set fits one column.
/// </summary>
[Flags]
public enum EtiquettePoint
{
    None = 0,
    Meet = 1,
    Smile = 2,
    Greet = 4,
    Rise = 8,
    Appearance = 16,
    Language = 32,
    FirstInquiry = 64,
    Hygiene = 128,
}

public static class EtiquettePoints
{
    /// <summary>Every single point, in the order forms and charts show them.</summary>
    public static readonly IReadOnlyList<EtiquettePoint> All =
    [
        EtiquettePoint.Meet, EtiquettePoint.Smile, EtiquettePoint.Greet, EtiquettePoint.Rise,
        EtiquettePoint.Appearance, EtiquettePoint.Language, EtiquettePoint.FirstInquiry, EtiquettePoint.Hygiene,
    ];

    private const EtiquettePoint Every = (EtiquettePoint)255;

    /// <summary>The single points in a set, in display order.</summary>
    public static IReadOnlyList<EtiquettePoint> Split(EtiquettePoint set) => [.. All.Where(point => (set & point) != 0)];

    /// <summary>A set from the names a form posted; unknown names are ignored.</summary>
    public static EtiquettePoint Parse(IEnumerable<string?> names) =>
        names.Aggregate(EtiquettePoint.None, (set, name) =>
            Enum.TryParse<EtiquettePoint>(name, ignoreCase: false, out var point) && All.Contains(point) ? set | point : set);

    /// <summary>Drops bits that are no point (a tampered form or an old row).</summary>
    public static EtiquettePoint Clean(EtiquettePoint set) => set & Every;
}
