using System.Net;
using System.Text.RegularExpressions;

namespace TrainingLms.Benchmarks.Pages;

/// <summary>
/// The pages a person reaches from the app's menu and home page: the same-origin links of <c>nav.app-nav</c> and of
/// the whole home page, without downloads (by their extension) or actions such as signing out; by path and query,
/// each once.
/// </summary>
internal static partial class PageDiscovery
{
    private static readonly string[] Downloads = [".pdf", ".csv", ".xlsx", ".mp4", ".jpg", ".jpeg", ".png", ".webp", ".zip", ".vtt"];
    private static readonly string[] Actions = ["signout", "logout"];

    public static async Task<IReadOnlyList<string>> DiscoverAsync(HttpClient client, string cookie, string role)
    {
        var (home, _) = await PagesBenchmark.GetPageAsync(client, "/", cookie, role);
        var menu = Menu().Match(home);
        if (!menu.Success) throw new InvalidOperationException($"{role}: the home page has no nav.app-nav menu.");
        return [.. Links(menu.Value).Concat(Links(home)).Select(href => SameOriginPath(href, client.BaseAddress!)).OfType<string>()
            .Where(path => !Downloads.Any(d => path.Split('?')[0].EndsWith(d, StringComparison.OrdinalIgnoreCase)))
            .Where(path => !Actions.Any(a => path.Contains(a, StringComparison.OrdinalIgnoreCase)))
            .Distinct()];
    }

    private static IEnumerable<string> Links(string html) => Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));

    /// <summary>The path and query of a link to this app, without its fragment; null for another site's or a mailto:/tel: link.</summary>
    private static string? SameOriginPath(string href, Uri baseAddress)
    {
        if (!Uri.TryCreate(baseAddress, href, out var uri) || uri.Scheme is not ("http" or "https") || uri.Authority != baseAddress.Authority) return null;
        return uri.PathAndQuery;
    }

    [GeneratedRegex("""<nav class="app-nav"[^>]*>.*?</nav>""", RegexOptions.Singleline)]
    private static partial Regex Menu();

    [GeneratedRegex("<a\\s[^>]*?href=\"([^\"]*)\"")]
    private static partial Regex Href();
}
