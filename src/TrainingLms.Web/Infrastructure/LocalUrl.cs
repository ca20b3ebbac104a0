namespace TrainingLms.Web.Infrastructure;

public static class LocalUrl
{
    /// <summary>Only paths on this site are followed after a form, so a link cannot bounce a person elsewhere.</summary>
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
