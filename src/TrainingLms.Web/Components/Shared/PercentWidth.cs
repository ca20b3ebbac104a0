namespace TrainingLms.Web.Components.Shared;

/// <summary>
/// A bar's width as a class (<c>pct-0</c> … <c>pct-100</c> in app.css) rather than a style attribute, which the
/// Content-Security-Policy refuses (style-src 'self', see Infrastructure/Hosting/SecurityHeaders).
/// </summary>
public static class PercentWidth
{
    public static string Class(double percent) =>
        "pct-" + Math.Clamp((int)Math.Round(percent, MidpointRounding.AwayFromZero), 0, 100).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
